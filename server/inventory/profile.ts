import "server-only";
import { and, eq } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import type { BusinessProfileDto } from "@/lib/cams/wire-profile";
import type { ProfileView } from "@/lib/schemas/profile";
import { NOT_VERIFIED_CODE } from "@/lib/schemas/encryption-keys";
import { isSkipped, recordDetailChanges } from "@/server/alerts/details-history";
import { isCamsError } from "@/server/cams/errors";
import { camsForSpace } from "@/server/cams/for-space";
import type { Db } from "@/server/db/connect";
import { excludedSet } from "@/server/db/excluded";
import { inventoryProfiles } from "@/server/db/schema";
import type { Source } from "./store";

/**
 * A number's business profile in the inventory: read by the details sweep beside its key, QR list
 * and health, by the Profile tab and after a save, and stored with its time, so the header search
 * finds numbers by their profile (about, description, address, e-mail, websites) without a CAMS call.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function toProfileView(p: BusinessProfileDto): ProfileView {
  return {
    about: p.about ?? "",
    address: p.address ?? "",
    description: p.description ?? "",
    email: p.email ?? "",
    vertical: p.vertical ?? "",
    websites: p.websites,
    profilePictureUrl: p.profilePictureUrl ?? "",
  };
}

/** QueryPhoneBusinessProfile of one number, in the caller's lane, as the tab shows it. */
export async function queryProfileView(db: Db, spaceId: string, phone: string): Promise<ProfileView> {
  const { client } = await camsForSpace(db, spaceId);
  return toProfileView((await client.queryProfile({ phoneNumber: phone })).data);
}

/** The sweep's read: null when CAMS says the number is not verified (a state, not a failure). */
export async function readProfile(db: Db, spaceId: string, phone: string): Promise<ProfileView | null> {
  try {
    return await queryProfileView(db, spaceId, phone);
  } catch (err) {
    if (isCamsError(err) && err.code === NOT_VERIFIED_CODE) return null;
    throw err;
  }
}

/** The words the header search matches, one per line. */
export const profileSearchText = (p: ProfileView) => [p.about, p.description, p.address, p.email, ...p.websites].filter(Boolean).join("\n");

/** Stores one number's profile, recording its changes in the history first (an answer older than the one held is dropped). */
export async function putProfileTx(tx: Tx | Db, spaceId: string, phone: string, profile: ProfileView, source: Source, at = new Date()): Promise<void> {
  await tx.transaction(async (t) => {
    const diff = await recordDetailChanges(t, spaceId, [{ phoneNumber: phone, profile }], source, at);
    if (!isSkipped(diff, phone, "profile")) await writeProfileRows(t, spaceId, [{ phone, profile }], source, at);
  });
}

/** Stores numbers' profiles in one statement (each row with its number). */
export async function writeProfileRows(tx: Tx | Db, spaceId: string, rows: { phone: string; profile: ProfileView }[], source: Source, at: Date): Promise<void> {
  if (!rows.length) return;
  await tx
    .insert(inventoryProfiles)
    .values(rows.map((r) => ({ spaceId, phoneNumber: r.phone, profile: r.profile, search: profileSearchText(r.profile), observedAt: at, source })))
    .onConflictDoUpdate({ target: [inventoryProfiles.spaceId, inventoryProfiles.phoneNumber], set: excludedSet(inventoryProfiles, ["profile", "search", "observedAt", "source"]) });
}

export interface StoredProfile {
  profile: ProfileView;
  observedAt: Date;
  source: Source;
}

/** Stored profiles of some spaces' numbers (optionally one number), keyed `space\0phone`. */
export async function storedProfiles(db: Db, spaceIds: string[], phone?: string): Promise<Map<string, StoredProfile>> {
  if (!spaceIds.length) return new Map();
  const t = inventoryProfiles;
  const rows = await db
    .select()
    .from(t)
    .where(and(anyOf(t.spaceId, spaceIds), phone ? eq(t.phoneNumber, phone) : undefined));
  return new Map(rows.map((r) => [`${r.spaceId}\u0000${r.phoneNumber}`, { profile: r.profile as ProfileView, observedAt: r.observedAt, source: r.source as Source }]));
}
