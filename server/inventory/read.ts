import "server-only";
import type { ActionServerError } from "@/lib/action-error";
import type { PhoneNumberInfo } from "@/lib/cams/wire";
import { env } from "@/lib/env";
import type { Db } from "@/server/db/connect";
import { getLogger } from "@/server/logger";
import type { KeyState } from "@/lib/schemas/encryption-keys";
import { observeSpaceDetails, putKeyTx, putQrListTx, readKey, readQrList, storedKeys, storedQrList, type QrList, type StoredKey } from "./details";
import { markRead, storedNumbers, syncStates, type SyncKind, type SyncState } from "./store";
import { observeSpace } from "./sync";
import { wakeSweepWorker } from "./worker";

/**
 * Reads of the inventory: what is stored answers at once. A space never observed is read from
 * CAMS once, on demand, and stored. What is older than INVENTORY_FRESH_S makes the space's sync
 * due now (stale-while-revalidate): this instance's sweep takes it next, or, where no sweep runs
 * here, one background read (shared by every concurrent reader) refreshes it.
 */

export interface SpaceView {
  numbers: PhoneNumberInfo[];
  /** When CAMS last answered for this space. */
  observedAt: Date;
  /** The last attempt to refresh it failed (lastError): this is the last known data. */
  stale: boolean;
  lastError: ActionServerError | null;
}

const staleOf = (st: SyncState | undefined) =>
  !!(st?.lastError && st.lastErrorAt && st.observedAt && st.lastErrorAt.getTime() >= st.observedAt.getTime());

function revalidate(db: Db, spaceIds: string[], states: Map<string, SyncState>, kind: SyncKind = "numbers"): void {
  const freshMs = (kind === "details" ? env.INVENTORY_DETAILS_FRESH_S : env.INVENTORY_FRESH_S) * 1000;
  const now = Date.now();
  const old = spaceIds.filter((id) => now - (states.get(id)?.observedAt?.getTime() ?? 0) > freshMs);
  const isOld = new Set(old);
  const opened = spaceIds.filter((id) => !isOld.has(id) && now - (states.get(id)?.openedAt?.getTime() ?? 0) > 60_000);
  void (async () => {
    await markRead(db, old, { due: true, kind });
    await markRead(db, opened, { due: false, kind });
    if (old.length && !wakeSweepWorker()) {
      // No sweep in this process: refresh in the background, a few spaces at a time at most
      // (details cost a call or two per number: one space).
      if (kind === "details") await observeSpaceDetails(db, old[0]!).catch(() => {});
      else for (const id of old.slice(0, 4)) await observeSpace(db, id, "read").catch(() => {});
    }
  })().catch((err) => getLogger().warn({ err: { message: (err as Error)?.message } }, "inventory revalidation not queued"));
}

/**
 * The stored numbers of one space (filtered as CAMS's Status filter does), read from CAMS first
 * when it was never observed; that read's failure is thrown.
 */
export async function spaceView(db: Db, spaceId: string, opts: { status?: string; phoneNumber?: string } = {}): Promise<SpaceView> {
  let states = await syncStates(db, [spaceId]);
  if (!states.get(spaceId)?.observedAt) {
    await observeSpace(db, spaceId, "read");
    states = await syncStates(db, [spaceId]);
  } else {
    revalidate(db, [spaceId], states);
  }
  const st = states.get(spaceId)!;
  const numbers = (await storedNumbers(db, [spaceId], opts)).map((n) => n.record);
  return { numbers, observedAt: st.observedAt!, stale: staleOf(st), lastError: staleOf(st) ? st.lastError : null };
}

export type SpacesView = Map<string, { ok: true; view: SpaceView } | { ok: false; error: unknown }>;

export interface SpacesState {
  states: Map<string, SyncState>;
  /** Spaces never observed whose read on demand failed now. */
  failed: Map<string, unknown>;
}

/**
 * Many spaces' sync states; the never-observed ones are read on demand first (a few at once by
 * `each`), the rest refreshed in the background when old, unless `revalidate` is false: an
 * All-spaces page revalidates only the spaces of the rows it shows (`revalidateNumbers`), so
 * opening it does not queue every space's list at once. No number is loaded here.
 */
export async function spacesState(
  db: Db,
  spaceIds: string[],
  each: <S, R>(items: readonly S[], fn: (s: S) => Promise<R>) => Promise<R[]>,
  opts: { revalidate?: boolean } = {},
): Promise<SpacesState> {
  let states = await syncStates(db, spaceIds);
  const unseen = spaceIds.filter((id) => !states.get(id)?.observedAt);
  const failed = new Map<string, unknown>();
  await each(unseen, (id) => observeSpace(db, id, "read").catch((err: unknown) => void failed.set(id, err)));
  if (unseen.length) states = await syncStates(db, spaceIds);
  if (opts.revalidate !== false) revalidate(db, spaceIds.filter((id) => !unseen.includes(id)), states);
  return { states, failed };
}

/** The spaces of the rows a page shows were opened: their number lists are made due when old. */
export function revalidateNumbers(db: Db, spaceIds: string[], states: Map<string, SyncState>): void {
  if (spaceIds.length) revalidate(db, spaceIds, states);
}

/** Whether a space's last refresh failed (what is stored is its last known data), and with what. */
export const staleness = (st: SyncState | undefined) => ({ stale: staleOf(st), lastError: staleOf(st) ? st!.lastError : null });

/**
 * Many spaces' numbers in one query; the never-observed ones are read on demand first, a failure
 * reported per space.
 */
export async function spacesView(
  db: Db,
  spaceIds: string[],
  each: <S, R>(items: readonly S[], fn: (s: S) => Promise<R>) => Promise<R[]>,
  opts: { status?: string } = {},
): Promise<SpacesView> {
  const out: SpacesView = new Map();
  const { states, failed } = await spacesState(db, spaceIds, each);
  const observed = spaceIds.filter((id) => states.get(id)?.observedAt && !failed.has(id));
  const bySpace = new Map<string, PhoneNumberInfo[]>(observed.map((id) => [id, []]));
  for (const n of await storedNumbers(db, observed, opts)) bySpace.get(n.spaceId)?.push(n.record);
  for (const id of spaceIds) {
    const st = states.get(id);
    if (failed.has(id) || !st?.observedAt) {
      out.set(id, { ok: false, error: failed.get(id) });
      continue;
    }
    out.set(id, { ok: true, view: { numbers: bySpace.get(id)!, observedAt: st.observedAt, ...staleness(st) } });
  }
  return out;
}

/** When a space's details were last observed, and whether the last refresh failed. */
export interface DetailsMeta {
  observedAt: Date | null;
  stale: boolean;
  lastError: ActionServerError | null;
}

async function detailsMeta(db: Db, spaceId: string): Promise<{ meta: DetailsMeta; states: Map<string, SyncState> }> {
  const states = await syncStates(db, [spaceId], "details");
  const st = states.get(spaceId);
  return { states, meta: { observedAt: st?.observedAt ?? null, stale: staleOf(st), lastError: staleOf(st) ? st!.lastError : null } };
}

/**
 * One number's stored key, read from CAMS once when it was never observed (source read); a stored
 * one answers at once and the space's details are refreshed in the background when old.
 */
export async function numberKeyView(db: Db, spaceId: string, phone: string): Promise<{ key: KeyState; observedAt: Date } & Omit<DetailsMeta, "observedAt">> {
  const { meta, states } = await detailsMeta(db, spaceId);
  const stored = (await storedKeys(db, [spaceId], phone)).values().next().value as StoredKey | undefined;
  if (stored) {
    revalidate(db, [spaceId], states, "details");
    return { key: stored.key, observedAt: stored.observedAt, stale: meta.stale, lastError: meta.lastError };
  }
  const key = await readKey(db, spaceId, phone);
  const at = new Date();
  await putKeyTx(db, spaceId, phone, key, "read", at);
  return { key, observedAt: at, stale: false, lastError: null };
}

/** One number's stored QR list, read from CAMS once when it was never observed (source read). */
export async function numberQrView(db: Db, spaceId: string, phone: string): Promise<QrList & { observedAt: Date } & Omit<DetailsMeta, "observedAt">> {
  const { meta, states } = await detailsMeta(db, spaceId);
  const stored = await storedQrList(db, spaceId, phone);
  if (stored) {
    revalidate(db, [spaceId], states, "details");
    return { ...stored, stale: meta.stale, lastError: meta.lastError };
  }
  const list = await readQrList(db, spaceId, phone);
  const at = new Date();
  await db.transaction((tx) => putQrListTx(tx, spaceId, phone, list, "read", at));
  return { ...list, observedAt: at, stale: false, lastError: null };
}

/** Every stored key of a space (never-observed numbers are missing) with the details' "as of". */
export async function spaceKeysView(db: Db, spaceId: string): Promise<{ keys: Map<string, StoredKey>; meta: DetailsMeta }> {
  const { meta, states } = await detailsMeta(db, spaceId);
  if (meta.observedAt) revalidate(db, [spaceId], states, "details");
  else void markRead(db, [spaceId], { due: true, kind: "details" }).then(() => wakeSweepWorker()).catch(() => {});
  return { keys: await storedKeys(db, [spaceId]), meta };
}

/**
 * The spaces of one page of an All-spaces detail list were opened: their details are made due
 * when old (or never observed), as a space's own list does. Only the page's spaces, so opening the
 * list does not queue every space's details at once.
 */
export async function revalidateDetails(db: Db, spaceIds: string[]): Promise<void> {
  if (!spaceIds.length) return;
  revalidate(db, spaceIds, await syncStates(db, spaceIds, "details"), "details");
}
