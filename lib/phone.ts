/**
 * Country calling codes and phone-number formatting, browser-safe.
 *
 * CAMS takes numbers as digits only: country code + national number ("8613800001234"), except
 * AddChatappPhoneNumber, which takes the two apart (API.md §8). Country names come from
 * Intl.DisplayNames, so both UI languages get them without a translation table.
 */

export interface Country {
  /** ISO 3166-1 alpha-2 (the value the add form sends). */
  iso: string;
  /** Calling code, digits only. */
  cc: string;
  /** For codes several countries share: the national number's leading digits that mean this country. */
  leading?: readonly string[];
}

// ISO:cc, or ISO:cc:leading|leading for the smaller members of a shared code (NANP, +7, +44 …).
const RAW =
  "AF:93 AX:358:18 AL:355 DZ:213 AS:1:684 AD:376 AO:244 AI:1:264 AG:1:268 AR:54 AM:374 AW:297 AU:61 AT:43 AZ:994 " +
  "BS:1:242 BH:973 BD:880 BB:1:246 BY:375 BE:32 BZ:501 BJ:229 BM:1:441 BT:975 BO:591 BA:387 BW:267 BR:55 IO:246 " +
  "VG:1:284 BN:673 BG:359 BF:226 BI:257 KH:855 CM:237 CV:238 BQ:599:3|4|7 KY:1:345 CF:236 TD:235 CL:56 CN:86 " +
  "CX:61:89164 CC:61:89162 CO:57 KM:269 CG:242 CD:243 CK:682 CR:506 CI:225 HR:385 CU:53 CW:599 CY:357 CZ:420 DK:45 " +
  "DJ:253 DM:1:767 DO:1:809|829|849 EC:593 EG:20 SV:503 GQ:240 ER:291 EE:372 SZ:268 ET:251 FK:500 FO:298 FJ:679 " +
  "FI:358 FR:33 GF:594 PF:689 GA:241 GM:220 GE:995 DE:49 GH:233 GI:350 GR:30 GL:299 GD:1:473 GP:590 GU:1:671 " +
  "GT:502 GG:44:1481|7781|7839|7911 GN:224 GW:245 GY:592 HT:509 HN:504 HK:852 HU:36 IS:354 IN:91 ID:62 IR:98 IQ:964 " +
  "IE:353 IM:44:1624|74576|7524|7624|7924 IL:972 IT:39 JM:1:876|658 JP:81 JE:44:1534|7509|77003|77007|77008|7797|7829|7937 JO:962 " +
  "KZ:7:6|7 KE:254 KI:686 XK:383 KW:965 KG:996 LA:856 LV:371 LB:961 LS:266 LR:231 LY:218 LI:423 LT:370 LU:352 MO:853 " +
  "MG:261 MW:265 MY:60 MV:960 ML:223 MT:356 MH:692 MQ:596 MR:222 MU:230 YT:262:269|639 MX:52 FM:691 MD:373 MC:377 " +
  "MN:976 ME:382 MS:1:664 MA:212 MZ:258 MM:95 NA:264 NR:674 NP:977 NL:31 NC:687 NZ:64 NI:505 NE:227 NG:234 NU:683 " +
  "NF:672 KP:850 MK:389 MP:1:670 NO:47 OM:968 PK:92 PW:680 PS:970 PA:507 PG:675 PY:595 PE:51 PH:63 PL:48 PT:351 " +
  "PR:1:787|939 QA:974 RE:262 RO:40 RU:7 RW:250 BL:590:27 SH:290 KN:1:869 LC:1:758 MF:590:87 PM:508 VC:1:784 WS:685 " +
  "SM:378 ST:239 SA:966 SN:221 RS:381 SC:248 SL:232 SG:65 SX:1:721 SK:421 SI:386 SB:677 SO:252 ZA:27 KR:82 SS:211 " +
  "ES:34 LK:94 SD:249 SR:597 SJ:47:79 SE:46 CH:41 SY:963 TW:886 TJ:992 TZ:255 TH:66 TL:670 TG:228 TK:690 TO:676 " +
  "TT:1:868 TN:216 TR:90 TM:993 TC:1:649 TV:688 VI:1:340 UG:256 UA:380 AE:971 GB:44 US:1 UY:598 UZ:998 VU:678 " +
  "VA:39:06698 VE:58 VN:84 WF:681 EH:212:5288|5289 YE:967 ZM:260 ZW:263 " +
  // Canada shares +1 with the US: its area codes.
  "CA:1:204|226|236|249|250|257|263|289|306|343|354|365|367|368|382|387|403|416|418|428|431|437|438|450|460|468|474|" +
  "506|514|519|548|579|581|584|587|604|613|639|647|672|683|705|709|742|753|778|780|782|807|819|825|867|873|879|902|905|942";

export const COUNTRIES: readonly Country[] = RAW.split(" ").map((entry) => {
  const [iso, cc, leading] = entry.split(":") as [string, string, string | undefined];
  return leading ? { iso, cc, leading: leading.split("|") } : { iso, cc };
});

const BY_ISO = new Map(COUNTRIES.map((c) => [c.iso, c]));
/** Calling code → the countries using it, those with leading digits first (most specific wins). */
const BY_CC = new Map<string, Country[]>();
for (const c of COUNTRIES) BY_CC.set(c.cc, [...(BY_CC.get(c.cc) ?? []), c]);
for (const list of BY_CC.values()) list.sort((a, b) => Number(!a.leading) - Number(!b.leading));

export const countryByIso = (iso: string | null | undefined): Country | undefined => (iso ? BY_ISO.get(iso) : undefined);
export const isCallingCode = (cc: string) => BY_CC.has(cc);

/**
 * The longest digits a national number of this calling code has (significant number, no trunk
 * prefix). Used to tell "the country code typed twice" from a number that merely starts with the
 * same digits (Kazakh numbers start with 7, Indian mobiles with 91…). Others default to 11.
 */
const MAX_NATIONAL: Record<string, number> = {
  "1": 10, "7": 10, "20": 10, "27": 9, "30": 10, "31": 9, "32": 9, "33": 9, "34": 9, "36": 9, "39": 11, "40": 9,
  "41": 9, "43": 13, "44": 10, "45": 8, "46": 9, "47": 8, "48": 9, "49": 13, "51": 9, "52": 10, "53": 8, "54": 11,
  "55": 11, "56": 9, "57": 10, "58": 10, "60": 10, "61": 9, "62": 12, "63": 10, "64": 10, "65": 8, "66": 9, "81": 10,
  "82": 10, "84": 10, "86": 11, "90": 10, "91": 10, "92": 10, "93": 9, "94": 9, "95": 10, "98": 10, "212": 9,
  "213": 9, "234": 10, "254": 9, "351": 9, "352": 11, "353": 9, "358": 12, "380": 9, "852": 8, "853": 8, "880": 10,
  "886": 9, "966": 9, "971": 9, "972": 9,
};
export const maxNationalDigits = (cc: string) => MAX_NATIONAL[cc] ?? 11;

/** Countries whose international format keeps the leading 0 (Italy's landlines, Côte d'Ivoire, Congo). */
const KEEPS_LEADING_ZERO = new Set(["39", "225", "242"]);

/** E.164: at most 15 digits with the country code. CAMS needs at least 8 (API.md §8). */
export const E164_MAX = 15;
export const FULL_MIN = 8;
export const NATIONAL_MIN = 4;

export type NationalNumberIssue = "digitsOnly" | "tooShort" | "tooLong" | "repeatsCountryCode" | "trunkZero";

/** Why a national number cannot go with this country code, or null when it can. */
export function nationalNumberIssue(cc: string, national: string): NationalNumberIssue | null {
  if (!/^\d+$/.test(national)) return "digitsOnly";
  if (national.length > maxNationalDigits(cc) && national.startsWith(cc)) return "repeatsCountryCode";
  if (national.startsWith("0") && !KEEPS_LEADING_ZERO.has(cc)) return "trunkZero";
  if (national.length < NATIONAL_MIN || cc.length + national.length < FULL_MIN) return "tooShort";
  if (cc.length + national.length > E164_MAX) return "tooLong";
  return null;
}

export interface SplitNumber {
  cc: string | null;
  national: string;
  /** ISO code of the country, when the code and leading digits tell. */
  iso: string | null;
}

/** Splits a CAMS number (country code + national number, digits) into its parts. */
export function splitPhoneNumber(full: string): SplitNumber {
  const digits = full.replace(/\D/g, "");
  // Calling codes are a prefix code: at most one of the 1-, 2- and 3-digit prefixes is assigned.
  for (const len of [1, 2, 3]) {
    const cc = digits.slice(0, len);
    const list = BY_CC.get(cc);
    if (!list) continue;
    const national = digits.slice(len);
    const country = list.find((c) => c.leading?.some((l) => national.startsWith(l))) ?? list.find((c) => !c.leading) ?? list[0]!;
    return { cc, national, iso: country.iso };
  }
  return { cc: null, national: digits, iso: null };
}

const GROUPS: Record<number, number[]> = { 5: [2, 3], 6: [3, 3], 7: [3, 4], 8: [4, 4], 9: [3, 3, 3], 10: [3, 3, 4], 11: [3, 4, 4], 12: [4, 4, 4] };

function groupNational(national: string): string {
  const sizes = GROUPS[national.length] ?? (national.length <= 4 ? [national.length] : [3, ...Array(Math.ceil((national.length - 3) / 4)).fill(4)]);
  const parts: string[] = [];
  let i = 0;
  for (const size of sizes) {
    if (i >= national.length) break;
    parts.push(national.slice(i, i + size));
    i += size;
  }
  return parts.join(" ");
}

/** "+86 138 0000 0011": readable, and still only the digits CAMS knows (no guessing at local formats). */
export function formatPhoneNumber(full: string | null | undefined): string {
  if (!full) return "";
  const { cc, national } = splitPhoneNumber(full);
  return cc ? `+${cc} ${groupNational(national)}` : full;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** The country's name in the UI language ("Singapore", "新加坡"); the ISO code if the runtime has no names. */
export function countryName(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: "region", fallback: "code" }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale)?.of(iso) ?? iso;
}

/** Countries sorted by their name in `locale`, for pickers. */
export function sortedCountries(locale: string): { iso: string; cc: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRIES.map((c) => ({ iso: c.iso, cc: c.cc, name: countryName(c.iso, locale) })).sort((a, b) => collator.compare(a.name, b.name));
}
