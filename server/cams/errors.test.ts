import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCamsClient } from "./client";
import { CamsError, sanitizeMessage, toCamsError } from "./errors";
import { captureLogger, silentLogger, startFixture } from "./test-utils";

const SPACE = "space-err";
let fx: Awaited<ReturnType<typeof startFixture>>;

beforeAll(async () => {
  fx = await startFixture([SPACE]);
});
afterEach(async () => {
  await fx.control.clearFaults();
  await fx.control.resetCalls();
});
afterAll(async () => {
  await fx.close();
});

const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(CamsError);
      return e as CamsError;
    },
  );

describe("every failure path becomes a CamsError", () => {
  const read = () => fx.client({ maxRetries: 0, timeoutMs: 250, connectTimeoutMs: 2_000 }).queryPhoneNumbers();

  it("thrown HTTP 400 (System.LimitControl): code, requestId, status, retryable", async () => {
    await fx.control.fault({ kind: "error", code: "System.LimitControl", httpStatus: 400 });
    const e = await caught(read());
    expect(e).toMatchObject({
      code: "System.LimitControl",
      httpStatus: 400,
      retryable: true,
      operation: "QueryChatappPhoneNumbers",
      requestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
      message: "The system is under flow control",
    });
  });

  it("HTTP 200 with Code != OK resolves in the SDK but throws here", async () => {
    await fx.control.fault({ kind: "error", code: "Product.Unsubscript" });
    const e = await caught(read());
    expect(e).toMatchObject({ code: "Product.Unsubscript", httpStatus: 200, retryable: false, requestId: expect.any(String) });
  });

  it("HTTP 503", async () => {
    await fx.control.fault({ kind: "http", httpStatus: 503 });
    const e = await caught(read());
    expect(e).toMatchObject({ code: "ServiceUnavailable", httpStatus: 503, retryable: true, requestId: expect.any(String) });
  });

  it("a non-JSON body (SyntaxError, no status)", async () => {
    await fx.control.fault({ kind: "malformed", httpStatus: 502 });
    const e = await caught(read());
    expect(e).toMatchObject({ code: "Response.Malformed", retryable: false });
    expect(e.httpStatus).toBeUndefined();
    expect(e.requestId).toBeUndefined();
  });

  it("a timeout", async () => {
    await fx.control.fault({ kind: "latency", latencyMs: 1_000 });
    const started = Date.now();
    const e = await caught(read());
    expect(Date.now() - started).toBeLessThan(900);
    expect(e).toMatchObject({ code: "Network.Timeout", retryable: true });
    expect(e.message).not.toMatch(/http:|\?/);
  });

  it("a timeout on a reused keep-alive socket right after a fast call", async () => {
    // Regression: the SDK leaves the previous request's read timer running; it used to cancel
    // this request's timer, so the call waited for the full latency.
    const cams = fx.client({ maxRetries: 0, timeoutMs: 300, connectTimeoutMs: 2_000 });
    await cams.queryPhoneNumbers();
    await fx.control.fault({ kind: "latency", latencyMs: 1_200 });
    const started = Date.now();
    const e = await caught(cams.queryPhoneNumbers());
    expect(e.code).toBe("Network.Timeout");
    expect(Date.now() - started).toBeLessThan(700);
  });

  it("a dropped connection", async () => {
    await fx.control.fault({ kind: "drop" });
    const e = await caught(read());
    expect(e).toMatchObject({ code: "Network.Dropped", retryable: true });
  });

  it("a refused connection", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const cams = createCamsClient(
      { ...fx.account(), endpoint: `127.0.0.1:${port}` },
      { logger: silentLogger(), space: SPACE, retryBaseMs: 5 },
    );
    const e = await caught(cams.queryPhoneNumbers());
    expect(e).toMatchObject({ code: "Network.Refused", retryable: false });
  });

  it("a wrong secret: SignatureDoesNotMatch without the string to sign or the secret", async () => {
    const secret = "wrong-secret-abcdef123456";
    const capture = captureLogger();
    const cams = createCamsClient(fx.account("acct-bad", secret), { logger: capture.logger, space: SPACE });
    const e = await caught(cams.queryPhoneNumbers());
    expect(e).toMatchObject({ code: "SignatureDoesNotMatch", httpStatus: 400, retryable: false, requestId: expect.any(String) });
    expect(e.message).toBe("Specified signature is not matched with our calculation");
    for (const text of [e.message, JSON.stringify(e), capture.text()]) {
      expect(text).not.toMatch(/string to sign|ACS3-HMAC-SHA256/i);
      expect(text).not.toContain(secret);
    }
  });

  it("a success whose payload has the wrong shape: Response.Invalid", async () => {
    const stub = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ RequestId: "STUB-1", Code: "OK", Message: "OK" })); // no Data
    });
    await new Promise<void>((r) => stub.listen(0, "127.0.0.1", r));
    try {
      const cams = createCamsClient(
        { ...fx.account(), endpoint: `127.0.0.1:${(stub.address() as AddressInfo).port}` },
        { logger: silentLogger(), space: SPACE },
      );
      const e = await caught(cams.getVerificationStatus({ phoneNumber: "8613800001234" }));
      expect(e).toMatchObject({ code: "Response.Invalid", requestId: "STUB-1", retryable: false });
    } finally {
      stub.closeAllConnections();
      await new Promise<void>((r) => stub.close(() => r()));
    }
  });
});

describe("retries", () => {
  it("retries an idempotent read on 503 and then succeeds", async () => {
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "http", httpStatus: 503, count: 2 });
    const capture = captureLogger();
    const res = await fx.client({ logger: capture.logger }).queryPhoneNumbers();
    expect(res.data).toEqual([]);
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(3);
    expect(capture.records().map((r) => r.outcome)).toEqual(["retry", "retry", "ok"]);
  });

  it("gives up after maxRetries + 1 attempts", async () => {
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "drop", count: -1 });
    const e = await caught(fx.client({ maxRetries: 2 }).queryPhoneNumbers());
    expect(e.code).toBe("Network.Dropped");
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(3);
  });

  it("does not retry a non-retryable error of an idempotent read", async () => {
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "error", code: "Ram.PermissionDeny", httpStatus: 400 });
    await caught(fx.client().queryPhoneNumbers());
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(1);
  });

  it.each([
    { name: "503", fault: { kind: "http", httpStatus: 503 } as const, code: "ServiceUnavailable" },
    { name: "dropped connection", fault: { kind: "drop" } as const, code: "Network.Dropped" },
    { name: "timeout", fault: { kind: "latency", latencyMs: 400 } as const, code: "Network.Timeout" },
  ])("sends AddChatappPhoneNumber exactly once on a $name", async ({ fault, code }) => {
    await fx.control.fault({ action: "AddChatappPhoneNumber", count: -1, ...fault });
    const cams = fx.client({ maxRetries: 3, timeoutMs: 150, connectTimeoutMs: 2_000 });
    const e = await caught(cams.addPhoneNumber({ cc: "65", phoneNumber: "81230000", verifiedName: "Once Only" }));
    expect(e).toMatchObject({ code, retryable: true });
    await new Promise((r) => setTimeout(r, 50));
    expect((await fx.control.calls()).byAction.AddChatappPhoneNumber).toBe(1);
  });

  it("sends AddChatappPhoneNumber again at its next slot on System.LimitControl (CAMS did not run it), up to maxRetries", async () => {
    await fx.control.fault({ action: "AddChatappPhoneNumber", count: -1, kind: "error", code: "System.LimitControl", httpStatus: 400 });
    const cams = fx.client({ maxRetries: 2 });
    const e = await caught(cams.addPhoneNumber({ cc: "65", phoneNumber: "81230001", verifiedName: "Throttled" }));
    expect(e).toMatchObject({ code: "System.LimitControl", retryable: true });
    expect((await fx.control.calls()).byAction.AddChatappPhoneNumber).toBe(3);
  });

  it("without a limiter, a burst past the sandbox's own budget waits out the refused second: every call answers", async () => {
    const before = (await fx.control.calls()).byAction.QueryChatappPhoneNumbers ?? 0;
    const cams = fx.client({ shareReads: false, maxRetries: 3 });
    // QueryChatappPhoneNumbers: 10 per second per AccessKey in the sandbox, as in CAMS.
    const answers = await Promise.all(Array.from({ length: 14 }, () => cams.queryPhoneNumbers()));
    expect(answers).toHaveLength(14);
    // More than 14 reached the sandbox: some were refused (System.LimitControl) and sent again.
    expect(((await fx.control.calls()).byAction.QueryChatappPhoneNumbers ?? 0) - before).toBeGreaterThan(14);
  });

  it("a throttled add succeeds at the next slot once CAMS lets it through", async () => {
    await fx.control.fault({ action: "AddChatappPhoneNumber", count: 1, kind: "error", code: "System.LimitControl", httpStatus: 400 });
    const cams = fx.client({ maxRetries: 2 });
    await cams.addPhoneNumber({ cc: "65", phoneNumber: "81230002", verifiedName: "Throttled Once" });
    expect((await fx.control.calls()).byAction.AddChatappPhoneNumber).toBe(2);
  });

  it("a timed-out add may still have happened: that is why it is never repeated", async () => {
    await fx.control.fault({ action: "AddChatappPhoneNumber", kind: "latency", latencyMs: 300 });
    const cams = fx.client({ timeoutMs: 100, connectTimeoutMs: 2_000 });
    await caught(cams.addPhoneNumber({ cc: "65", phoneNumber: "81239999", verifiedName: "Slow Add" }));
    await new Promise((r) => setTimeout(r, 400));
    const { data } = await cams.queryPhoneNumbers();
    expect(data.map((n) => n.phoneNumber)).toContain("6581239999");
  });
});

describe("toCamsError and sanitizeMessage", () => {
  it("cuts the string to sign, signatures, URLs and the secret", () => {
    const msg =
      "Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256\nabc s3cr3t-value";
    expect(sanitizeMessage(msg, ["s3cr3t-value"])).toBe("Specified signature is not matched with our calculation");
    expect(sanitizeMessage("bad Signature=abcd1234 for s3cr3t-value", ["s3cr3t-value"])).toBe(
      "bad Signature=[redacted] for [redacted]",
    );
    expect(sanitizeMessage("POST http://127.0.0.1:1234/?PhoneNumber=8613800001234 failed.")).toBe(
      "POST http://127.0.0.1:1234 failed",
    );
  });

  it("maps a tea ResponseError with a gateway body", () => {
    const teaError = Object.assign(new Error("InvalidAccessKeyId.NotFound: code: 404, Specified access key is not found. request id: R1"), {
      code: "InvalidAccessKeyId.NotFound",
      statusCode: 404,
      data: { RequestId: "R1", Code: "InvalidAccessKeyId.NotFound", Message: "Specified access key is not found.", statusCode: 404 },
    });
    expect(toCamsError(teaError, "QueryChatappPhoneNumbers")).toMatchObject({
      code: "InvalidAccessKeyId.NotFound",
      httpStatus: 404,
      requestId: "R1",
      retryable: false,
      message: "Specified access key is not found",
    });
  });

  it("maps httpx timeouts, resets and unknown errors without leaking the URL", () => {
    const timeout = Object.assign(new Error("ReadTimeout(100). . POST http://h/?PhoneNumber=8613800001234 failed."), {
      name: "RequestTimeoutError",
    });
    expect(toCamsError(timeout, "ListPhoneMessageQrdl")).toMatchObject({ code: "Network.Timeout", retryable: true });
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(toCamsError(reset, "ListPhoneMessageQrdl")).toMatchObject({ code: "Network.Dropped", retryable: true });
    const other = toCamsError(new TypeError("boom at http://h/?PhoneNumber=8613800001234"), null);
    expect(other).toMatchObject({ code: "UnknownError", retryable: false, operation: null });
    expect(other.message).not.toContain("8613800001234");
  });
});
