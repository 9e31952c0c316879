import * as $Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type SandboxHandle } from "./server";
import { capture, control, replay, sdkClient, sdkError, type CamsClientType } from "./testing";

const SPACE = "cams-wire";
const PHONE = "15550001234";

let h: SandboxHandle;
let c: CamsClientType;

/** A sandbox with one space holding one verified number. */
beforeAll(async () => {
  h = await startSandbox({ spaces: [SPACE] });
  c = sdkClient(h);
});
afterAll(() => h.close());
beforeEach(async () => {
  await control(h, "POST", "reset");
  await control(h, "POST", "spaces", { custSpaceId: "bulk-one", numbers: 1 });
});

const query = (client = c, custSpaceId = SPACE) =>
  client.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId }));
const webhook = (client: CamsClientType, upCallbackUrl: string) =>
  client.updatePhoneWebhook(new $Cams.UpdatePhoneWebhookRequest({ custSpaceId: SPACE, phoneNumber: PHONE, httpFlag: "Y", upCallbackUrl }));
const addRequest = () =>
  new $Cams.AddChatappPhoneNumberRequest({ custSpaceId: SPACE, cc: "1", phoneNumber: PHONE.slice(1), verifiedName: "Wire Test" });

describe("signatures", () => {
  it("accepts V3 from the SDK, including a form body and special characters", async () => {
    expect((await query()).body?.code).toBe("OK");
    expect((await c.addChatappPhoneNumber(addRequest())).body?.code).toBe("OK");
    const r = await webhook(c, "https://ex.com/p?x=(a)*!'~+ü&y=two words");
    expect(r.body?.code).toBe("OK");
  });

  it("accepts legacy V1 (signatureAlgorithm v2) for query and body parameters", async () => {
    const v1 = sdkClient(h, { signatureAlgorithm: "v2" });
    expect((await query(v1)).body?.code).toBe("OK");
    expect((await v1.addChatappPhoneNumber(addRequest())).body?.code).toBe("OK");
    expect((await webhook(v1, "https://ex.com/p?x=(a)*!'~+ü")).body?.code).toBe("OK");
    const rows = (await query(v1)).body?.phoneNumbers;
    expect(rows?.[0]).toMatchObject({ phoneNumber: PHONE, upCallbackUrl: "https://ex.com/p?x=(a)*!'~+ü", status: "UNVERIFIED" });
  });

  it("refuses a tampered signature, body or query with SignatureDoesNotMatch", async () => {
    const cap = await capture(h.credentials[0], (cl) => cl.addChatappPhoneNumber(addRequest()));
    expect(cap.headers["transfer-encoding"]).toBe("chunked");
    const auth = String(cap.headers.authorization);
    const flipped = auth.slice(0, -1) + (auth.endsWith("0") ? "1" : "0");
    const r1 = await replay(h, { ...cap, headers: { ...cap.headers, authorization: flipped } });
    expect(r1.status).toBe(400);
    expect(r1.json).toMatchObject({ Code: "SignatureDoesNotMatch", HostId: cap.headers.host });
    expect(r1.json.Recommend).toContain("SignatureDoesNotMatch");
    const r2 = await replay(h, { ...cap, body: Buffer.from(cap.body.toString().replace("Wire", "Evil")) });
    expect(r2).toMatchObject({ status: 400, json: { Code: "SignatureDoesNotMatch" } });

    const capQ = await capture(h.credentials[0], (cl) => query(cl));
    const r3 = await replay(h, { ...capQ, url: capQ.url.replace(SPACE, "cams-other") });
    expect(r3).toMatchObject({ status: 400, json: { Code: "SignatureDoesNotMatch" } });
  });

  it("refuses a reused nonce with SignatureNonceUsed", async () => {
    const cap = await capture(h.credentials[0], (cl) => cl.addChatappPhoneNumber(addRequest()));
    const first = await replay(h, cap);
    expect(first).toMatchObject({ status: 200, json: { Code: "OK" } });
    const second = await replay(h, cap);
    expect(second).toMatchObject({ status: 400, json: { Code: "SignatureNonceUsed" } });
  });

  it("refuses a wrong secret, an unknown key and a missing signature", async () => {
    const wrong = sdkClient(h, {}, { accessKeyId: h.credentials[0].accessKeyId, accessKeySecret: "not-the-secret" });
    expect(await sdkError(query(wrong))).toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400 });
    const wrongV1 = sdkClient(h, { signatureAlgorithm: "v2" }, { accessKeyId: h.credentials[0].accessKeyId, accessKeySecret: "nope" });
    expect(await sdkError(query(wrongV1))).toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400 });
    const unknown = sdkClient(h, {}, { accessKeyId: "LTAI5tUnknown", accessKeySecret: "x" });
    expect(await sdkError(query(unknown))).toMatchObject({ code: "InvalidAccessKeyId.NotFound", statusCode: 404 });
    const raw = await fetch(`${h.url}/?CustSpaceId=${SPACE}`, { method: "POST", headers: { "x-acs-action": "QueryChatappPhoneNumbers" } });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ Code: "IncompleteSignature" });
  });

  it("refuses a timestamp more than 15 minutes off with InvalidTimeStamp.Expired", async () => {
    const skewed = await startSandbox({ spaces: ["s"], credentials: h.credentials, now: () => Date.now() + 16 * 60_000 });
    try {
      const e = await sdkError(query(sdkClient(skewed), "s"));
      expect(e).toMatchObject({ code: "InvalidTimeStamp.Expired", statusCode: 400 });
      const e1 = await sdkError(query(sdkClient(skewed, { signatureAlgorithm: "v2" }), "s"));
      expect(e1.code).toBe("InvalidTimeStamp.Expired");
    } finally {
      await skewed.close();
    }
  });

  it("answers an unknown action with InvalidApi.NotFound and a missing parameter with Missing{Param}", async () => {
    const params = new $OpenApi.Params({
      action: "DescribeNothing", version: "2020-06-06", protocol: "HTTP", pathname: "/", method: "POST",
      authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
    });
    const e = await sdkError(c.callApi(params, new $OpenApi.OpenApiRequest({ query: {} }), new $Util.RuntimeOptions({})));
    expect(e).toMatchObject({ code: "InvalidApi.NotFound", statusCode: 404 });
    const m = await sdkError(c.addChatappPhoneNumber(new $Cams.AddChatappPhoneNumberRequest({ custSpaceId: SPACE, cc: "1", verifiedName: "x" })));
    expect(m).toMatchObject({ code: "MissingPhoneNumber", statusCode: 400 });
    expect(m.data).toMatchObject({ Message: "PhoneNumber is mandatory for this action." });
  });
});

describe("throttling", () => {
  it("refuses calls beyond the operation's QPS with System.LimitControl and counts them", async () => {
    const bulk = await control<{ phoneNumbers: { phoneNumber: string }[] }>(h, "GET", "spaces/bulk-one");
    const phoneNumber = bulk.json.phoneNumbers[0].phoneNumber;
    await control(h, "DELETE", "calls");
    const calls = Array.from({ length: 10 }, () =>
      c.getPhoneEncryptionPublicKey(new $Cams.GetPhoneEncryptionPublicKeyRequest({ phoneNumber })).then(
        () => "answered",
        (e: { code?: string; statusCode?: number }) => (e.code === "System.LimitControl" && e.statusCode === 400 ? "throttled" : `other:${e.code}`),
      ),
    );
    const outcomes = await Promise.all(calls);
    const throttled = outcomes.filter((o) => o === "throttled").length;
    expect(throttled).toBeGreaterThanOrEqual(5);
    expect(outcomes.filter((o) => o === "answered").length).toBeGreaterThanOrEqual(1);
    expect(outcomes.filter((o) => o.startsWith("other")).length).toBe(0);
    const counters = await control<{ byAction: Record<string, number>; limitControl: number; total: number }>(h, "GET", "calls");
    expect(counters.json).toEqual({ byAction: { GetPhoneEncryptionPublicKey: 10 }, limitControl: throttled, limitControlByAction: { GetPhoneEncryptionPublicKey: throttled }, total: 10 });
  });
});

describe("fault injection", () => {
  const fault = (body: object) => control(h, "POST", "faults", body);

  it("error: HTTP 200 with the given Code, once", async () => {
    await fault({ action: "QueryChatappPhoneNumbers", kind: "error", code: "Ram.PermissionDeny" });
    const r = await query();
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatchObject({ code: "Ram.PermissionDeny", message: "You are not authorized to perform the operation." });
    expect((await query()).body?.code).toBe("OK");
  });

  it("http: the status with a gateway JSON body; custSpaceId filters; count -1 lasts until cleared", async () => {
    await fault({ kind: "http", httpStatus: 503, custSpaceId: SPACE, count: -1 });
    for (let i = 0; i < 2; i++) expect(await sdkError(query())).toMatchObject({ code: "ServiceUnavailable", statusCode: 503 });
    expect((await query(c, "bulk-one")).body?.code).toBe("OK");
    await control(h, "DELETE", "faults");
    expect((await query()).body?.code).toBe("OK");
    await fault({ kind: "http", httpStatus: 500 });
    const e = await sdkError(query());
    expect(e).toMatchObject({ code: "InternalError", statusCode: 500 });
    expect(e.data).toHaveProperty("HostId");
  });

  it("latency: delays, then answers normally", async () => {
    await fault({ kind: "latency", latencyMs: 300, action: "QueryChatappPhoneNumbers" });
    const t0 = Date.now();
    expect((await query()).body?.code).toBe("OK");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it("malformed: a body that is not JSON", async () => {
    await fault({ kind: "malformed" });
    const err = await query().then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(SyntaxError);
  });

  it("drop: the socket closes without an answer; calls are still counted", async () => {
    await control(h, "DELETE", "calls");
    await fault({ kind: "drop", action: "QueryChatappPhoneNumbers" });
    const err = await query().then(() => undefined, (e: Error & { code?: string }) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err?.code ?? err?.message)).toMatch(/ECONNRESET|socket hang up|closed/i);
    expect((await query()).body?.code).toBe("OK");
    expect((await control<{ total: number }>(h, "GET", "calls")).json.total).toBe(2);
  });

  it("per space: ?custSpaceId= counts one space's calls and clears only its faults (specs side by side)", async () => {
    await control(h, "DELETE", "calls");
    await fault({ kind: "http", httpStatus: 503, custSpaceId: SPACE, count: -1 });
    await fault({ kind: "http", httpStatus: 503, custSpaceId: "bulk-one", count: -1 });
    await control(h, "DELETE", `faults?custSpaceId=${SPACE}`);
    expect((await query()).body?.code).toBe("OK");
    expect(await sdkError(query(c, "bulk-one"))).toMatchObject({ statusCode: 503 });
    await control(h, "DELETE", "faults?custSpaceId=bulk-one");
    expect((await query(c, "bulk-one")).body?.code).toBe("OK");
    type Counters = { byAction: Record<string, number>; limitControl: number; total: number };
    expect((await control<Counters>(h, "GET", `calls?custSpaceId=${SPACE}`)).json).toEqual({ byAction: { QueryChatappPhoneNumbers: 1 }, limitControl: 0, limitControlByAction: {}, total: 1 });
    expect((await control<Counters>(h, "GET", "calls?custSpaceId=bulk-one")).json).toEqual({ byAction: { QueryChatappPhoneNumbers: 2 }, limitControl: 0, limitControlByAction: {}, total: 2 });
    expect((await control<Counters>(h, "GET", "calls?custSpaceId=nobody")).json).toEqual({ byAction: {}, limitControl: 0, limitControlByAction: {}, total: 0 });
    expect((await control<Counters>(h, "GET", "calls")).json.total).toBe(3);
  });

  it("refuses an invalid fault", async () => {
    expect((await fault({ kind: "explode" })).status).toBe(400);
    expect((await fault({ kind: "error", action: "NoSuchOp" })).status).toBe(400);
  });
});

describe("control API", () => {
  it("creates a space with 1000 numbers quickly and resets to the initial state", async () => {
    const t0 = Date.now();
    const r = await control(h, "POST", "spaces", { custSpaceId: "big", name: "Big", numbers: 1000 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r).toMatchObject({ status: 201, json: { custSpaceId: "big", name: "Big", numbers: 1000 } });
    expect((await control(h, "POST", "spaces", { custSpaceId: "big" })).status).toBe(409);
    const rows = (await query(c, "big")).body?.phoneNumbers ?? [];
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((n) => n.phoneNumber)).size).toBe(1000);
    expect(rows.every((n) => n.codeVerificationStatus === "VERIFIED" && /^\d{11}$/.test(n.phoneNumber!))).toBe(true);
    await control(h, "POST", "reset");
    expect((await control(h, "GET", "spaces")).json).toEqual([{ custSpaceId: SPACE, name: SPACE, numbers: 0 }]);
    expect((await control(h, "GET", "health")).json).toEqual({ ok: true });
    expect((await control(h, "GET", "codes/15550009999")).status).toBe(404);
  });

  it("seeds the demo data deterministically", async () => {
    const a = await startSandbox();
    const b = await startSandbox();
    try {
      const spaces = (await control<{ custSpaceId: string; numbers: number }[]>(a, "GET", "spaces")).json;
      expect(spaces.map((s) => s.custSpaceId)).toEqual(["cams-demo-retail", "cams-demo-travel", "293483938849493"]);
      expect(spaces.reduce((n, s) => n + s.numbers, 0)).toBe(30);
      for (const s of spaces) {
        const da = (await control<{ phoneNumbers: unknown[] }>(a, "GET", `spaces/${s.custSpaceId}`)).json;
        const db = (await control<{ phoneNumbers: unknown[] }>(b, "GET", `spaces/${s.custSpaceId}`)).json;
        expect(da.phoneNumbers).toEqual(db.phoneNumbers);
      }
      const rows = (await sdkClient(a).queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({}))).body?.phoneNumbers ?? [];
      const values = (k: "status" | "messagingLimitTier" | "nameStatus") => new Set(rows.map((r) => r[k]));
      expect(values("status")).toContain("UNVERIFIED");
      for (const v of ["TIER_1K", "TIER_10"]) expect(values("messagingLimitTier")).toContain(v);
      for (const v of ["APPROVED", "Approval"]) expect(values("nameStatus")).toContain(v);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("CLI", () => {
  it("starts with env credentials and spaces, prints the URL, and stops on SIGTERM", async () => {
    const root = path.resolve(__dirname, "../..");
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "server/sandbox/cli.ts", "--port", "0"], {
      cwd: root,
      env: { ...process.env, CAMS_SANDBOX_ACCESS_KEY_ID: "cliAK", CAMS_SANDBOX_ACCESS_KEY_SECRET: "cliSecret", CAMS_SANDBOX_SPACES: "x,y" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 15_000);
      child.stdout.on("data", () => {
        const m = /CAMS sandbox listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*AccessKeySecret: /.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    expect(out).toContain("cliAK");
    expect(out).toContain("cliSecret");
    const endpoint = url.replace("http://", "");
    const cli = sdkClient({ endpoint, credentials: [{ accessKeyId: "cliAK", accessKeySecret: "cliSecret" }] });
    expect((await cli.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: "y" }))).body?.code).toBe("OK");
    const exit = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});
