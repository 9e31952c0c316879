import "server-only";
import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins/two-factor";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { ssoAdmits } from "@/lib/schemas/sso";
import { SSO_PROVIDER_ID, loadSsoRuntime, ssoVersion, type SsoRuntime } from "@/server/data/sso";
import { env } from "@/lib/env";
import { dataDir, getDb } from "@/server/db";
import * as schema from "@/server/db/schema";
import { recordAudit } from "@/server/audit";
import { errForLog, getLogger } from "@/server/logger";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/server/client-address";
import { passwordFns } from "./password";
import { appUrlOf, trustedOriginsOf } from "./origins";
import { readOrCreateSecretFile } from "./secrets";
import { takeSignInAttempt } from "./throttle";
import { auditPlugin } from "./audit-plugin";

/** The library's path of the single sign-on callback (and the redirect URI registered at the provider). */
export const SSO_CALLBACK_PATH = `/api/auth/callback/${SSO_PROVIDER_ID}`;

/**
 * The OpenID Connect provider of Settings → Sign-on (authorization code + PKCE, ID token checked
 * against the issuer's keys). "Existing users only" never creates a user; e-mail domains create
 * users of those domains with the default role and no spaces (the user-create hook below).
 */
function ssoPlugin(sso: SsoRuntime, baseURL: string) {
  return genericOAuth({
    config: [
      {
        providerId: SSO_PROVIDER_ID,
        name: sso.name,
        discoveryUrl: `${sso.issuer}/.well-known/openid-configuration`,
        clientId: sso.clientId,
        clientSecret: sso.clientSecret,
        pkce: true,
        scopes: ["openid", "email", "profile"],
        requireIdTokenVerification: true,
        redirectURI: `${baseURL}${SSO_CALLBACK_PATH}`,
        disableImplicitSignUp: sso.access === "existing",
        disableSignUp: sso.access === "existing",
        disableProviderLogout: true,
      },
    ],
  });
}

function createAuth(sso: SsoRuntime | null) {
  const baseURL = appUrlOf(env);
  const secure = baseURL.startsWith("https://");
  return betterAuth({
    appName: "CAMS Admin",
    baseURL,
    secret: env.BETTER_AUTH_SECRET ?? readOrCreateSecretFile(dataDir(), "auth.secret"),
    trustedOrigins: trustedOriginsOf(env),
    // The two-factor plugin's e-mail/SMS codes are not configured, and the TOTP secret is shown
    // only once, at setup: these paths answer 404.
    disabledPaths: ["/two-factor/get-totp-uri", "/two-factor/send-otp", "/two-factor/verify-otp"],
    database: drizzleAdapter(getDb(), {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
        twoFactor: schema.twoFactor,
      },
    }),
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "user", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
        locale: { type: "string", required: false, input: false },
        lastSpaceId: { type: "string", required: false, input: false },
      },
    },
    // Users are created by the setup page and by admins, never by self sign-up.
    // Every hash and check waits its turn in one per-instance queue (SIGNIN_MAX_CONCURRENT_CHECKS).
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128, password: passwordFns() },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      database: { generateId: () => crypto.randomUUID() },
      // Only the address stamped at the socket (server/client-address.ts): a client-sent
      // X-Forwarded-For is never read, so a new value per request cannot reset the per-IP ceiling.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    // A coarse per-IP ceiling shared through the database; the per-account throttle below gives
    // the user-facing message.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: env.SIGNIN_IP_MAX_PER_MINUTE },
        // Starting a single sign-on checks no password: the library's default for every /sign-in
        // path (3 per 10 s per address) refused the fourth colleague behind one office address, so
        // it shares the password sign-in's per-minute ceiling instead.
        "/sign-in/social": { window: 60, max: env.SIGNIN_IP_MAX_PER_MINUTE },
        "/sign-in/oauth2": { window: 60, max: env.SIGNIN_IP_MAX_PER_MINUTE },
        // The two-factor plugin's own 3 per 10 s per path is tighter than a person retyping a code;
        // guesses are also capped per challenge (5) and per account (10, then 15 min locked).
        "/two-factor/*": { window: 60, max: 20 },
      },
    },
    databaseHooks: {
      user: {
        create: {
          // Users come from the setup page and admins; through single sign-on only when its domains admit them.
          before: async (u, ctx) => {
            if (!ctx?.path?.startsWith("/callback/")) return;
            if (!sso || !ssoAdmits(sso, u.email)) {
              throw new APIError("FORBIDDEN", { message: "This e-mail domain may not sign in here.", code: "SSO_NOT_ADMITTED" });
            }
            return { data: { ...u, role: sso.defaultRole, emailVerified: true } };
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const [u] = await getDb()
              .select({ disabled: schema.user.disabled })
              .from(schema.user)
              .where(eqUser(session.userId));
            if (!u || u.disabled) throw new APIError("FORBIDDEN", { message: "This account is disabled.", code: "ACCOUNT_DISABLED" });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-out") return auditSignOut(ctx);
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        const client = clientAddressOf(ctx.headers ?? new Headers());
        // The attempt is counted before the password is checked, so a burst cannot outrun the limit.
        const wait = await takeSignInAttempt(email, client);
        if (wait > 0) {
          await recordAudit({ actor: null, operation: "auth.signIn", target: email, input: { email }, outcome: "denied", errorCode: "SIGN_IN_THROTTLED", clientAddress: client });
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many failed sign-ins. Try again in ${wait} seconds.`,
            code: "SIGN_IN_THROTTLED",
            retryAfter: wait,
          });
        }
      }),
    },
    // Sign-ins (password and second step) and two-factor changes are audited by auditPlugin,
    // after the two-factor plugin has decided whether a second step is due.
    plugins: [
      twoFactor({
        issuer: "CAMS Admin",
        // A remembered device skips the code for 30 days (its own cookie, revoked with two-factor).
        trustDeviceMaxAge: 30 * 24 * 60 * 60,
        backupCodeOptions: { amount: 10, length: 10 },
      }),
      ...(sso ? [ssoPlugin(sso, baseURL)] : []),
      auditPlugin(),
      nextCookies(),
    ],
    // The library's own log lines go through the app's logger: a failed statement it reports
    // loses its bound parameters there (errForLog) like every other.
    logger: {
      disabled: env.LOG_LEVEL === "silent",
      log: (level, message, ...args) =>
        getLogger()[level]({ lib: "better-auth", details: args.map((a) => (a !== null && typeof a === "object" ? errForLog(a) : typeof a === "string" ? (errForLog({ message: a }).message ?? a) : a)) }, errForLog({ message }).message ?? message),
    },
    telemetry: { enabled: false },
  });
}

const eqUser = (id: string) => eq(schema.user.id, id);
const emailOf = (body: unknown) => String((body as { email?: unknown } | undefined)?.email ?? "").toLowerCase().slice(0, 320);

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Who signs out, read before the session is gone; a sign-out without a session is not recorded. */
async function auditSignOut(ctx: HookContext): Promise<void> {
  const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (!token) return;
  const found = await ctx.context.internalAdapter.findSession(token);
  if (!found) return;
  await recordAudit({
    actor: { id: found.user.id, email: found.user.email },
    operation: "auth.signOut",
    target: found.user.email,
    outcome: "ok",
    clientAddress: clientAddressOf(ctx.headers ?? new Headers()),
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __camsAuth?: Auth; __camsAuthSso?: string | null };

/**
 * Created lazily: `next build` imports the route module and must not open the database. Built
 * without single sign-on until `currentAuth()` has read its settings (only the sign-in and
 * callback routes need the provider).
 */
export function getAuth(): Auth {
  if (!globalForAuth.__camsAuth) {
    globalForAuth.__camsAuth = createAuth(null);
    globalForAuth.__camsAuthSso = null;
  }
  return globalForAuth.__camsAuth;
}

/**
 * The auth instance with the current single sign-on settings: rebuilt when they changed (in this
 * instance or another one sharing the database: one small read per auth request).
 */
export async function currentAuth(): Promise<Auth> {
  const version = await ssoVersion();
  if (globalForAuth.__camsAuth && globalForAuth.__camsAuthSso === version) return globalForAuth.__camsAuth;
  const sso = version ? await loadSsoRuntime() : null;
  globalForAuth.__camsAuth = createAuth(sso);
  globalForAuth.__camsAuthSso = sso?.version ?? null;
  return globalForAuth.__camsAuth;
}
