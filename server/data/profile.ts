import "server-only";
import type { HealthView, ProfileRead, ProfileView } from "@/lib/schemas/profile";
import { withLane } from "@/server/cams/lane";
import { getDb } from "@/server/db";
import { putHealthTx, readHealth, storedHealth } from "@/server/inventory/health";
import { putProfileTx, queryProfileView } from "@/server/inventory/profile";
import type { Source } from "@/server/inventory/store";

/** A number's business profile (read from CAMS when the tab opens, and stored) and its health (from the inventory). The caller checked access and membership. */

/** QueryPhoneBusinessProfile now; what it answered is stored in the inventory (source `read`, or `readback` after a save). */
export async function readProfile(spaceId: string, phone: string, source: Source = "read"): Promise<ProfileView> {
  const db = getDb();
  const profile = await queryProfileView(db, spaceId, phone);
  await putProfileTx(db, spaceId, phone, profile, source);
  return profile;
}

export async function getProfile(spaceId: string, phone: string): Promise<ProfileRead> {
  return { profile: await readProfile(spaceId, phone), readAt: new Date().toISOString() };
}

/**
 * The number's health: as stored by the details sweep, or read from CAMS once when never stored (or
 * when `live`: "Check now"), then stored (source read). null when CAMS does not know it as verified.
 */
export async function getHealth(spaceId: string, phone: string, { live = false } = {}): Promise<HealthView | null> {
  const db = getDb();
  if (!live) {
    const stored = (await storedHealth(db, [spaceId], phone)).get(`${spaceId}\u0000${phone}`);
    if (stored) return { status: stored.health, checkedAt: stored.observedAt.toISOString() };
  }
  const health = await withLane("person", () => readHealth(db, spaceId, phone));
  if (!health) return null;
  const at = new Date();
  await putHealthTx(db, spaceId, phone, health, "read", at);
  return { status: health, checkedAt: at.toISOString() };
}

/**
 * The lists' badge: each row gets its stored overall CanSendMessage and when it was checked (one
 * query of the inventory for all rows, no CAMS call).
 */
export async function withHealth<R extends { phoneNumber: string; spaceId: string }>(rows: R[]): Promise<(R & { health: string | null; healthCheckedAt: string | null })[]> {
  const stored = await healthBadges([...new Set(rows.map((r) => r.spaceId))]);
  return rows.map((r) => {
    const h = stored.get(`${r.spaceId}\u0000${r.phoneNumber}`);
    return { ...r, health: h?.canSendMessage ?? null, healthCheckedAt: h?.checkedAt ?? null };
  });
}

/** Each stored number's overall CanSendMessage, keyed `space\0phone`. */
export async function healthBadges(spaceIds: string[]): Promise<Map<string, { canSendMessage: string | null; checkedAt: string }>> {
  const stored = await storedHealth(getDb(), spaceIds);
  return new Map([...stored].map(([k, v]) => [k, { canSendMessage: v.health.canSendMessage, checkedAt: v.observedAt.toISOString() }]));
}
