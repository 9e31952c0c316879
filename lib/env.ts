import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The only place that reads process.env. Everything is server-side: the browser bundle gets no
 * variable from here (no NEXT_PUBLIC_ names on purpose).
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL connection string. Unset: embedded PGlite under DATA_DIR. */
    DATABASE_URL: z.string().url().optional(),
    /** Where the embedded database, generated keys and sandbox credentials live. */
    DATA_DIR: z.string().min(1).default("data"),
    /** base64 of 32 bytes. Unset: generated into DATA_DIR/encryption.key (mode 0600) on first start. */
    ENCRYPTION_KEY: z.string().optional(),
    ENCRYPTION_KEY_ID: z.string().regex(/^[a-z0-9]{1,16}$/).default("v1"),
    /** Keys that may still decrypt older values during a rotation: "id:base64,id:base64". */
    ENCRYPTION_OLD_KEYS: z.string().optional(),
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /** The public URL. Unset: http://localhost:PORT (and http://127.0.0.1:PORT is trusted too). */
    APP_URL: z.string().url().optional(),
    /** More addresses sign-in is accepted from (host names, LAN addresses): "http://host:3000,https://…". */
    TRUSTED_ORIGINS: z
      .string()
      .optional()
      .refine((v) => !v || v.split(",").every((o) => !o.trim() || URL.canParse(o.trim())), "TRUSTED_ORIGINS: a comma-separated list of URLs"),
    /**
     * Reverse proxies whose forwarding header is believed: "10.0.0.0/8,192.168.1.20,::1". Unset: the
     * client address is the socket's peer and every client-sent forwarding header is ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine(
        (v) => !v || v.split(",").every((e) => !e.trim() || z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]).safeParse(e.trim()).success),
        "TRUSTED_PROXIES: a comma-separated list of IP addresses and CIDR ranges",
      ),
    /** The header TRUSTED_PROXIES set to the client's address (e.g. x-real-ip, cf-connecting-ip). */
    CLIENT_ADDRESS_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/)
      .default("x-forwarded-for")
      .transform((h) => h.toLowerCase()),
    /** The port the app listens on (`next start` sets it from -p). */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The built-in CAMS emulator the embedded default starts beside the app. */
    CAMS_SANDBOX_URL: z.string().url().optional(),
    CAMS_SANDBOX_ACCESS_KEY_ID: z.string().optional(),
    CAMS_SANDBOX_ACCESS_KEY_SECRET: z.string().optional(),
    /** "1": link the sandbox as the "Sandbox" account at start (start:embedded sets it). A plain start never does. */
    CAMS_SANDBOX_LINK: z.enum(["0", "1"]).default("0"),
    /** The sandbox control API's bearer token (start:embedded makes one per start). */
    CAMS_SANDBOX_CONTROL_TOKEN: z.string().optional(),
    CAMS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /**
     * The share of each operation's documented QPS the shared limiter uses (server/cams/rate-limit.ts).
     * Lower it when other tools call CAMS with the same account.
     */
    CAMS_QPS_HEADROOM: z.coerce.number().min(0.5).max(1).default(0.92),
    /**
     * The share for changes (a console change's calls, bulk items): closer to the QPS, since a
     * System.LimitControl answer is sent again at the next slot and bulk jobs should take the floor.
     */
    CAMS_QPS_HEADROOM_CHANGES: z.coerce.number().min(0.5).max(1).default(0.98),
    // The SDK applies its connect timeout to the whole request, so it matches the read timeout.
    CAMS_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_FILE: z.string().optional(),
    /** Failed sign-ins per e-mail address and client address before each further one waits a growing delay. */
    SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
    SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
    /** The longest delay a run of failures builds up (seconds); each failure past the free ones doubles it. */
    SIGNIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(900),
    /** Failed sign-ins to one account from all clients together before unknown clients are delayed too. */
    SIGNIN_ACCOUNT_MAX_ATTEMPTS: z.coerce.number().int().positive().default(50),
    /** Sign-in requests per minute from one IP address, whatever the account (scripted attacks). */
    SIGNIN_IP_MAX_PER_MINUTE: z.coerce.number().int().positive().default(30),
    /** Password checks (scrypt) running at once in one instance; more wait their turn. */
    SIGNIN_MAX_CONCURRENT_CHECKS: z.coerce.number().int().positive().default(4),
    /** A session ends this long after its sign-in, however active (the idle expiry is 12 h). */
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(24),
    /** The inventory sweep: each space's number list is re-read this often (seconds). */
    INVENTORY_NUMBERS_EVERY_S: z.coerce.number().int().positive().default(300),
    /** Per-number details (encryption keys, QR codes) are re-read this often (seconds). */
    INVENTORY_DETAILS_EVERY_S: z.coerce.number().int().positive().default(3600),
    /** A read of data older than this (seconds) makes the space's sync due now (stale-while-revalidate). */
    INVENTORY_FRESH_S: z.coerce.number().int().nonnegative().default(30),
    /**
     * The same for per-number details (keys, QR codes: a call or two per number at 5 per second, so a
     * space's details are not re-read on every visit).
     */
    INVENTORY_DETAILS_FRESH_S: z.coerce.number().int().nonnegative().default(300),
    /** "0" turns the sweep worker off in this instance (reads on demand still fill the inventory). */
    INVENTORY_SWEEP: z.enum(["0", "1"]).default("1"),
    /** Bearer token a Prometheus scraper sends to GET /metrics (admins may read it signed in). Unset: sessions only. */
    METRICS_TOKEN: z.string().min(16).optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
});
