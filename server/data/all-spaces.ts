import "server-only";
import type { PageSpaceProblem } from "@/lib/schemas/encryption-keys";
import { accessibleSpaces, type SessionUser, type SpaceSummary } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { spacesState, staleness } from "@/server/inventory/read";
import { syncStates } from "@/server/inventory/store";
import { toShownError } from "@/server/safe-error";
import { eachSpace } from "./each-space";

export interface ShownSpaces {
  list: SpaceSummary[];
  /** Readable spaces whose number list is stored: the only ones a page reads rows of. */
  shown: string[];
  failed: PageSpaceProblem[];
  /** The oldest details observation among the shown spaces, and whether any last refresh failed. */
  observedAt: string | null;
  stale: boolean;
}

/**
 * The spaces an All-spaces detail page (keys, QR codes) may show: only those the user may read;
 * a never-observed space's number list is read once first, as the phone list does. Its problems
 * are the spaces that could not be read and those whose last number or details refresh failed.
 */
export async function shownSpaces(user: SessionUser, what: string): Promise<ShownSpaces> {
  const db = getDb();
  const list = await accessibleSpaces(user);
  const ids = list.map((s) => s.id);
  // The page revalidates the details of the spaces it shows (revalidateDetails); the number lists
  // follow the sweep's own schedule.
  const { states, failed: unread } = await spacesState(db, ids, eachSpace, { revalidate: false });
  const shown = ids.filter((id) => states.get(id)?.observedAt && !unread.has(id));
  const details = await syncStates(db, shown, "details");
  const failed: PageSpaceProblem[] = [];
  let oldest: Date | null = null;
  let stale = false;
  for (const s of list) {
    const st = states.get(s.id);
    if (unread.has(s.id) || !st?.observedAt) {
      failed.push({ spaceId: s.id, spaceName: s.name, ok: false, error: toShownError(unread.get(s.id), { what }) });
      continue;
    }
    const d = details.get(s.id);
    if (d?.observedAt && (!oldest || d.observedAt < oldest)) oldest = d.observedAt;
    const problem = [staleness(st), staleness(d)].find((x) => x.stale && x.lastError);
    if (problem) {
      stale = true;
      failed.push({ spaceId: s.id, spaceName: s.name, ok: true, stale: true, lastError: problem.lastError! });
    }
  }
  return { list, shown, failed, observedAt: oldest?.toISOString() ?? null, stale };
}
