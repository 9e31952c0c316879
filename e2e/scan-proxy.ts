/**
 * The e2e suite's secret scanner: a reverse proxy in front of the app under test. Every response
 * that can carry a secret to a page (HTML, RSC payloads, JSON, text, scripts) is scanned as it
 * streams through, for the run's known secrets and any PEM private key; what it finds is appended
 * to a findings file (which secret by index, never its text) before the response ends, so a test
 * that has its response has its findings too. Every session token the app hands out in a Set-Cookie
 * is looked for from then on too, in that response's own body as well. The fixture in helpers/test.ts fails the test that
 * received it; secrets.spec.ts fails on anything found at all.
 *
 * Reading bodies in the proxy instead of over the DevTools protocol costs the browser nothing and
 * covers every context, page.request and service call alike.
 *
 *   node --import tsx e2e/scan-proxy.ts --port 3100 --target 4120 --data-dir .e2e-data
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import { bodyScanner, findingsFile, knownSecretsOf, SCANNED_TYPE, sessionTokensOf, type Finding } from "./helpers/scan";

const { values } = parseArgs({
  options: { port: { type: "string" }, target: { type: "string" }, "data-dir": { type: "string" } },
});
const port = Number(values.port);
const target = Number(values.target);
const dataDir = values["data-dir"]!;
const fixed = [process.env.E2E_SANDBOX_SECRET, process.env.E2E_SANDBOX2_SECRET, process.env.E2E_ADMIN_PASSWORD].filter(
  (s): s is string => !!s,
);

const out = findingsFile(dataDir);
fs.rmSync(out, { force: true });
// A new loopback connection per request: a pooled one can be closed by the app's idle timer just as
// it is reused, and that request would fail for reasons of the proxy's own.
const agent = new http.Agent({ keepAlive: false });
/** Every session token the app has set as a cookie in this run. */
const sessionTokens = new Set<string>();

const server = http.createServer((req, res) => {
  const headers = { ...req.headers };
  // Plain bodies between the proxy and the app, so they can be read; loopback needs no compression.
  delete headers["accept-encoding"];
  const upstream = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers, agent }, (up) => {
    // Hop-by-hop headers are the proxy's own business on each side (the browser keeps its connection).
    const raw = up.rawHeaders;
    const headers: string[] = [];
    for (let i = 0; i < raw.length; i += 2) {
      if (!/^(connection|keep-alive)$/i.test(raw[i]!)) headers.push(raw[i]!, raw[i + 1]!);
    }
    res.writeHead(up.statusCode ?? 502, up.statusMessage, headers);
    for (const t of sessionTokensOf(up.headers["set-cookie"])) sessionTokens.add(t);
    const type = String(up.headers["content-type"] ?? "");
    const scanner = SCANNED_TYPE.test(type) ? bodyScanner(knownSecretsOf({ dataDir, fixed }), [...sessionTokens]) : null;
    up.on("data", (chunk: Buffer) => {
      scanner?.push(chunk);
      res.write(chunk);
    });
    up.on("end", () => {
      const found = scanner?.found() ?? [];
      if (found.length) {
        const lines = found.map((what) => {
          const f: Finding = { id: crypto.randomUUID(), method: req.method ?? "GET", url: req.url ?? "", status: up.statusCode ?? 0, what };
          return `${JSON.stringify(f)}\n`;
        });
        fs.appendFileSync(out, lines.join(""));
      }
      res.end();
    });
    up.on("error", () => res.destroy());
  });
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end("scan proxy: the app did not answer");
  });
  req.pipe(upstream);
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(`scan proxy on 127.0.0.1:${port} → 127.0.0.1:${target}, findings in ${out}`));
