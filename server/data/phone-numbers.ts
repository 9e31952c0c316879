import "server-only";
import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { PhoneNumberInfo } from "@/lib/cams/wire";
import {
  PHONE_PAGE_SIZE,
  type AllSpacesPageQuery,
  type AllSpacesPageResponse,
  type Granularity,
  type MetricsResponse,
  type PhoneListResponse,
  type PhoneNumberDetail,
  type PhoneNumberRow,
  type SpaceNumbersResult,
} from "@/lib/schemas/phone-numbers";
import { accessibleSpaces, getSessionUser, roleInSpace, type SessionUser, type SpaceRole } from "@/server/auth/session";
import { cachedRead } from "@/server/inventory/cached-read";
import { camsForSpace } from "@/server/cams/for-space";
import { toShownError } from "@/server/safe-error";
import { getDb } from "@/server/db";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { pageNumbers } from "@/server/inventory/page";
import { revalidateNumbers, spacesState, spacesView, spaceView, staleness, type SpaceView } from "@/server/inventory/read";
import { eachSpace } from "./each-space";
import { withRecentChanges } from "./history";
import { withHealth } from "./profile";
import { sandboxControlHeaders } from "./sandbox-control";

/** Server pages: the caller and their role in the space, or a 404 (a space they cannot read does not exist for them). */
export const pageSpaceAccess = cache(async (spaceId: string): Promise<{ user: SessionUser; role: SpaceRole }> => {
  const user = await getSessionUser();
  const role = user ? await roleInSpace(user, spaceId) : null;
  if (!user || !role) notFound();
  return { user, role };
});

const row = (n: PhoneNumberInfo): PhoneNumberRow => ({
  phoneNumber: n.phoneNumber ?? "",
  verifiedName: n.verifiedName,
  status: n.status,
  qualityRating: n.qualityRating,
  messagingLimitTier: n.messagingLimitTier,
  codeVerificationStatus: n.codeVerificationStatus,
  nameStatus: n.nameStatus,
  newNameStatus: n.newNameStatus,
});

/**
 * The raw QueryChatappPhoneNumbers rows of one space (numbers only), from the inventory: stored,
 * read from CAMS once if the space was never observed, refreshed in the background when old
 * (server/inventory/read.ts). The caller has checked access.
 */
export async function queryNumbers(spaceId: string, status?: string): Promise<PhoneNumberInfo[]> {
  return (await spaceView(getDb(), spaceId, { status })).numbers;
}

/** The space's numbers with when they were observed, and whether the last refresh failed. */
export async function listPhoneNumbersView(spaceId: string, status?: string): Promise<Omit<PhoneListResponse, "fetchedAt">> {
  const v = await spaceView(getDb(), spaceId, { status });
  return { numbers: await withRecentChanges(await withHealth(v.numbers.map((n) => ({ ...row(n), spaceId })))), ...viewMeta(v) };
}

const viewMeta = (v: SpaceView) => ({ observedAt: v.observedAt.toISOString(), stale: v.stale, lastError: v.lastError });

/** The space's numbers (the inventory's copy of QueryChatappPhoneNumbers). The caller has checked read access. */
export async function listPhoneNumbers(spaceId: string, status?: string): Promise<PhoneNumberRow[]> {
  return (await queryNumbers(spaceId, status)).map(row);
}

/**
 * One number of a space, or null when the space has no such number. From the inventory; cached
 * per request so the layout and the page share it.
 */
export const getPhoneNumber = cache(async (spaceId: string, phone: string): Promise<PhoneNumberDetail | null> => {
  const v = await spaceView(getDb(), spaceId, { phoneNumber: phone });
  const n = v.numbers[0];
  if (!n) return null;
  let metaId: string | null = null;
  try {
    // Meta's id of the number does not change: read once a day, not on every view of the page.
    const read = await cachedRead(getDb(), { spaceId, phoneNumber: phone, kind: "metaId" }, META_ID_FRESH_MS, async () => {
      const { client } = await camsForSpace(getDb(), spaceId);
      return { id: (await client.getVerificationStatus({ phoneNumber: phone })).data.id ?? null };
    });
    metaId = read.body.id;
  } catch {
    // The id is a nice-to-have on the overview; the number's page still works without it.
  }
  return {
    ...row(n),
    statusCallbackUrl: n.statusCallbackUrl,
    upCallbackUrl: n.upCallbackUrl,
    statusQueue: n.statusQueue,
    upQueue: n.upQueue,
    metaId,
    ...viewMeta(v),
  };
});

/**
 * Every readable space's numbers, in one query of the inventory. A space that fails (never
 * observed and its read failed) is reported as such; the others still come back.
 */
export async function listAllSpacesNumbers(user: SessionUser, status?: string): Promise<SpaceNumbersResult[]> {
  const list = await accessibleSpaces(user);
  const views = await spacesView(getDb(), list.map((s) => s.id), eachSpace, { status });
  const numbers = new Map(
    await Promise.all(list.map(async (s) => { const v = views.get(s.id)!; return [s.id, v.ok ? await withRecentChanges(await withHealth(v.view.numbers.map((n) => ({ ...row(n), spaceId: s.id })))) : []] as const; })),
  );
  return list.map((s): SpaceNumbersResult => {
    const v = views.get(s.id)!;
    return v.ok
      ? { spaceId: s.id, spaceName: s.name, ok: true, numbers: numbers.get(s.id)!, ...viewMeta(v.view) }
      : { spaceId: s.id, spaceName: s.name, ok: false, error: toShownError(v.error, { what: "phone-numbers.all" }) };
  });
}

/**
 * One page of every readable space's numbers: searched, filtered, sorted and paged in SQL over the
 * inventory (server/inventory/page.ts); spaces never observed are read once first, as above.
 */
export async function pageAllSpacesNumbers(user: SessionUser, query: AllSpacesPageQuery): Promise<Omit<AllSpacesPageResponse, "fetchedAt">> {
  const list = await accessibleSpaces(user);
  const ids = list.map((s) => s.id);
  const { states, failed } = await spacesState(getDb(), ids, eachSpace, { revalidate: false });
  const shown = ids.filter((id) => states.get(id)?.observedAt && !failed.has(id));
  const paged = await pageNumbers(getDb(), shown, query, PHONE_PAGE_SIZE);
  revalidateNumbers(getDb(), [...new Set(paged.rows.map((r) => r.spaceId))], states);
  const page = { ...paged, rows: await withRecentChanges(await withHealth(paged.rows)) };
  const problems: AllSpacesPageResponse["failed"] = [];
  let oldest: Date | null = null;
  for (const s of list) {
    const st = states.get(s.id);
    if (failed.has(s.id) || !st?.observedAt) {
      problems.push({ spaceId: s.id, spaceName: s.name, ok: false, error: toShownError(failed.get(s.id), { what: "phone-numbers.all" }) });
      continue;
    }
    if (!oldest || st.observedAt < oldest) oldest = st.observedAt;
    const { stale, lastError } = staleness(st);
    if (stale && lastError) problems.push({ spaceId: s.id, spaceName: s.name, ok: true, stale: true, lastError });
  }
  return { ...page, spaces: list.length, failed: problems, observedAt: oldest?.toISOString() ?? null };
}

const DAY_MS = 24 * 3600 * 1000;
/** A number's Meta id is read again after a day. */
const META_ID_FRESH_MS = DAY_MS;
/** Metrics (30-minute and daily counts) are read again after two minutes. */
export const METRICS_FRESH_MS = 120_000;

/**
 * GetChatappPhoneNumberMetric: 30 days by day, or the last 24 hours by half hour. The answer is
 * kept for METRICS_FRESH_MS (server/inventory/cached-read.ts), so the chart's viewers share a call.
 */
export async function getPhoneNumberMetrics(spaceId: string, phone: string, granularity: Granularity, now = Date.now()): Promise<MetricsResponse> {
  const read = await cachedRead(getDb(), { spaceId, phoneNumber: phone, kind: `metrics:${granularity}` }, METRICS_FRESH_MS, async () => {
    const start = granularity === "DAILY" ? Math.floor(now / DAY_MS) * DAY_MS - 29 * DAY_MS : now - DAY_MS;
    const { client } = await camsForSpace(getDb(), spaceId);
    const { data } = await client.getPhoneNumberMetric({ phoneNumber: phone, granularity, start, end: now });
    const points = data
      .filter((p) => p.start !== null && (!p.phoneNumber || p.phoneNumber === phone))
      .map((p) => ({ start: p.start!, sent: p.sentCount, delivered: p.deliveredCount }))
      .sort((a, b) => a.start - b.start);
    return { granularity, start, end: now, points } satisfies MetricsResponse;
  });
  return read.body;
}

/**
 * The sandbox's pending verification code for a number, so a tester can finish verification
 * without a phone. Only for spaces on an is_sandbox account: a real account never gets here.
 */
export async function sandboxVerificationCode(spaceId: string, phone: string): Promise<string | null> {
  const [r] = await getDb()
    .select({ endpoint: cloudAccounts.endpoint, protocol: cloudAccounts.protocol, isSandbox: cloudAccounts.isSandbox, custSpaceId: spaces.custSpaceId })
    .from(spaces)
    .innerJoin(cloudAccounts, eq(cloudAccounts.id, spaces.accountId))
    .where(eq(spaces.id, spaceId));
  if (!r?.isSandbox) return null;
  const scheme = r.protocol === "HTTP" ? "http" : "https";
  try {
    // The sandbox shows the code only for a number of this space (numberRoute checked it here too).
    const res = await fetch(`${scheme}://${r.endpoint}/_sandbox/codes/${encodeURIComponent(phone)}?custSpaceId=${encodeURIComponent(r.custSpaceId)}`, {
      headers: sandboxControlHeaders(),
      signal: AbortSignal.timeout(3000),
      cache: "no-store",
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { code?: unknown };
    return typeof body.code === "string" && /^\d{4,10}$/.test(body.code) ? body.code : null;
  } catch {
    return null;
  }
}

/** Whether the space's account is the sandbox (the UI then offers the code hint). */
export async function isSandboxSpace(spaceId: string): Promise<boolean> {
  const [r] = await getDb()
    .select({ isSandbox: cloudAccounts.isSandbox })
    .from(spaces)
    .innerJoin(cloudAccounts, eq(cloudAccounts.id, spaces.accountId))
    .where(eq(spaces.id, spaceId));
  return !!r?.isSandbox;
}
