import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { session, withRoles } from "@/server/test-support";

// Request-bound Next APIs used by a few actions (cookies for the locale, headers for sign-in).
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

/**
 * Who may call what. Every exported server action and every route handler must appear here: a new
 * entry point that is not in the matrix fails the first test, so nobody can add one unreviewed.
 *   public     anyone, signed in or not
 *   auth       any signed-in user (the body then checks ownership itself: see the forged-input tests)
 *   admin      administrators only
 *   spaceRead  viewer, operator of the space, admin
 *   spaceWrite operator of the space, admin
 *   operators  admins and anyone who operates some space (the audit log)
 */
type Level = "public" | "auth" | "admin" | "spaceRead" | "spaceWrite" | "operators";

const ACTIONS: Record<string, Level> = {
  "setup.createFirstAdminAction": "public",
  "preferences.setLocaleAction": "public",
  "preferences.rememberSpaceAction": "spaceRead",
  "users.createUserAction": "admin",
  "users.updateUserAction": "admin",
  "users.setUserDisabledAction": "admin",
  "users.resetUserPasswordAction": "admin",
  "users.unlockSignInAction": "admin",
  "account.changeOwnPasswordAction": "auth",
  "two-factor.setTwoFactorPolicyAction": "admin",
  "two-factor.resetUserTwoFactorAction": "admin",
  "sso.saveSsoSettingsAction": "admin",
  "sso.removeSsoSettingsAction": "admin",
  "spaces.createSpaceAction": "admin",
  "spaces.updateSpaceAction": "admin",
  "spaces.deleteSpaceAction": "admin",
  "accounts.createAccountAction": "admin",
  "accounts.updateAccountAction": "admin",
  "accounts.deleteAccountAction": "admin",
  "accounts.testAccountConnectionAction": "admin",
  "phone-numbers.addPhoneNumberAction": "spaceWrite",
  "phone-numbers.requestVerificationCodeAction": "spaceWrite",
  "phone-numbers.verifyPhoneNumberAction": "spaceWrite",
  "phone-numbers.registerPhoneNumberAction": "spaceWrite",
  "phone-numbers.deregisterPhoneNumberAction": "spaceWrite",
  "encryption-keys.updateEncryptionKeyAction": "spaceWrite",
  "qr-codes.createQrCodeAction": "spaceWrite",
  "qr-codes.updateQrCodeAction": "spaceWrite",
  "qr-codes.deleteQrCodeAction": "spaceWrite",
  "webhooks.updatePhoneWebhookAction": "spaceWrite",
  "webhooks.updateAccountWebhookAction": "spaceWrite",
  "webhooks.sendTestEventAction": "spaceWrite",
  "webhooks.setAllowedNetworksAction": "admin",
  "profile.updateProfileAction": "spaceWrite",
  "profile.uploadProfilePictureAction": "spaceWrite",
  "profile.checkHealthAction": "spaceRead",
  "automation.updateAutomationAction": "spaceWrite",
  "bulk.createBulkJobAction": "auth",
  "bulk.pauseBulkJobAction": "auth",
  "bulk.resumeBulkJobAction": "auth",
  "bulk.cancelBulkJobAction": "auth",
  "bulk.retryFailedBulkJobAction": "auth",
  "inventory.refreshSpaceInventoryAction": "spaceRead",
  "alerts.setAlertRuleAction": "admin",
  "alert-channels.saveAlertChannelAction": "admin",
  "alert-channels.rotateAlertWebhookSecretAction": "admin",
  "alert-channels.saveSmtpSettingsAction": "admin",
  "alert-channels.sendTestEmailAction": "admin",
  // Marks only the caller's own read state, of notifications of spaces they may read.
  "alerts.markNotificationsReadAction": "auth",
};

/** Route handlers by file (relative to app/api) and method. */
const ROUTES: Record<string, Level> = {
  "auth/[...all] GET": "public",
  "auth/[...all] POST": "public",
  "audit/export GET": "operators",
  // The sandbox's verification code is a hint for whoever can verify the number.
  "spaces/[spaceId]/phone-numbers/[phone]/sandbox-code GET": "spaceWrite",
  "phone-numbers/all GET": "auth",
  // One page of the All-spaces list in SQL: any signed-in user, over the spaces they may read (server/inventory/page.test.ts).
  "phone-numbers/all/page GET": "auth",
  // The All-spaces key and QR code pages in SQL: any signed-in user, over the spaces they may read
  // (server/inventory/details-page.test.ts).
  "encryption-keys/all/page GET": "auth",
  "qr-codes/all/page GET": "auth",
  // The header search: any signed-in user, over the spaces they may read (server/data/search.test.ts).
  "search GET": "auth",
  // The header switcher's spaces: any signed-in user, only the spaces they may read (server/data/shell-spaces.test.ts).
  "spaces GET": "auth",
  // The history CSV: any signed-in user, over the spaces they may read; another space is refused
  // and who made a change shows only to readers of its audit log (server/data/history.test.ts).
  "history/export GET": "auth",
  // The bell: any signed-in user, notifications of the spaces they may read (server/alerts/alerts.test.ts).
  "notifications GET": "auth",
  // For load balancers: no session, no secrets (server/health.test.ts).
  "health GET": "public",
  // Prometheus text: admins, or the METRICS_TOKEN bearer (server/metrics/metrics.test.ts).
  "metrics GET": "admin",
};
/** Routes under spaces/[spaceId]/ are all space-scoped reads unless listed above. */
const SPACE_ROUTE_DEFAULT: Level = "spaceRead";
/** Routes under bulk/ check job ownership in the body; they need a session. */
const BULK_ROUTE_DEFAULT: Level = "auth";

type Who = "anonymous" | "viewer" | "otherOperator" | "operator" | "admin";
const WHO: Who[] = ["anonymous", "viewer", "otherOperator", "operator", "admin"];
const allowed: Record<Level, Who[]> = {
  public: WHO,
  auth: ["viewer", "otherOperator", "operator", "admin"],
  admin: ["admin"],
  spaceRead: ["viewer", "operator", "admin"],
  spaceWrite: ["operator", "admin"],
  operators: ["otherOperator", "operator", "admin"],
};

const ACTIONS_DIR = path.join(process.cwd(), "server", "actions");
const API_DIR = path.join(process.cwd(), "app", "api");
const notEntryPoint = new Set(["safe-action.ts", "errors.ts"]);

async function loadActions() {
  const out: { key: string; fn: (input?: unknown) => Promise<{ serverError?: { httpStatus?: number; message: string } }> }[] = [];
  for (const file of fs.readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !notEntryPoint.has(f))) {
    const mod = await import(/* @vite-ignore */ path.join(ACTIONS_DIR, file));
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") out.push({ key: `${file.replace(/\.ts$/, "")}.${name}`, fn: value as never });
    }
  }
  return out;
}

function routeFiles(dir = API_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

function routeLevel(rel: string, method: string): Level | undefined {
  const key = `${rel} ${method}`;
  if (ROUTES[key]) return ROUTES[key];
  if (rel.startsWith("spaces/[spaceId]/")) return SPACE_ROUTE_DEFAULT;
  if (rel.startsWith("bulk/")) return BULK_ROUTE_DEFAULT;
  return undefined;
}

const { f } = withRoles();

const as = (who: Who) => {
  session.user = who === "anonymous" ? null : f[who];
};
const refused = (status: number | undefined) => status === 401 || status === 403;

describe("authorization matrix", () => {
  it("lists every server action and every route handler", async () => {
    const actions = (await loadActions()).map((a) => a.key).sort();
    expect(actions.filter((k) => !(k in ACTIONS)), "actions missing from the matrix").toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !actions.includes(k)), "matrix entries with no action").toEqual([]);
    const unlisted: string[] = [];
    for (const file of routeFiles()) {
      const rel = path.relative(API_DIR, path.dirname(file));
      const mod = await import(/* @vite-ignore */ file);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (mod[method] && !routeLevel(rel, method)) unlisted.push(`${rel} ${method}`);
    }
    expect(unlisted, "route handlers missing from the matrix").toEqual([]);
  });

  it("every action lets exactly the right callers through (space id in the input)", async () => {
    const failures: string[] = [];
    for (const { key, fn } of await loadActions()) {
      const level = ACTIONS[key]!;
      if (level === "public") continue; // setup and locale: covered by their own tests
      for (const who of WHO) {
        as(who);
        // A deliberately incomplete input: allowed callers get validation errors, never a change.
        const result = await fn({ spaceId: f.spaceId, __probe: true });
        const wasRefused = refused(result?.serverError?.httpStatus);
        if (wasRefused === allowed[level].includes(who)) failures.push(`${key} as ${who}: ${wasRefused ? "refused" : "let through"}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a forged space id is refused for every space-scoped action", async () => {
    for (const [key, level] of Object.entries(ACTIONS)) {
      if (level !== "spaceWrite" && level !== "spaceRead") continue;
      const [file, name] = key.split(".");
      const mod = await import(/* @vite-ignore */ path.join(ACTIONS_DIR, `${file}.ts`));
      as("operator");
      const other = await mod[name!]({ spaceId: f.otherSpaceId });
      const ghost = await mod[name!]({ spaceId: "no-such-space" });
      expect(other.serverError?.httpStatus, `${key} with another space`).toBe(403);
      expect(ghost.serverError?.httpStatus, `${key} with an unknown space`).toBe(403);
    }
  });

  it("every route handler answers 401/403 to exactly the right callers", async () => {
    const failures: string[] = [];
    for (const file of routeFiles()) {
      const rel = path.relative(API_DIR, path.dirname(file));
      if (rel.startsWith("auth/")) continue; // better-auth's own endpoints
      const mod = await import(/* @vite-ignore */ file);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (!mod[method]) continue;
        const level = routeLevel(rel, method)!;
        const urlPath = rel.replace("[spaceId]", f.spaceId).replace(/\[(\w+)\]/g, "probe-$1");
        const params = Object.fromEntries([...rel.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], m[1] === "spaceId" ? f.spaceId : `probe-${m[1]}`]));
        for (const who of WHO) {
          as(who);
          const req = new NextRequest(`http://localhost/api/${urlPath}`, { method });
          const res: Response = await mod[method](req, { params: Promise.resolve(params) });
          const wasRefused = refused(res.status);
          // Job routes refuse with 404 for a job the caller doesn't own; a probe id owns nothing.
          const expectRefused = !allowed[level].includes(who);
          if (wasRefused !== expectRefused) failures.push(`${rel} ${method} as ${who}: ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
