import "server-only";
import { and, eq, like } from "drizzle-orm";
import { TWO_FACTOR_POLICIES, type TwoFactorPolicy } from "@/lib/schemas/two-factor";
import { getDb } from "@/server/db";
import { session, twoFactor, user, verification } from "@/server/db/schema";
import { SETTING, getSetting, setSetting } from "./settings";

/** Who must use two-factor sign-in (Settings → Users); anything unknown reads as "off". */
export async function getTwoFactorPolicy(): Promise<TwoFactorPolicy> {
  const v = await getSetting<string>(SETTING.twoFactorPolicy);
  return (TWO_FACTOR_POLICIES as readonly string[]).includes(v ?? "") ? (v as TwoFactorPolicy) : "off";
}

export async function setTwoFactorPolicy(policy: TwoFactorPolicy): Promise<void> {
  await setSetting(SETTING.twoFactorPolicy, policy);
}

/**
 * An administrator turns a user's two-factor off (a lost phone and no recovery code left): the
 * secret and recovery codes are deleted and the user's sessions end; a policy that applies to
 * them walks them through setup again at their next sign-in. False for an unknown user.
 */
export async function resetUserTwoFactor(userId: string): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const rows = await tx.update(user).set({ twoFactorEnabled: false }).where(eq(user.id, userId)).returning({ id: user.id });
    if (rows.length === 0) return false;
    await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
    await tx.delete(session).where(eq(session.userId, userId));
    // Devices remembered at a two-factor sign-in would skip the code once it is set up again.
    await tx.delete(verification).where(and(eq(verification.value, userId), like(verification.identifier, "trust-device-%")));
    return true;
  });
}
