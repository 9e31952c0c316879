import { request } from "./test-request";
import { and, eq, inArray } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { auditEvents, twoFactor as twoFactorTable } from "@/server/db/schema";
import { withTestDatabase } from "@/server/test-database";
import { twoFactorSetupDue } from "@/lib/schemas/two-factor";

const database = withTestDatabase();

const auth = async () => (await import("./auth")).getAuth();
const CLIENT_ADDRESS = "192.0.2.50";

/** The first cookie pair of each Set-Cookie line, merged over `jar` (what a browser would send next). */
function merge(jar: string, setCookie: string | null): string {
  const pairs = new Map(jar ? jar.split("; ").map((p) => [p.split("=")[0]!, p] as const) : []);
  for (const line of (setCookie ?? "").split(/,(?=\s*[\w.-]+=)/)) {
    const pair = line.trim().split(";")[0]!;
    if (!pair.includes("=")) continue;
    const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
    if (value === "" || /max-age=0/i.test(line)) pairs.delete(name);
    else pairs.set(name, pair);
  }
  return [...pairs.values()].join("; ");
}
const headersWith = async (cookie: string) => {
  const { CLIENT_ADDRESS_HEADER } = await import("@/server/client-address");
  return new Headers({ cookie, [CLIENT_ADDRESS_HEADER]: CLIENT_ADDRESS });
};

async function newUser(isAdmin = false) {
  const { createUserWithPassword } = await import("@/server/data/users");
  const email = `tf-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const { id } = await createUserWithPassword({ name: "Tf", email, password: "right-password-1", isAdmin });
  return { id, email };
}

async function signInPassword(email: string, jar = "") {
  const a = await auth();
  const r = await a.api.signInEmail({ body: { email, password: "right-password-1" }, headers: await headersWith(jar), returnHeaders: true });
  return { body: r.response as { twoFactorRedirect?: boolean; token?: string }, jar: merge(jar, r.headers.get("set-cookie")) };
}

/** Signs in, sets up TOTP (wrong password first), confirms it with a code: the secret and the codes. */
async function setUpTotp(email: string) {
  const a = await auth();
  let { jar } = await signInPassword(email);
  await expect(a.api.enableTwoFactor({ body: { password: "wrong-password-1" }, headers: await headersWith(jar) })).rejects.toThrow();
  const enabled = await a.api.enableTwoFactor({ body: { password: "right-password-1", method: "totp" }, headers: await headersWith(jar) });
  if (enabled.method !== "totp") throw new Error("no TOTP secret");
  const totp = OTPAuth.URI.parse(enabled.totpURI) as OTPAuth.TOTP;
  const confirmed = await a.api.verifyTOTP({ body: { code: totp.generate() }, headers: await headersWith(jar), returnHeaders: true });
  jar = merge(jar, confirmed.headers.get("set-cookie"));
  return { totp, backupCodes: enabled.backupCodes, jar };
}

const auditOf = (email: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.target, email), inArray(auditEvents.operation, ["auth.signIn", "auth.signInPassword", "auth.signInTwoFactor", "account.startTwoFactor", "account.enableTwoFactor", "account.disableTwoFactor", "account.useRecoveryCode"])))
    .orderBy(auditEvents.id)
    .then((rows) => rows.map((r) => [r.operation, r.outcome, r.errorCode, r.userEmail ? "actor" : "-"]));

describe("two-factor sign-in (TOTP and recovery codes)", () => {
  it("setup needs the password and a code; then sign-in asks for a code, refuses a wrong one, accepts the right one; all audited", async () => {
    const a = await auth();
    const u = await newUser();
    const { totp, backupCodes } = await setUpTotp(u.email);
    expect(backupCodes).toHaveLength(10);
    const [row] = await database.db.select().from(twoFactorTable).where(eq(twoFactorTable.userId, u.id));
    expect(row?.verified).toBe(true);
    // Stored encrypted: neither the secret nor a recovery code in the row.
    expect(JSON.stringify(row)).not.toContain(totp.secret.base32);
    expect(JSON.stringify(row)).not.toContain(backupCodes[0]);

    const step = await signInPassword(u.email);
    expect(step.body.twoFactorRedirect).toBe(true);
    expect(step.jar).not.toMatch(/session_token=/);
    const wrong = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, "0");
    await expect(a.api.verifyTOTP({ body: { code: wrong }, headers: await headersWith(step.jar) })).rejects.toMatchObject({ body: { code: "INVALID_CODE" } });
    const ok = await a.api.verifyTOTP({ body: { code: totp.generate() }, headers: await headersWith(step.jar), returnHeaders: true });
    expect(merge(step.jar, ok.headers.get("set-cookie"))).toMatch(/session_token=/);

    expect(await auditOf(u.email)).toEqual([
      ["auth.signIn", "ok", null, "actor"],
      ["account.startTwoFactor", "denied", "INVALID_PASSWORD", "actor"],
      ["account.startTwoFactor", "ok", null, "actor"],
      ["account.enableTwoFactor", "ok", null, "actor"],
      ["auth.signInPassword", "ok", null, "actor"],
      ["auth.signInTwoFactor", "denied", "INVALID_CODE", "-"],
      ["auth.signInTwoFactor", "ok", null, "actor"],
    ]);
  });

  it("a recovery code signs in once; the same code again is refused", async () => {
    const a = await auth();
    const u = await newUser();
    const { backupCodes } = await setUpTotp(u.email);
    const first = await signInPassword(u.email);
    const used = await a.api.verifyBackupCode({ body: { code: backupCodes[0]! }, headers: await headersWith(first.jar), returnHeaders: true });
    expect(merge(first.jar, used.headers.get("set-cookie"))).toMatch(/session_token=/);
    const second = await signInPassword(u.email);
    await expect(a.api.verifyBackupCode({ body: { code: backupCodes[0]! }, headers: await headersWith(second.jar) })).rejects.toMatchObject({ body: { code: "INVALID_BACKUP_CODE" } });
    const ops = await auditOf(u.email);
    expect(ops.filter((o) => o[0] === "auth.signInTwoFactor")).toEqual([
      ["auth.signInTwoFactor", "ok", null, "actor"],
      ["auth.signInTwoFactor", "denied", "INVALID_BACKUP_CODE", "-"],
    ]);
  });

  it("turning it off needs the password; then sign-in needs the password only", async () => {
    const a = await auth();
    const u = await newUser();
    const { jar } = await setUpTotp(u.email);
    await expect(a.api.disableTwoFactor({ body: { password: "wrong-password-1" }, headers: await headersWith(jar) })).rejects.toThrow();
    await a.api.disableTwoFactor({ body: { password: "right-password-1" }, headers: await headersWith(jar) });
    expect((await signInPassword(u.email)).body.twoFactorRedirect).toBeUndefined();
    const ops = await auditOf(u.email);
    expect(ops.filter((o) => o[0] === "account.disableTwoFactor")).toEqual([
      ["account.disableTwoFactor", "denied", "INVALID_PASSWORD", "actor"],
      ["account.disableTwoFactor", "ok", null, "actor"],
    ]);
  });
});

describe("the requirement (Settings → Users)", () => {
  it("applies to admins or to everyone, never to a user who has it on", () => {
    expect(twoFactorSetupDue("off", { isAdmin: true, twoFactorEnabled: false })).toBe(false);
    expect(twoFactorSetupDue("admins", { isAdmin: true, twoFactorEnabled: false })).toBe(true);
    expect(twoFactorSetupDue("admins", { isAdmin: false, twoFactorEnabled: false })).toBe(false);
    expect(twoFactorSetupDue("everyone", { isAdmin: false, twoFactorEnabled: false })).toBe(true);
    expect(twoFactorSetupDue("everyone", { isAdmin: true, twoFactorEnabled: true })).toBe(false);
  });

  it("a signed-in user it applies to counts as signed out for the app until set up, and is the setup page's user", async () => {
    const { setTwoFactorPolicy, resetUserTwoFactor } = await import("@/server/data/two-factor");
    const { getSessionUser, getTwoFactorSetupUser } = await import("./session");
    const u = await newUser(true);
    request.cookie = (await signInPassword(u.email)).jar;
    expect((await getSessionUser())?.email).toBe(u.email);
    await setTwoFactorPolicy("admins");
    try {
      expect(await getSessionUser()).toBeNull();
      expect((await getTwoFactorSetupUser())?.email).toBe(u.email);
      const { jar } = await setUpTotp(u.email);
      request.cookie = jar;
      expect((await getSessionUser())?.email).toBe(u.email);
      expect(await getTwoFactorSetupUser()).toBeNull();
      // An admin's reset (lost phone): two-factor off, sessions ended, setup due again at next sign-in.
      expect(await resetUserTwoFactor(u.id)).toBe(true);
      expect(await getSessionUser()).toBeNull();
      request.cookie = (await signInPassword(u.email)).jar;
      expect((await getTwoFactorSetupUser())?.email).toBe(u.email);
    } finally {
      await setTwoFactorPolicy("off");
      request.cookie = "";
    }
  });
});
