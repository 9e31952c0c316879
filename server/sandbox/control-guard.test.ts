import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as $Cams from "@alicloud/cams20200606";
import { startSandbox, type SandboxHandle } from "./server";
import { paced, sdkClient } from "./testing";

let sb: SandboxHandle;
const TOKEN = "control-token-for-this-test";
beforeAll(async () => {
  sb = await startSandbox({ spaces: ["guard-a", "guard-b"], controlToken: TOKEN });
});
afterAll(() => sb.close());

/** A raw request (fetch would not let the test set Host). */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: sb.port, method, path, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}
const auth = { authorization: `Bearer ${TOKEN}` };

describe("the sandbox control API", () => {
  it("needs its token", async () => {
    expect((await raw("GET", "/_sandbox/spaces")).status).toBe(401);
    expect((await raw("GET", "/_sandbox/spaces", { authorization: "Bearer wrong-token-of-same-size!" })).status).toBe(401);
    expect((await raw("POST", "/_sandbox/reset", { authorization: "Bearer x" })).status).toBe(401);
    expect((await raw("GET", "/_sandbox/spaces", auth)).status).toBe(200);
  });

  it("answers only at a loopback Host (no DNS rebinding, no LAN name)", async () => {
    expect((await raw("GET", "/_sandbox/spaces", { ...auth, host: "evil.example:4010" })).status).toBe(403);
    expect((await raw("GET", "/_sandbox/spaces", { ...auth, host: "192.168.1.20" })).status).toBe(403);
    expect((await raw("GET", "/_sandbox/spaces", { ...auth, host: `localhost:${sb.port}` })).status).toBe(200);
    expect((await raw("GET", "/_sandbox/spaces", { ...auth, host: `[::1]:${sb.port}` })).status).toBe(200);
  });

  it("refuses browser (CORS) requests, preflights included, and never allows an origin", async () => {
    const cross = await raw("GET", "/_sandbox/spaces", { ...auth, origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect(cross.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await raw("OPTIONS", "/_sandbox/faults", { origin: "https://evil.example", "access-control-request-method": "POST" })).status).toBe(403);
  });

  it("the health check answers anyone; a code is shown only for a number of the space asked about", async () => {
    expect((await raw("GET", "/_sandbox/health")).status).toBe(200);
    const created = await fetch(`${sb.url}/_sandbox/spaces`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ custSpaceId: "guard-c", numbers: 1 }),
    }).then((r) => r.json() as Promise<{ custSpaceId: string }>);
    expect(created.custSpaceId).toBe("guard-c");
    const detail = (await (await fetch(`${sb.url}/_sandbox/spaces/guard-c`, { headers: auth })).json()) as { phoneNumbers: { phoneNumber: string }[] };
    const phone = detail.phoneNumbers[0]!.phoneNumber;
    // A code is pending for the number (as after "request verification code").
    const c = sdkClient(sb);
    const req = new $Cams.GetChatappVerifyCodeRequest({ custSpaceId: "guard-c", phoneNumber: phone, method: "sms", locale: "en_US" });
    expect((await paced(() => c.getChatappVerifyCode(req))).body?.code).toBe("OK");
    expect(JSON.parse((await raw("GET", `/_sandbox/codes/${phone}?custSpaceId=guard-c`, auth)).body).code).toMatch(/^\d{6}$/);
    // Asked through another space: nothing.
    expect((await raw("GET", `/_sandbox/codes/${phone}?custSpaceId=guard-a`, auth)).status).toBe(404);
  });
});

describe("linking the sandbox at start", () => {
  it("happens only when asked (CAMS_SANDBOX_LINK=1), never from leftover sandbox variables", async () => {
    const { sandboxToLink } = await import("@/server/boot");
    const vars = { CAMS_SANDBOX_URL: "http://127.0.0.1:4010", CAMS_SANDBOX_ACCESS_KEY_ID: "LTAIx", CAMS_SANDBOX_ACCESS_KEY_SECRET: "s" };
    expect(sandboxToLink({ ...vars, CAMS_SANDBOX_LINK: "0" })).toBeNull();
    expect(sandboxToLink({ ...vars, CAMS_SANDBOX_LINK: "1", CAMS_SANDBOX_URL: undefined })).toBeNull();
    expect(sandboxToLink({ ...vars, CAMS_SANDBOX_LINK: "1" })).toEqual({ url: vars.CAMS_SANDBOX_URL, accessKeyId: "LTAIx", secret: "s" });
  });
});
