/**
 * Scale: one sandbox account with many spaces of ten numbers each (default 1,000 × 10), one app
 * instance (next start, PGlite). Measures the inventory's first sweep of every space's number list
 * and of the first 1,000 numbers' keys and QR lists against their floors (calls ÷ documented QPS),
 * then p50 / p95 of the All-spaces reads (phone list, a filtered and sorted page, the header search,
 * the key and QR pages, and the three pages' HTML) over N requests each, and the app's RSS.
 *
 *   node --conditions=react-server --import tsx bench/scale/index.ts [--spaces 1000] [--numbers 10]
 *        [--requests 50] [--port 3410] [--dist .next] [--keep]
 *
 * Needs a production build in the dist folder (builds it when missing). See bench/scale/README.md.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { OPERATIONS } from "@/lib/cams/operations";
import { loadActionIds, setupToken, UserAgent } from "../load/http";
import { ensureBuild, startLoadStack } from "../load/stack";
import { markdownTable } from "../load/stats";
import { percentile } from "../phone-list/measure";

const { values: args } = parseArgs({
  options: {
    spaces: { type: "string", default: "1000" },
    numbers: { type: "string", default: "10" },
    requests: { type: "string", default: "50" },
    port: { type: "string", default: "3410" },
    dist: { type: "string", default: ".next" },
    keep: { type: "boolean", default: false },
  },
});
const SPACES = Math.max(1, Math.min(5000, Number(args.spaces)));
const PER_SPACE = Math.max(1, Math.min(100, Number(args.numbers)));
const REQUESTS = Math.max(5, Math.min(1000, Number(args.requests)));
/** Numbers whose keys and QR lists the details sweep is timed on. */
const DETAIL_NUMBERS = Math.min(1000, SPACES * PER_SPACE);
/** Spaces whose numbers get one message QR code each, so the QR page has rows (the first ones by name). */
const QR_SPACES = Math.min(SPACES, Math.ceil(1000 / PER_SPACE));
const PASSWORD = "scale-bench-password-1";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const name = (i: number) => `Scale ${String(i).padStart(4, "0")}`;

interface Calls {
  byAction: Record<string, number>;
  limitControl: number;
  total: number;
}

/** When each operation's count at the sandbox first moved and first reached its target (polled every 250 ms). */
class CallWatch {
  readonly first = new Map<string, number>();
  readonly reached = new Map<string, number>();
  last: Calls = { byAction: {}, limitControl: 0, total: 0 };
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly targets: Record<string, number>,
  ) {}

  start(): void {
    const tick = async () => {
      try {
        const res = await fetch(`${this.url}/_sandbox/calls`, { headers: { authorization: `Bearer ${this.token}` }, signal: AbortSignal.timeout(5000) });
        this.last = (await res.json()) as Calls;
        const now = Date.now();
        for (const [op, n] of Object.entries(this.last.byAction)) {
          if (n > 0 && !this.first.has(op)) this.first.set(op, now);
          const target = this.targets[op];
          if (target !== undefined && n >= target && !this.reached.has(op)) {
            this.reached.set(op, now);
            console.error(`${op}: ${n} calls after ${((now - this.first.get(op)!) / 1000).toFixed(1)} s`);
          }
        }
      } catch {
        /* the next tick tries again */
      }
      if (this.timer) this.timer = setTimeout(() => void tick(), 250);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async until(op: string, timeoutMs: number): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (!this.reached.has(op) && Date.now() < end) await sleep(250);
    return this.reached.has(op);
  }
}

async function control(url: string, token: string, pathname: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${url}/_sandbox/${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${pathname}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The sandbox account: SPACES spaces of PER_SPACE verified numbers; one QR code on each number of the first QR_SPACES spaces. */
async function seed(url: string, token: string): Promise<void> {
  const t = Date.now();
  for (let i = 0; i < SPACES; i++) await control(url, token, "spaces", { custSpaceId: `scale-${String(i).padStart(4, "0")}`, name: name(i), numbers: PER_SPACE });
  for (let i = 0; i < QR_SPACES; i++) {
    const res = await fetch(`${url}/_sandbox/spaces/scale-${String(i).padStart(4, "0")}`, { headers: { authorization: `Bearer ${token}` } });
    const space = (await res.json()) as { phoneNumbers: { phoneNumber: string }[] };
    for (const n of space.phoneNumbers) await control(url, token, `numbers/${n.phoneNumber}/qr-codes`, { prefilledMessage: `Hello from ${name(i)}` });
  }
  console.error(`seeded ${SPACES} spaces × ${PER_SPACE} numbers and ${QR_SPACES * PER_SPACE} QR codes in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function main() {
  ensureBuild(args.dist);
  const targets = {
    QueryChatappPhoneNumbers: SPACES,
    GetPhoneEncryptionPublicKey: DETAIL_NUMBERS,
    ListPhoneMessageQrdl: DETAIL_NUMBERS,
  };
  let watch: CallWatch | null = null;
  const appStartAt = { t: 0 };
  const stack = await startLoadStack({
    port: Number(args.port),
    distDir: args.dist,
    // One empty placeholder space instead of the demo seed (an empty space costs one list call, counted below).
    sandboxEnv: { CAMS_SANDBOX_SPACES: "scale-placeholder" },
    env: { SIGNIN_IP_MAX_PER_MINUTE: "100000", LOG_LEVEL: "warn" },
    beforeApp: async ({ url, controlToken }) => {
      await seed(url, controlToken);
      await fetch(`${url}/_sandbox/calls`, { method: "DELETE", headers: { authorization: `Bearer ${controlToken}` } });
      // The placeholder space is swept too: one more list call.
      watch = new CallWatch(url, controlToken, { ...targets, QueryChatappPhoneNumbers: SPACES + 1 });
      watch.start();
      appStartAt.t = Date.now();
    },
  });
  const w = watch as unknown as CallWatch;
  const onSignal = () => void stack.stop().then(() => (stack.cleanUp(), process.exit(130)));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, stack.appRssMb() ?? 0)), 2000);
  try {
    const load0 = os.loadavg();
    // The first administrator, through the setup page's action (as bench/load does), then a sign-in.
    const ids = loadActionIds(args.dist);
    const admin = new UserAgent(stack.appUrl);
    const setupAction = ids.get("setup.createFirstAdminAction")!;
    const setupPage = setupAction.pages.map((p) => p.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "")).find((u) => !u.includes("[")) || "/";
    const setup = await admin.action(setupPage, setupAction.id, {
      name: "Scale Admin",
      email: "scale-admin@bench.test",
      password: PASSWORD,
      confirmPassword: PASSWORD,
      setupToken: setupToken(stack.dataDir),
    });
    if (!setup.result?.data) throw new Error(`setup failed: ${setup.status} ${setup.text.slice(0, 300)}`);
    const signIn = await admin.signIn("scale-admin@bench.test", PASSWORD);
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status}`);

    // ---- the first sweep ----
    const floorS = (op: keyof typeof targets, n: number) => n / OPERATIONS[op].qps;
    const sweepRows: string[][] = [];
    const measure = async (op: keyof typeof targets, what: string, n: number) => {
      const ok = await w.until(op, Math.max(600_000, floorS(op, n) * 5000));
      const first = w.first.get(op);
      const reached = w.reached.get(op);
      if (!ok || !first || !reached) {
        sweepRows.push([what, String(n), `${floorS(op, n).toFixed(0)}`, `not reached (${w.last.byAction[op] ?? 0} calls)`, "–"]);
        return;
      }
      // From the first call seen to the n-th (polled every 250 ms).
      const wall = (reached - first) / 1000;
      sweepRows.push([what, String(n), floorS(op, n).toFixed(1), wall.toFixed(1), (wall / floorS(op, n)).toFixed(3)]);
    };
    await measure("QueryChatappPhoneNumbers", `number lists of every space (+1 placeholder)`, SPACES + 1);
    const afterNumbers = { rss: stack.appRssMb(), load: os.loadavg() };
    await measure("GetPhoneEncryptionPublicKey", `keys of the first ${DETAIL_NUMBERS} numbers`, DETAIL_NUMBERS);
    await measure("ListPhoneMessageQrdl", `QR lists of the first ${DETAIL_NUMBERS} numbers`, DETAIL_NUMBERS);
    const sweepCalls = w.last;

    // ---- reads, one after another, while the details sweep goes on over the other numbers ----
    const keysPages = Math.ceil((SPACES * PER_SPACE) / 50);
    const qrPages = Math.ceil((QR_SPACES * PER_SPACE) / 25);
    type Check = (body: Record<string, unknown>) => boolean;
    const isPage: Check = (b) => Array.isArray(b.rows) && typeof b.total === "number";
    const reads: [string, (i: number) => string, Check | string][] = [
      ["api: All-spaces phone list, page 1", () => "/api/phone-numbers/all/page", isPage],
      ["api: phone list GREEN, by tier desc, pages 1–5", (i) => `/api/phone-numbers/all/page?quality=GREEN&sort=tier&dir=desc&page=${1 + (i % 5)}`, isPage],
      ["api: header search (a space's name)", (i) => `/api/search?q=${encodeURIComponent(name((i * 17) % SPACES))}`, (b) => typeof b === "object"],
      ["api: All-spaces keys, pages spread", (i) => `/api/encryption-keys/all/page?page=${1 + ((i * 37) % keysPages)}`, isPage],
      ["api: All-spaces QR codes, pages spread", (i) => `/api/qr-codes/all/page?page=${1 + ((i * 7) % qrPages)}`, isPage],
      ["api: All-spaces QR codes, searched", (i) => `/api/qr-codes/all/page?q=${encodeURIComponent(name((i * 3) % QR_SPACES))}`, isPage],
      ["page: /s/all/phone-numbers", () => "/s/all/phone-numbers", "Phone numbers"],
      ["page: /s/all/encryption-keys", () => "/s/all/encryption-keys", "Encryption keys"],
      ["page: /s/all/qr-codes", () => "/s/all/qr-codes", "QR codes"],
    ];
    const readRows: string[][] = [];
    const totals = new Map<string, number>();
    for (const [kind, url, check] of reads) {
      const ms: number[] = [];
      let errors = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        const res = await admin.request(url(i));
        const text = await res.text();
        ms.push(performance.now() - t);
        let good = res.status === 200;
        if (good && typeof check === "string") good = text.includes(check) && text.includes("</html>") && !text.includes('\\"digest\\"');
        else if (good && typeof check === "function") {
          const body = JSON.parse(text) as Record<string, unknown>;
          good = check(body);
          if (i === 0 && typeof body.total === "number") totals.set(kind, body.total);
        }
        if (!good) errors++;
      }
      readRows.push([kind, String(REQUESTS), String(errors), percentile(ms, 50).toFixed(1), percentile(ms, 95).toFixed(1), Math.max(...ms).toFixed(1), totals.has(kind) ? String(totals.get(kind)) : ""]);
    }
    const load1 = os.loadavg();
    const rss = stack.appRssMb();
    const calls = w.last;

    console.log(`\nScale: ${SPACES} spaces × ${PER_SPACE} numbers on one sandbox account, one app instance (next start, PGlite)`);
    console.log(`${os.cpus().length} CPUs; load average (1, 5, 15 min): at start ${load0.map((l) => l.toFixed(1)).join(" ")}, after the number sweep ${afterNumbers.load.map((l) => l.toFixed(1)).join(" ")}, at the end ${load1.map((l) => l.toFixed(1)).join(" ")}\n`);
    console.log("First sweep (the app's inventory worker, from its first call of the operation to the n-th, at the sandbox):\n");
    console.log(markdownTable(["what", "calls", "floor s (calls ÷ QPS)", "wall s", "wall ÷ floor"], sweepRows));
    console.log(`\nCAMS calls when the sweep figures were taken: ${JSON.stringify(sweepCalls.byAction)}; System.LimitControl ${sweepCalls.limitControl}`);
    console.log(`\nReads by one administrator (every space readable), ${REQUESTS} each, one after another, while the details sweep goes on:\n`);
    console.log(markdownTable(["request", "n", "errors", "p50 ms", "p95 ms", "max ms", "rows matched"], readRows));
    console.log(`\nApp RSS: ${afterNumbers.rss?.toFixed(0) ?? "?"} MB after the number sweep, ${rss?.toFixed(0) ?? "?"} MB at the end, peak ${peakRss.toFixed(0)} MB (sampled every 2 s)`);
    console.log(`CAMS calls in all: ${calls.total}; System.LimitControl ${calls.limitControl}; app started ${((Date.now() - appStartAt.t) / 1000).toFixed(0)} s ago`);
  } finally {
    clearInterval(sampler);
    w?.stop();
    await stack.stop();
    if (!args.keep) stack.cleanUp();
    else console.error(`data directory kept: ${stack.dataDir}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
