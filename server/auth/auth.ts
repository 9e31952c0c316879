import "server-only";
import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { env } from "@/lib/env";
import { dataDir, getDb } from "@/server/db";
import * as schema from "@/server/db/schema";
import { CLIENT_ADDRESS_HEADER } from "@/server/client-address";
import { passwordFns } from "./password";
import { appUrlOf, trustedOriginsOf } from "./origins";
import { readOrCreateSecretFile } from "./secrets";
import { clearSignInFailures, takeSignInAttempt } from "./throttle";

function createAuth() {
  const baseURL = appUrlOf(env);
  const secure = baseURL.startsWith("https://");
  return betterAuth({
    appName: "CAMS Admin",
    baseURL,
    secret: env.BETTER_AUTH_SECRET ?? readOrCreateSecretFile(dataDir(), "auth.secret"),
    trustedOrigins: trustedOriginsOf(env),
    database: drizzleAdapter(getDb(), {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
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
      customRules: { "/sign-in/email": { window: 60, max: env.SIGNIN_IP_MAX_PER_MINUTE } },
    },
    databaseHooks: {
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
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown })?.email ?? "").toLowerCase();
        // The attempt is counted before the password is checked, so a burst cannot outrun the limit.
        const wait = await takeSignInAttempt(email);
        if (wait > 0) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many failed sign-ins. Try again in ${wait} seconds.`,
            code: "SIGN_IN_THROTTLED",
            retryAfter: wait,
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown })?.email ?? "").toLowerCase();
        // A failure already counted when it was taken (before hook); only a success clears the count.
        if (!(ctx.context.returned instanceof APIError)) await clearSignInFailures(email);
      }),
    },
    plugins: [nextCookies()],
    logger: { disabled: env.LOG_LEVEL === "silent" },
    telemetry: { enabled: false },
  });
}

const eqUser = (id: string) => eq(schema.user.id, id);

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __camsAuth?: Auth };

/** Created lazily: `next build` imports the route module and must not open the database. */
export function getAuth(): Auth {
  if (!globalForAuth.__camsAuth) globalForAuth.__camsAuth = createAuth();
  return globalForAuth.__camsAuth;
}
