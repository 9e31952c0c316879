import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { machineAddress } from "@/e2e/helpers/machine-address";
import { parseNetworkList, type AllowedNetwork } from "@/lib/allowed-networks";
import { checkDestination, deliverTestEvent, postChecked, PREVIEW_BYTES, sampleEvent, type Resolver } from "./webhook-test-delivery";

interface Hit {
  method: string;
  url: string;
  host: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Loopback is never reached, so the receiver listens on this machine's own non-loopback address. */
const HOST = machineAddress();
let server: http.Server;
let port = 0;
let base = "";
let hits: Hit[] = [];
/** What an admin would list for this receiver: its address alone. */
let allowed: AllowedNetwork[] = [];
const nets = (text: string) => parseNetworkList(text).entries;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ method: req.method!, url: req.url!, host: req.headers.host!, headers: req.headers, body });
      if (req.url === "/redirect") {
        res.writeHead(302, { location: `http://${HOST}:${port}/elsewhere` }).end();
      } else if (req.url === "/big") {
        res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(10_000));
      } else if (req.url === "/slow") {
        // Never answers: the 5 s budget (shortened here) must end it.
      } else if (req.url === "/error") {
        res.writeHead(500, "Internal detail", { "content-type": "application/json" }).end('{"error":"boom","secret":"internal"}');
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, HOST, r));
  port = (server.address() as AddressInfo).port;
  base = `http://${HOST}:${port}`;
  allowed = nets(`${HOST}/32`);
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
    const r = await checkDestination(new URL("https://mixed.example.test/"), { allowedNetworks: [], resolve });
    expect(r).toEqual({ ok: false, reason: "blocked", address: "10.0.0.7", range: "private", rule: "notListed", port: 443 });
  });

  it("accepts a name that resolves to public addresses and pins the first", async () => {
    const resolve = fixed({ "hooks.example.test": ["93.184.216.34", "2606:2800:220:1::1"] });
    expect(await checkDestination(new URL("https://hooks.example.test/"), { allowedNetworks: [], resolve })).toEqual({
      ok: true,
      address: "93.184.216.34",
      family: 4,
      private: false,
    });
  });

  it("uses the system resolver: localhost resolves to loopback here and is refused", async () => {
    const r = await checkDestination(new URL("http://localhost:9/"), { allowedNetworks: [] });
    expect(r).toMatchObject({ ok: false, reason: "blocked", range: "loopback" });
  });

  it("refuses localhost even when a resolver claims a public address", async () => {
    const resolve = fixed({ localhost: ["93.184.216.34"] });
    expect(await checkDestination(new URL("http://localhost/"), { allowedNetworks: [], resolve })).toMatchObject({ ok: false, range: "loopback" });
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
      expect(await checkDestination(new URL(raw), { allowedNetworks: [], resolve }), raw).toMatchObject({ ok: false, reason: "blocked", range });
    }
  });

  it("reports a name that does not resolve", async () => {
    expect(await checkDestination(new URL("https://nowhere.invalid/"), { allowedNetworks: [], resolve: fixed({}) })).toEqual({ ok: false, reason: "dns" });
  });

  it("refuses metadata addresses whatever the list says", async () => {
    const everything: AllowedNetwork[] = [
      { cidr: "0.0.0.0/0", ports: [] },
      { cidr: "::/0", ports: [] },
    ];
    const resolve = fixed({ "imds.example.test": ["169.254.169.254"] });
    expect(await checkDestination(new URL("http://imds.example.test/"), { allowedNetworks: everything, resolve })).toMatchObject({ ok: false, range: "metadata", rule: "never" });
    expect(await checkDestination(new URL("http://100.100.100.200/"), { allowedNetworks: nets("100.64.0.0/10") })).toMatchObject({ ok: false, range: "metadata", rule: "never" });
    expect(await checkDestination(new URL("http://[::ffff:169.254.169.254]/"), { allowedNetworks: everything })).toMatchObject({ ok: false, range: "metadata" });
    expect(await checkDestination(new URL("http://[fd00:ec2::254]/"), { allowedNetworks: nets("fd00::/8") })).toMatchObject({ ok: false, range: "metadata" });
  });

  it("refuses loopback, link-local and unspecified addresses even with a stored entry covering them (the schema refuses such entries too)", async () => {
    // Entries written straight to the settings row, past the form's schema.
    const covering: AllowedNetwork[] = [
      { cidr: "127.0.0.0/8", ports: [] },
      { cidr: "169.254.0.0/16", ports: [] },
      { cidr: "0.0.0.0/0", ports: [] },
      { cidr: "::/0", ports: [] },
    ];
    expect(parseNetworkList(covering.map((c) => c.cidr).join("\n")).entries).toEqual([]);
    for (const [raw, range] of [
      ["http://127.0.0.1/", "loopback"],
      ["http://2130706433/", "loopback"],
      ["http://[::1]/", "loopback"],
      ["http://[::ffff:127.0.0.1]/", "loopback"],
      ["http://localhost/", "loopback"],
      ["http://169.254.10.10/", "linkLocal"],
      ["http://[fe80::1]/", "linkLocal"],
      ["http://0.0.0.0/", "unspecified"],
      ["http://[::]/", "unspecified"],
    ] as const) {
      expect(await checkDestination(new URL(raw), { allowedNetworks: covering }), raw).toMatchObject({ ok: false, reason: "blocked", range, rule: "never" });
    }
    const resolve = fixed({ "lo.example.test": ["127.0.0.1"], "ll.example.test": ["fe80::1"] });
    expect(await checkDestination(new URL("http://lo.example.test/"), { allowedNetworks: covering, resolve })).toMatchObject({ ok: false, range: "loopback", rule: "never" });
    expect(await checkDestination(new URL("http://ll.example.test/"), { allowedNetworks: covering, resolve })).toMatchObject({ ok: false, range: "linkLocal", rule: "never" });
  });

  it("lets a private address through only inside an allowed network, and only on a listed port", async () => {
    const resolve = fixed({ "lan.example.test": ["192.168.1.5"], "v6.example.test": ["fd12:3456::5"] });
    const list = nets("192.168.1.0/24 ports 8080\nfd12:3456::/48");
    expect(await checkDestination(new URL("http://lan.example.test:8080/"), { allowedNetworks: list, resolve })).toEqual({ ok: true, address: "192.168.1.5", family: 4, private: true });
    expect(await checkDestination(new URL("http://lan.example.test/"), { allowedNetworks: list, resolve })).toEqual({ ok: false, reason: "blocked", address: "192.168.1.5", range: "private", rule: "port", port: 80 });
    expect(await checkDestination(new URL("https://lan.example.test/"), { allowedNetworks: list, resolve })).toMatchObject({ ok: false, rule: "port", port: 443 });
    expect(await checkDestination(new URL("http://192.168.2.5:8080/"), { allowedNetworks: list })).toMatchObject({ ok: false, range: "private", rule: "notListed" });
    expect(await checkDestination(new URL("https://v6.example.test/"), { allowedNetworks: list, resolve })).toEqual({ ok: true, address: "fd12:3456::5", family: 6, private: true });
    // Every address of the name is checked: one outside the list refuses the whole name.
    const mixed = fixed({ "m.example.test": ["192.168.1.5", "10.0.0.1"] });
    expect(await checkDestination(new URL("http://m.example.test:8080/"), { allowedNetworks: list, resolve: mixed })).toMatchObject({ ok: false, address: "10.0.0.1", rule: "notListed" });
  });
});

describe("deliverTestEvent", () => {
  it("posts a CAMS-shaped status report to an allowed network and reports status and time, not the body", async () => {
    const r = await deliverTestEvent({ url: `${base}/hook?x=1`, kind: "status", phoneNumber: "6581234567", allowedNetworks: allowed });
    expect(r).toMatchObject({ kind: "answered", status: 200, address: HOST, bodyHidden: true, bodyPreview: "", contentType: null, location: null, statusText: "" });
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
    const r = await deliverTestEvent({ url: `${base}/in`, kind: "inbound", phoneNumber: "6581234567", allowedNetworks: allowed });
    expect(r.kind).toBe("answered");
    expect(JSON.parse(hits[0]!.body)[0]).toMatchObject({ To: "6581234567", Type: "TEXT" });
  });

  it("a private answer never shows its body, reason phrase, headers or redirect target", async () => {
    const error = await deliverTestEvent({ url: `${base}/error`, kind: "status", allowedNetworks: allowed });
    expect(error).toMatchObject({ kind: "answered", status: 500, statusText: "", bodyPreview: "", contentType: null, bodyHidden: true });
    expect(JSON.stringify(error)).not.toContain("internal");
    expect(JSON.stringify(error)).not.toContain("boom");
    const redirect = await deliverTestEvent({ url: `${base}/redirect`, kind: "status", allowedNetworks: allowed });
    expect(redirect).toMatchObject({ kind: "answered", status: 302, location: null, bodyHidden: true });
    expect(hits.map((h) => h.url)).toEqual(["/error", "/redirect"]);
  });

  it("refuses the same receiver outside the list, or on a port not listed, and sends nothing", async () => {
    const none = await deliverTestEvent({ url: `${base}/hook`, kind: "status", allowedNetworks: [] });
    expect(none).toMatchObject({ kind: "refused", reason: "blocked", address: HOST, rule: "notListed", port });
    const elsewhere = await deliverTestEvent({ url: `${base}/hook`, kind: "status", allowedNetworks: nets("10.20.0.0/16") });
    expect(elsewhere).toMatchObject({ kind: "refused", reason: "blocked", rule: "notListed" });
    const otherPort = await deliverTestEvent({ url: `${base}/hook`, kind: "status", allowedNetworks: nets(`${HOST}/32 ports ${port === 65535 ? 1 : port + 1}`) });
    expect(otherPort).toMatchObject({ kind: "refused", reason: "blocked", rule: "port", port });
    const listedPort = await deliverTestEvent({ url: `${base}/hook`, kind: "status", allowedNetworks: nets(`${HOST}/32 ports ${port}`) });
    expect(listedPort).toMatchObject({ kind: "answered", status: 200 });
    expect(hits).toHaveLength(1);
  });

  it("never reaches a loopback receiver, even with 127.0.0.0/8 stored", async () => {
    const lo = http.createServer((_req, res) => res.end("loopback"));
    await new Promise<void>((r) => lo.listen(0, "127.0.0.1", r));
    const loPort = (lo.address() as AddressInfo).port;
    let reached = 0;
    lo.on("request", () => reached++);
    try {
      const stored: AllowedNetwork[] = [{ cidr: "127.0.0.0/8", ports: [] }];
      for (const url of [`http://127.0.0.1:${loPort}/`, `http://2130706433:${loPort}/`, `http://localhost:${loPort}/`, `http://[::ffff:127.0.0.1]:${loPort}/`]) {
        expect(await deliverTestEvent({ url, kind: "status", allowedNetworks: stored }), url).toMatchObject({ kind: "refused", reason: "blocked", range: "loopback", rule: "never" });
      }
      expect(reached).toBe(0);
    } finally {
      await new Promise((r) => lo.close(r));
    }
  });

  it("connects to the checked address, not a second DNS answer (rebinding)", async () => {
    let calls = 0;
    const resolve: Resolver = async () => {
      calls++;
      // A rebinding name would answer differently the second time; there must be no second time.
      return [{ address: calls === 1 ? HOST : "10.9.9.9", family: 4 }];
    };
    const r = await deliverTestEvent({ url: `http://rebind.example.test:${port}/pinned`, kind: "status", allowedNetworks: allowed, resolve });
    expect(r).toMatchObject({ kind: "answered", status: 200, address: HOST });
    expect(calls).toBe(1);
    expect(hits[0]!.host).toBe(`rebind.example.test:${port}`);
  });

  it("gives up after the time budget", async () => {
    const started = Date.now();
    const r = await deliverTestEvent({ url: `${base}/slow`, kind: "status", allowedNetworks: allowed, timeoutMs: 300 });
    expect(r).toMatchObject({ kind: "failed", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reports a refused connection", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, HOST, r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await deliverTestEvent({ url: `http://${HOST}:${freePort}/`, kind: "status", allowedNetworks: allowed });
    expect(r).toMatchObject({ kind: "failed", reason: "network", detail: "ECONNREFUSED" });
  });

  it("refuses a URL that breaks the rules before any network use", async () => {
    expect(await deliverTestEvent({ url: `http://user:pw@${HOST}/`, kind: "status", allowedNetworks: allowed })).toMatchObject({ kind: "refused", reason: "url" });
    expect(await deliverTestEvent({ url: "javascript:alert(1)", kind: "status", allowedNetworks: allowed })).toMatchObject({ kind: "refused", reason: "url" });
  });

  it("samples are JSON arrays shaped like the CAMS callback docs", () => {
    const [status] = sampleEvent("status", "6581234567", 1_700_000_000_000) as Record<string, unknown>[];
    expect(Object.keys(status!)).toEqual(expect.arrayContaining(["MessageId", "From", "To", "Timestamp", "Status"]));
    expect(status!.Timestamp).toBe(1_700_000_000_000);
    const [inbound] = sampleEvent("inbound", undefined) as Record<string, unknown>[];
    expect(Object.keys(inbound!)).toEqual(expect.arrayContaining(["MessageId", "From", "To", "Type", "Message", "Timestamp"]));
  });
});

describe("the answer of a public destination (postChecked: no public address is reachable from the tests)", () => {
  // checkDestination marks a public resolver answer `private: false` (above); this is what the POST then reports.
  const publicLooking = () => ({ ok: true as const, address: HOST, family: 4 as const, private: false });
  const post = (path: string) => postChecked(new URL(`http://hooks.example.test:${port}${path}`), "{}", {}, publicLooking());

  it("a public resolver answer is accepted and marked public", async () => {
    const resolve = fixed({ "hooks.example.test": ["93.184.216.34"] });
    expect(await checkDestination(new URL("https://hooks.example.test/"), { allowedNetworks: [], resolve })).toMatchObject({ ok: true, private: false });
  });

  it("keeps the preview, reason phrase, content type and redirect target", async () => {
    expect(await post("/error")).toMatchObject({ kind: "answered", status: 500, statusText: "Internal detail", contentType: "application/json", bodyPreview: '{"error":"boom","secret":"internal"}', bodyHidden: false });
    expect(await post("/redirect")).toMatchObject({ kind: "answered", status: 302, location: `http://${HOST}:${port}/elsewhere` });
    expect(hits.map((h) => h.url)).toEqual(["/error", "/redirect"]);
  });

  it("reads only the first 2 KB of the answer", async () => {
    const r = await post("/big");
    expect(r.kind === "answered" && r.bodyPreview.length).toBe(PREVIEW_BYTES);
    expect(r).toMatchObject({ truncated: true });
  });
});
