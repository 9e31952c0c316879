/**
 * What the change history records of a number, and what explains a change. Shared by the server
 * (server/alerts/history.ts decides a change's source) and the UI (labels, filters).
 */

/** The number fields QueryChatappPhoneNumbers answers that the history follows. */
export const NUMBER_FIELDS = [
  "status",
  "qualityRating",
  "messagingLimitTier",
  "nameStatus",
  "newNameStatus",
  "verifiedName",
  "codeVerificationStatus",
  "statusCallbackUrl",
  "upCallbackUrl",
  "statusQueue",
  "upQueue",
] as const;

/**
 * The per-number details the details sweep, a read on demand and a change's read-back observe
 * (server/alerts/details-history.ts): the encryption key's fingerprint and its status (VALID,
 * MISMATCH, "missing" when the number has none), one `qrCode` event per code added, changed or
 * removed (the value is "<code>: <prefilled message>"), the health (CanSendMessage) and the
 * business profile's fields (the picture as its URL without the query, which may carry a token).
 */
export const KEY_FIELDS = ["keyFingerprint", "keyStatus"] as const;
export const PROFILE_FIELDS = ["profileAbout", "profileAddress", "profileDescription", "profileEmail", "profileVertical", "profileWebsites", "profilePicture"] as const;
export const DETAIL_FIELDS = [...KEY_FIELDS, "qrCode", "health", ...PROFILE_FIELDS] as const;

/** Every field of the history: the number's own, whether it is there at all ("present"/null), and its details. */
export const HISTORY_FIELDS = [...NUMBER_FIELDS, "presence", ...DETAIL_FIELDS] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export const HISTORY_SOURCES = ["console", "outside", "cams"] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/**
 * Settings this console manages: a change of one that no change of ours explains is drift
 * ("outside"). The other fields are CAMS's and WhatsApp's to set ("cams").
 */
export const MANAGED_FIELDS: ReadonlySet<HistoryField> = new Set<HistoryField>([
  "statusCallbackUrl",
  "upCallbackUrl",
  "statusQueue",
  "upQueue",
  "presence",
  // The key, the QR codes and the profile are set here; the key's status and the health are CAMS's.
  "keyFingerprint",
  "qrCode",
  ...PROFILE_FIELDS,
]);

const WEBHOOK_FIELDS: HistoryField[] = ["statusCallbackUrl", "upCallbackUrl", "statusQueue", "upQueue"];
// An upload can also turn the key's status (MISMATCH → VALID): that is the upload's doing.
const KEY_CHANGE_FIELDS: HistoryField[] = ["keyFingerprint", "keyStatus"];
const PROFILE_CHANGE_FIELDS: HistoryField[] = [...PROFILE_FIELDS];

/** The audit operations (server actions and bulk items) that change each field of a number. */
export const EXPLAINED_BY: Readonly<Record<string, readonly HistoryField[]>> = {
  "webhooks.updatePhone": WEBHOOK_FIELDS,
  "bulk.webhook": WEBHOOK_FIELDS,
  "phoneNumbers.add": ["presence", "status", "codeVerificationStatus", "verifiedName", "nameStatus"],
  "phoneNumbers.verify": ["codeVerificationStatus", "status"],
  "phoneNumbers.register": ["status"],
  "phoneNumbers.deregister": ["status"],
  "encryptionKeys.update": KEY_CHANGE_FIELDS,
  "bulk.encryptionKey": KEY_CHANGE_FIELDS,
  "qrCodes.create": ["qrCode"],
  "qrCodes.update": ["qrCode"],
  "qrCodes.delete": ["qrCode"],
  "profile.update": PROFILE_CHANGE_FIELDS,
  "bulk.profile": PROFILE_CHANGE_FIELDS,
};

export const operationsExplaining = (field: HistoryField): string[] =>
  Object.entries(EXPLAINED_BY)
    .filter(([, fields]) => fields.includes(field))
    .map(([op]) => op);

export const isHistoryField = (v: string): v is HistoryField => (HISTORY_FIELDS as readonly string[]).includes(v);
