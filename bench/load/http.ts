/**
 * A signed-in user over plain HTTP: a cookie jar, better-auth's e-mail sign-in, and server actions
 * called the way the browser calls them (POST to the page with `Next-Action: <id>` and the
 * arguments in React's reply encoding, which for plain JSON inputs is the JSON array of arguments).
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../phone-list/stack";

const TIMEOUT_MS = 60_000;
const SOCKET_RESET = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"]);

/** The one-time setup token the app wrote into its data directory at first start (the setup form asks for it). */
export function setupToken(dataDir: string): string {
  return fs.readFileSync(path.join(dataDir, "setup.token"), "utf8").trim();
}

/** The code under fetch's "fetch failed" (undici puts the socket error in `cause`). */
export function networkCause(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? "";
}

let resentGets = 0;
/** GETs sent again after the server reset a reused keep-alive connection (see UserAgent.request). */
export const resentGetCount = () => resentGets;

/** What next-safe-action returns from an action. */
export interface SafeActionResult {
  data?: unknown;
  serverError?: { message: string; code?: string; ref?: string; httpStatus?: number };
  validationErrors?: unknown;
}

export interface ActionReply {
  status: number;
  result: SafeActionResult | null;
  text: string;
}

/**
 * Action ids from the build's server-reference manifest, by "<file stem>.<export>" (as
 * server/authz/matrix.test.ts names them, e.g. "webhooks.updatePhoneWebhookAction"), each with
 * the app pages that can run it.
 */
export function loadActionIds(distDir: string): Map<string, { id: string; pages: string[] }> {
  const file = path.join(ROOT, distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const out = new Map<string, { id: string; pages: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const m = /server\/actions\/([\w-]+)\.ts$/.exec(entry.filename ?? "");
    if (!m || !entry.exportedName) continue;
    out.set(`${m[1]}.${entry.exportedName}`, { id, pages: Object.keys(entry.workers) });
  }
  return out;
}

/**
 * The value an action returned, from its React Server Components reply: row 0 names the row that
 * holds it ("a": "$@<row>"). Rows are "<hex id>:<json>\n".
 */
export function parseActionReply(text: string): SafeActionResult | null {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof head?.a === "string" && head.a.startsWith("$@") ? head.a.slice(2) : null;
    const body = ref ? rows.get(ref) : undefined;
    if (body === undefined) return null;
    const value = JSON.parse(body) as unknown;
    return value && typeof value === "object" ? (value as SafeActionResult) : null;
  } catch {
    return null;
  }
}

export class UserAgent {
  private readonly jar = new Map<string, string>();

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      if (i <= 0) continue;
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value === "" || /max-age=0\b/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  get signedIn(): boolean {
    return [...this.jar.keys()].some((k) => k.endsWith("session_token"));
  }

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", this.cookieHeader());
    const send = () => fetch(`${this.base}${pathname}`, { redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS), ...init, headers });
    let res: Response;
    try {
      res = await send();
    } catch (e) {
      // The server closed an idle keep-alive connection as this request went out on it: a
      // browser sends a GET again on a new connection. (A POST is not resent: it may have arrived.)
      if ((init.method ?? "GET") !== "GET" || !SOCKET_RESET.has(networkCause(e))) throw e;
      resentGets++;
      res = await send();
    }
    this.keep(res);
    return res;
  }

  /** better-auth's e-mail sign-in, as the sign-in form posts it. */
  async signIn(email: string, password: string): Promise<Response> {
    return this.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify({ email, password }),
    });
  }

  /** Calls a server action with one argument (next-safe-action's input) from `page`. */
  async action(page: string, id: string, input: unknown): Promise<ActionReply> {
    const res = await this.request(page, {
      method: "POST",
      headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: this.base },
      body: JSON.stringify([input]),
    });
    const text = await res.text();
    return { status: res.status, result: res.headers.get("content-type")?.startsWith("text/x-component") ? parseActionReply(text) : null, text };
  }
}
