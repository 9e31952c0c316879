import type { BulkSpaceNumbers, BulkTarget, Preselection } from "@/lib/schemas/bulk";

/**
 * What step 1 picked: spaces, the Status filter, and per space the numbers left out. `only` holds a
 * pre-selection from another page (explicit numbers); then just those numbers are offered.
 */
export interface Selection {
  spaceIds: string[];
  status: string | null;
  only: Record<string, string[]> | null;
  off: Record<string, string[]>;
}

export function initialSelection(pre: Preselection, writable: Set<string>): Selection {
  const only = pre.items ? Object.fromEntries(Object.entries(pre.items).filter(([id]) => writable.has(id))) : null;
  return {
    spaceIds: pre.spaces.filter((id) => writable.has(id)),
    status: pre.status,
    only,
    off: {},
  };
}

/** The numbers of one space that step 1 offers (after the pre-selection, before unticking). */
export function offered(sel: Selection, r: BulkSpaceNumbers) {
  if (!r.ok) return [];
  const only = sel.only?.[r.spaceId];
  return only ? r.numbers.filter((n) => only.includes(n.phoneNumber)) : r.numbers;
}

export function targetsOf(sel: Selection, results: BulkSpaceNumbers[]): BulkTarget[] {
  return results
    .filter((r) => sel.spaceIds.includes(r.spaceId))
    .map((r) => {
      const off = new Set(sel.off[r.spaceId] ?? []);
      return { spaceId: r.spaceId, phoneNumbers: offered(sel, r).map((n) => n.phoneNumber).filter((p) => !off.has(p)) };
    })
    .filter((t) => t.phoneNumbers.length > 0);
}
