import "server-only";
import type { PhoneNumberInfo } from "@/lib/cams/wire";
import { camsForSpace } from "@/server/cams/for-space";
import { withLane, type Lane } from "@/server/cams/lane";
import type { Db } from "@/server/db/connect";
import { toShownError } from "@/server/safe-error";
import { markRead, recordSyncError, replaceNumbers, type Source } from "./store";

/** Every number of the space as CAMS holds it now (QueryChatappPhoneNumbers, unfiltered). */
export async function readSpaceNumbers(db: Db, spaceId: string, lane: Lane): Promise<PhoneNumberInfo[]> {
  return withLane(lane, async () => {
    const { client } = await camsForSpace(db, spaceId);
    const { data } = await client.queryPhoneNumbers({});
    return data.filter((n) => n.phoneNumber);
  });
}

// Reads on demand of one space, in flight in this process: fifty people opening a space nobody
// observed yet cost one call, and a burst of unknown numbers costs one refresh.
const onDemand = new Map<string, Promise<PhoneNumberInfo[]>>();

/**
 * Reads the space from CAMS now and stores the answer (source "read": someone needed it; or
 * "readback": right after a change made here, never shared with a read that began before it).
 * A failure is recorded on the space (the data stays, marked stale) and thrown.
 */
export function observeSpace(db: Db, spaceId: string, source: Exclude<Source, "sweep">): Promise<PhoneNumberInfo[]> {
  if (source === "read") {
    const running = onDemand.get(spaceId);
    if (running) return running;
  }
  const p = (async () => {
    try {
      const readAt = new Date();
      const numbers = await readSpaceNumbers(db, spaceId, source === "readback" ? "change" : "person");
      await replaceNumbers(db, spaceId, numbers, source, readAt);
      return numbers;
    } catch (err) {
      await recordSyncError(db, spaceId, "numbers", toShownError(err, { what: "inventory.read" })).catch(() => {});
      throw err;
    }
  })();
  if (source === "read") {
    onDemand.set(spaceId, p);
    void p.finally(() => onDemand.get(spaceId) === p && onDemand.delete(spaceId)).catch(() => {});
  }
  return p;
}

/**
 * After a change made here: the space as CAMS now holds it goes into the inventory (source
 * "readback") before the action answers, so the page it refreshes shows the change. A failed
 * read does not fail the change: the space is made due, so the sweep reads it soon.
 */
export async function readBackSpace(db: Db, spaceId: string): Promise<void> {
  try {
    await observeSpace(db, spaceId, "readback");
  } catch {
    await markRead(db, [spaceId], { due: true }).catch(() => {});
  }
}
