import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkDestination, deliverTestEvent, PREVIEW_BYTES, sampleEvent, type Resolver } from "./webhook-test-delivery";

interface Hit {
  method: string;
  url: string;
  host: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let port = 0;
let hits: Hit[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ method: req.method!, url: req.url!, host: req.headers.host!, headers: req.headers, body });
      if (req.url === "/redirect") {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
      } else if (req.url === "/big") {
        res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(10_000));
      } else if (req.url === "/slow") {
        // Never answers: the 5 s budget (shortened here) must end it.
      } else if (req.url === "/error") {
        res.writeHead(500, { "content-type": "application/json" }).end('{"error":"boom"}');
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  hits = [];
});

const fixed =
  (map: Record<string, string[]>): Resolver =>
  async (host) => {
    const list = map[host];
    if (!list) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("checkDestination", () => {
  it("refuses a name whose addresses include a private one: every address is checked", async () => {
    const resolve = fixed({ "mixed.example.test": ["93.184.216.34", "10.0.0.7"] });
    const r = await checkDestination(new URL("https://mixed.example.test/"), { allowPrivate: false, resolve });
    expect(r).toEqual({ ok: false, reason: "blocked", address: "10.0.0.7", range: "private" });
  });

  it("accepts a name that resolves to public addresses and pins the first", async () => {
    const resolve = fixed({ "hooks.example.test": ["93.184.216.34", "2606:2800:220:1::1"] });
    expect(await checkDestination(new URL("https://hooks.example.test/"), { allowPrivate: false, resolve })).toEqual({
      ok: true,
      address: "93.184.216.34",
      family: 4,
    });
  });

  it("uses the system resolver: localhost resolves to loopback here and is refused", async () => {
    const r = await checkDestination(new URL("http://localhost:9/"), { allowPrivate: false });
    expect(r).toMatchObject({ ok: false, reason: "blocked", range: "loopback" });
  });

  it("refuses localhost even when a resolver claims a public address", async () => {
    const resolve = fixed({ localhost: ["93.184.216.34"] });
    expect(await checkDestination(new URL("http://localhost/"), { allowPrivate: false, resolve })).toMatchObject({ ok: false, range: "loopback" });
  });

  it("refuses encoded and mapped literals without asking DNS", async () => {
    const resolve: Resolver = async () => {
      throw new Error("must not be called");
    };
    for (const [raw, range] of [
      ["http://2130706433/", "loopback"],
      ["http://0x7f.1/", "loopback"],
      ["http://[::1]/", "loopback"],
      ["http://[::ffff:127.0.0.1]/", "loopback"],
      ["http://169.254.169.254/latest/meta-data/", "metadata"],
      ["http://[fd00:ec2::254]/", "metadata"],
      ["http://0.0.0.0/", "unspecified"],
      ["http://[::]/", "unspecified"],
      ["http://[fe80::1]/", "linkLocal"],
    ] as const) {
      expect(await checkDestination(new URL(raw), { allowPrivate: false, resolve }), raw).toMatchObject({ ok: false, reason: "blocked", range });
    }
  });

  it("reports a name that does not resolve", async () => {
    expect(await checkDestination(new URL("https://nowhere.invalid/"), { allowPrivate: false, resolve: fixed({}) })).toEqual({ ok: false, reason: "dns" });
  });

  it("refuses metadata addresses even when private addresses are allowed", async () => {
    const resolve = fixed({ "imds.example.test": ["169.254.169.254"] });
    expect(await checkDestination(new URL("http://imds.example.test/"), { allowPrivate: true, resolve })).toMatchObject({ ok: false, range: "metadata" });
    expect(await checkDestination(new URL("http://100.100.100.200/"), { allowPrivate: true })).toMatchObject({ ok: false, range: "metadata" });
    expect(await checkDestination(new URL("http://[::ffff:169.254.169.254]/"), { allowPrivate: true })).toMatchObject({ ok: false, range: "metadata" });
  });

  it("lets private addresses through when an admin allowed them", async () => {
    const resolve = fixed({ "lan.example.test": ["192.168.1.5"] });
    expect(await checkDestination(new URL("http://lan.example.test/"), { allowPrivate: true, resolve })).toEqual({ ok: true, address: "192.168.1.5", family: 4 });
  });
});

describe("deliverTestEvent", () => {
  it("posts a CAMS-shaped status report and reports status, time and the answer", async () => {
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${port}/hook?x=1`, kind: "status", phoneNumber: "6581234567", allowPrivate: true });
    expect(r).toMatchObject({ kind: "answered", status: 200, address: "127.0.0.1", bodyPreview: '{"ok":true}', truncated: false, location: null });
    expect(r.kind === "answered" && r.durationMs).toBeGreaterThanOrEqual(0);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.method).toBe("POST");
    expect(hits[0]!.url).toBe("/hook?x=1");
    expect(hits[0]!.headers["content-type"]).toMatch(/^application\/json/);
    expect(hits[0]!.headers["x-cams-admin-test"]).toBe("1");
    const body = JSON.parse(hits[0]!.body) as Record<string, unknown>[];
    expect(Array.isArray(body)).toBe(true);
    expect(body[0]).toMatchObject({ Status: "Delivered", From: "6581234567", MsgFrameType: "message" });
    expect(body[0]!.MessageId).toMatch(/^cams-admin-test-/);
    expect(r.sent).toBe(hits[0]!.body);
  });

  it("an inbound sample goes to the number", async () => {
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${port}/in`, kind: "inbound", phoneNumber: "6581234567", allowPrivate: true });
    expect(r.kind).toBe("answered");
    expect(JSON.parse(hits[0]!.body)[0]).toMatchObject({ To: "6581234567", Type: "TEXT" });
  });

  it("refuses the same loopback receiver while private addresses are not allowed, and sends nothing", async () => {
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${port}/hook`, kind: "status", allowPrivate: false });
    expect(r).toMatchObject({ kind: "refused", reason: "blocked", range: "loopback", address: "127.0.0.1" });
    const encoded = await deliverTestEvent({ url: `http://2130706433:${port}/hook`, kind: "status", allowPrivate: false });
    expect(encoded).toMatchObject({ kind: "refused", reason: "blocked", range: "loopback" });
    expect(hits).toHaveLength(0);
  });

  it("connects to the checked address, not a second DNS answer (rebinding)", async () => {
    let calls = 0;
    const resolve: Resolver = async () => {
      calls++;
      // A rebinding name would answer differently the second time; there must be no second time.
      return [{ address: calls === 1 ? "127.0.0.1" : "10.9.9.9", family: 4 }];
    };
    const r = await deliverTestEvent({ url: `http://rebind.example.test:${port}/pinned`, kind: "status", allowPrivate: true, resolve });
    expect(r).toMatchObject({ kind: "answered", status: 200, address: "127.0.0.1" });
    expect(calls).toBe(1);
    expect(hits[0]!.host).toBe(`rebind.example.test:${port}`);
  });

  it("does not follow redirects: the 302 and its Location are reported", async () => {
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${port}/redirect`, kind: "status", allowPrivate: true });
    expect(r).toMatchObject({ kind: "answered", status: 302, location: `http://127.0.0.1:${port}/elsewhere` });
    expect(hits.map((h) => h.url)).toEqual(["/redirect"]);
  });

  it("reads only the first 2 KB of the answer", async () => {
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${port}/big`, kind: "status", allowPrivate: true });
    expect(r.kind === "answered" && r.bodyPreview.length).toBe(PREVIEW_BYTES);
    expect(r).toMatchObject({ truncated: true });
  });

  it("reports an error status as an answer", async () => {
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${port}/error`, kind: "status", allowPrivate: true });
    expect(r).toMatchObject({ kind: "answered", status: 500, bodyPreview: '{"error":"boom"}' });
  });

  it("gives up after the time budget", async () => {
    const started = Date.now();
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${port}/slow`, kind: "status", allowPrivate: true, timeoutMs: 300 });
    expect(r).toMatchObject({ kind: "failed", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reports a refused connection", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await deliverTestEvent({ url: `http://127.0.0.1:${freePort}/`, kind: "status", allowPrivate: true });
    expect(r).toMatchObject({ kind: "failed", reason: "network", detail: "ECONNREFUSED" });
  });

  it("refuses a URL that breaks the rules before any network use", async () => {
    expect(await deliverTestEvent({ url: "http://user:pw@127.0.0.1/", kind: "status", allowPrivate: true })).toMatchObject({ kind: "refused", reason: "url" });
    expect(await deliverTestEvent({ url: "javascript:alert(1)", kind: "status", allowPrivate: true })).toMatchObject({ kind: "refused", reason: "url" });
  });

  it("samples are JSON arrays shaped like the CAMS callback docs", () => {
    const [status] = sampleEvent("status", "6581234567", 1_700_000_000_000) as Record<string, unknown>[];
    expect(Object.keys(status!)).toEqual(expect.arrayContaining(["MessageId", "From", "To", "Timestamp", "Status"]));
    expect(status!.Timestamp).toBe(1_700_000_000_000);
    const [inbound] = sampleEvent("inbound", undefined) as Record<string, unknown>[];
    expect(Object.keys(inbound!)).toEqual(expect.arrayContaining(["MessageId", "From", "To", "Type", "Message", "Timestamp"]));
  });
});
