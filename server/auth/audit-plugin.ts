import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { recordAudit, type AuditActor } from "@/server/audit";
import { clientAddressOf } from "@/server/client-address";
import { clearSignInFailures, takeSignInAttempt } from "./throttle";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The second-factor and setup paths this plugin audits; the library's others stay off (auth.ts). */
export const TWO_FACTOR_PATHS = {
  "/two-factor/enable": "account.startTwoFactor",
  "/two-factor/verify-totp": "account.enableTwoFactor",
  "/two-factor/verify-backup-code": "account.useRecoveryCode",
  "/two-factor/disable": "account.disableTwoFactor",
  "/two-factor/generate-backup-codes": "account.newRecoveryCodes",
} as const;
type TwoFactorPath = keyof typeof TWO_FACTOR_PATHS;
const isTwoFactorPath = (p: string | undefined): p is TwoFactorPath => !!p && p in TWO_FACTOR_PATHS;
/** Paths that check the account password: wrong guesses count against the sign-in throttle. */
const PASSWORD_PATHS = new Set<string>(["/two-factor/enable", "/two-factor/disable", "/two-factor/generate-backup-codes"]);

/** Who a request is for, read before the handler runs (it may replace the session). */
interface Subject {
  actor: AuditActor;
  /** A sign-in's second step (no session yet, the two-factor cookie names the user), else a signed-in user's change. */
  signIn: boolean;
}
const subjects = new WeakMap<object, Subject | null>();

async function sessionActor(ctx: HookContext): Promise<AuditActor | null> {
  const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (!token) return null;
  const found = await ctx.context.internalAdapter.findSession(token);
  return found ? { id: found.user.id, email: found.user.email } : null;
}

/** The user a pending sign-in's two-factor cookie names (as the library reads it). */
async function challengeActor(ctx: HookContext): Promise<AuditActor | null> {
  const cookie = ctx.context.createAuthCookie("two_factor");
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const pending = await ctx.context.internalAdapter.findVerificationValue(identifier);
  if (!pending || pending.expiresAt < new Date()) return null;
  const u = await ctx.context.internalAdapter.findUserById(pending.value);
  return u ? { id: u.id, email: u.email } : null;
}

const errorCodeOf = (e: APIError) => String((e.body as { code?: unknown } | undefined)?.code ?? e.status);
const methodOf = (path: string) => (path === "/two-factor/verify-backup-code" ? "backupCode" : "totp");

/**
 * Audits password sign-ins, two-factor sign-ins and two-factor changes, whatever calls them (the
 * browser through the auth client, or auth.api on the server). Listed after the two-factor
 * plugin, so its after hook sees what that plugin made of a sign-in (a second step or a session).
 */
export function auditPlugin(): BetterAuthPlugin {
  return {
    id: "cams-audit",
    hooks: {
      before: [
        {
          matcher: (ctx) => isTwoFactorPath(ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const session = await sessionActor(ctx);
            const subject = session ? { actor: session, signIn: false } : await challengeActor(ctx).then((a) => (a ? { actor: a, signIn: true } : null));
            subjects.set(ctx.context, subject);
            if (subject && !subject.signIn && PASSWORD_PATHS.has(ctx.path)) {
              const client = clientAddressOf(ctx.headers ?? new Headers());
              const wait = await takeSignInAttempt(subject.actor.email, client);
              if (wait > 0) {
                await recordAudit({ actor: subject.actor, operation: TWO_FACTOR_PATHS[ctx.path as TwoFactorPath], target: subject.actor.email, outcome: "denied", errorCode: "SIGN_IN_THROTTLED", clientAddress: client });
                throw new APIError("TOO_MANY_REQUESTS", { message: `Too many failed sign-ins. Try again in ${wait} seconds.`, code: "SIGN_IN_THROTTLED", retryAfter: wait });
              }
            }
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email" || ctx.path === "/callback/:id" || isTwoFactorPath(ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const client = clientAddressOf(ctx.headers ?? new Headers());
            const returned = ctx.context.returned;
            if (ctx.path === "/sign-in/email") return auditSignIn(ctx, client);
            if (ctx.path === "/callback/:id") return auditSsoSignIn(ctx, client);
            const path = ctx.path as TwoFactorPath;
            const subject = subjects.get(ctx.context) ?? null;
            const ok = !(returned instanceof APIError);
            const errorCode = ok ? null : errorCodeOf(returned);
            if (subject?.signIn) {
              await recordAudit({
                actor: ok ? subject.actor : null,
                operation: "auth.signInTwoFactor",
                target: subject.actor.email,
                input: { email: subject.actor.email, method: methodOf(path), trustDevice: (ctx.body as { trustDevice?: unknown } | undefined)?.trustDevice === true },
                outcome: ok ? "ok" : "denied",
                errorCode,
                clientAddress: client,
              });
              return;
            }
            if (!subject) {
              // Neither a session nor a pending sign-in: refused by the library before anything.
              await recordAudit({ actor: null, operation: path === "/two-factor/enable" || path === "/two-factor/disable" ? TWO_FACTOR_PATHS[path] : "auth.signInTwoFactor", target: null, input: { method: methodOf(path) }, outcome: "denied", errorCode: errorCode ?? "UNAUTHORIZED", clientAddress: client });
              return;
            }
            if (ok && PASSWORD_PATHS.has(path)) await clearSignInFailures(subject.actor.email, client);
            await recordAudit({ actor: subject.actor, operation: TWO_FACTOR_PATHS[path], target: subject.actor.email, outcome: ok ? "ok" : "denied", errorCode, clientAddress: client });
          }),
        },
      ],
    },
  };
}

/**
 * A single sign-on callback: a session for the matched or created user (`auth.signInSso` ok), or
 * the refusal the library redirected to the sign-in page with (its `error` code).
 */
async function auditSsoSignIn(ctx: HookContext, client: string): Promise<void> {
  const signedIn = ctx.context.newSession?.user;
  if (signedIn) {
    await recordAudit({ actor: { id: signedIn.id, email: signedIn.email }, operation: "auth.signInSso", target: signedIn.email, input: { email: signedIn.email }, outcome: "ok", clientAddress: client });
    return;
  }
  const returned = ctx.context.returned;
  const location = returned instanceof APIError ? new Headers(returned.headers ?? {}).get("location") : null;
  const code = location ? (new URL(location, "http://x").searchParams.get("error") ?? "FAILED") : returned instanceof APIError ? errorCodeOf(returned) : "FAILED";
  await recordAudit({ actor: null, operation: "auth.signInSso", target: null, outcome: "denied", errorCode: code.slice(0, 100), clientAddress: client });
}

const emailOf = (body: unknown) => String((body as { email?: unknown } | undefined)?.email ?? "").toLowerCase().slice(0, 320);

/**
 * A password sign-in: refused (with the library's code), done (`auth.signIn`), or the password
 * right and the second step now due (`auth.signInPassword`; the sign-in is done by
 * `auth.signInTwoFactor`). A right password clears the throttle's failures either way.
 */
async function auditSignIn(ctx: HookContext, client: string): Promise<void> {
  const email = emailOf(ctx.body);
  const returned = ctx.context.returned;
  const signedIn = ctx.context.newSession?.user;
  const secondStep = !(returned instanceof APIError) && (returned as { twoFactorRedirect?: unknown } | undefined)?.twoFactorRedirect === true;
  if (secondStep) {
    await clearSignInFailures(email, client);
    const u = await ctx.context.internalAdapter.findUserByEmail(email);
    await recordAudit({ actor: u ? { id: u.user.id, email: u.user.email } : null, operation: "auth.signInPassword", target: email, input: { email }, outcome: "ok", clientAddress: client });
  } else if (!(returned instanceof APIError) && signedIn) {
    await clearSignInFailures(email, client);
    await recordAudit({ actor: { id: signedIn.id, email: signedIn.email }, operation: "auth.signIn", target: email, input: { email }, outcome: "ok", clientAddress: client });
  } else {
    // A failure already counted when it was taken (the before hook in auth.ts).
    const code = returned instanceof APIError ? errorCodeOf(returned) : "FAILED";
    await recordAudit({ actor: null, operation: "auth.signIn", target: email, input: { email }, outcome: "denied", errorCode: code, clientAddress: client });
  }
}
