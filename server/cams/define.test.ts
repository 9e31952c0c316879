import CamsSdkModule from "@alicloud/cams20200606";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { OPERATIONS } from "@/lib/cams/operations";
import { createCaller, type CamsClientDeps } from "./call";
import { camsOperations } from "./client";
import { bindOperations, rpcQuery } from "./define";
import { silentLogger, startFixture } from "./test-utils";

const SPACE = "space-rpc";
const Sdk = (CamsSdkModule as unknown as { default?: typeof CamsSdkModule }).default ?? CamsSdkModule;
let fx: Awaited<ReturnType<typeof startFixture>>;

beforeAll(async () => {
  fx = await startFixture(["space-rpc-empty"]);
  await fx.control.addSpace(SPACE, 2);
});
afterAll(async () => {
  await fx.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Existing operations declared `via: "rpc"`: sent with callApi's generic RPC params instead of the SDK's typed method. */
const viaRpc = { ...camsOperations.queryPhoneNumbers, via: "rpc" as const };
const rpcClient = (deps: CamsClientDeps = {}, secret?: string) =>
  bindOperations(createCaller(fx.account("acct-rpc", secret), { logger: silentLogger(), space: SPACE, shareReads: false, ...deps }), {
    queryPhoneNumbers: viaRpc,
    updatePhoneWebhook: { ...camsOperations.updatePhoneWebhook, via: "rpc" as const },
  });

describe("operations through callApi (for those SDK 1.4.2 lacks)", () => {
  it("an existing operation sent through callApi is signature-checked by the sandbox and answers exactly as through the SDK", async () => {
    await fx.control.resetCalls();
    const typed = vi.spyOn(Sdk.prototype, "queryChatappPhoneNumbersWithOptions");
    const generic = vi.spyOn(Sdk.prototype, "callApi");
    const sdk = await fx.client({ space: SPACE }, "acct-rpc").queryPhoneNumbers();
    expect(typed).toHaveBeenCalledTimes(1);
    const rpc = await rpcClient().queryPhoneNumbers();
    // The second went straight to callApi with generic RPC params, not through the typed method.
    expect(typed).toHaveBeenCalledTimes(1);
    expect(generic).toHaveBeenCalledTimes(2);
    expect(generic.mock.calls[1]![0]).toMatchObject({ action: "QueryChatappPhoneNumbers", version: "2020-06-06", style: "RPC", authType: "AK" });
    expect(generic.mock.calls[1]![1]).toMatchObject({ query: { CustSpaceId: SPACE } });
    expect(sdk.data).toHaveLength(2);
    expect(rpc.data).toEqual(sdk.data);
    expect(rpc.requestId).toMatch(/^[0-9A-F-]{36}$/);
    // Counted only when the signature checked out.
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(2);

    // Its parameters arrive: a change sent through callApi is what the SDK reads back.
    const phone = sdk.data[0]!.phoneNumber!;
    const url = "https://example.com/hook?a=1&b=two words 你好";
    await rpcClient().updatePhoneWebhook({ phoneNumber: phone, statusCallbackUrl: url, httpFlag: "Y", queueFlag: "N" });
    const after = await fx.client({ space: SPACE }, "acct-rpc").queryPhoneNumbers();
    expect(after.data.find((n) => n.phoneNumber === phone)?.statusCallbackUrl).toBe(url);
  });

  it("is signed with the account's secret: a wrong one is refused by the sandbox's signature check", async () => {
    await fx.control.resetCalls();
    const err = await rpcClient({ maxRetries: 0 }, "not-the-secret").queryPhoneNumbers().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "SignatureDoesNotMatch", operation: "QueryChatappPhoneNumbers", requestId: expect.any(String) });
    expect((await fx.control.calls()).total).toBe(0);
  });

  it("a CAMS refusal through callApi becomes the same CamsError, with code and request id", async () => {
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "error", code: "Ram.PermissionDeny", count: 1 });
    const err = await rpcClient({ maxRetries: 0 }).queryPhoneNumbers().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "CamsError", code: "Ram.PermissionDeny", requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) });
  });
});

describe("every definition", () => {
  it("has an SDK method where it uses one, and every input field is a documented parameter (so callApi would send it)", () => {
    for (const def of Object.values(camsOperations)) {
      const method = `${def.name[0]!.toLowerCase()}${def.name.slice(1)}WithOptions`;
      if (def.via !== "rpc") expect(typeof (Sdk.prototype as unknown as Record<string, unknown>)[method], method).toBe("function");
      const fields = Object.keys((def.input as unknown as z.ZodObject).shape);
      const payload = Object.fromEntries(fields.map((f) => [f, f === "start" || f === "end" ? 1 : "x"]));
      expect(Object.keys(rpcQuery(def.name, payload)).sort(), def.name).toEqual(
        fields.map((f) => f[0]!.toUpperCase() + f.slice(1)).sort(),
      );
      for (const f of Object.keys(rpcQuery(def.name, payload))) expect(OPERATIONS[def.name].params).toContain(f);
    }
  });

  it("rpcQuery leaves unset parameters out and sends numbers and structures as text", () => {
    expect(rpcQuery("GetChatappPhoneNumberMetric", { start: 5, end: 9, phoneNumber: undefined, granularity: null })).toEqual({
      Start: "5",
      End: "9",
    });
    expect(rpcQuery("QueryChatappPhoneNumbers", { custSpaceId: "s", status: ["A", "B"] })).toEqual({ CustSpaceId: "s", Status: '["A","B"]' });
  });
});
