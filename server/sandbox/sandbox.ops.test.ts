import * as $Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deepLinkFor, OPERATION_NAMES } from "@/lib/cams/operations";
import { startSandbox, type SandboxHandle } from "./server";
import { control, paced, sdkClient, sdkError, type CamsClientType } from "./testing";

const pem = (type: "rsa" | "ec", opts: object) =>
  String(generateKeyPairSync(type as "rsa", opts as { modulusLength: number }).publicKey.export({ type: "spki", format: "pem" }));

/** GetWhatsappHealthStatus is not in SDK 1.4.2: the same client's generic call. */
async function healthCall(client: CamsClientType, query: Record<string, string>) {
  const params = new $OpenApi.Params({ action: "GetWhatsappHealthStatus", version: "2020-06-06", protocol: "HTTP", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
  const res = await client.callApi(params, new $OpenApi.OpenApiRequest({ query }), new $Util.RuntimeOptions({}));
  return res.body as { Code: string; Data: { CanSendMessage: string; Entities: unknown[] } };
}

let h: SandboxHandle;
let c: CamsClientType;
const RETAIL = "cams-demo-retail";
const TRAVEL = "cams-demo-travel";

beforeAll(async () => {
  h = await startSandbox();
  c = sdkClient(h);
});
afterAll(() => h.close());

interface SpaceDetail {
  phoneNumbers: { phoneNumber: string; status: string; codeVerificationStatus: string; key: { status: string } | null; qrCodes: unknown[] }[];
  accountWebhook: { statusCallbackUrl: string; httpFlag: string; queueFlag: string } | null;
}
const detail = async (id: string) => (await control<SpaceDetail>(h, "GET", `spaces/${id}`)).json;
const verifiedNumber = async (space: string, withKey?: "VALID" | "MISMATCH") =>
  (await detail(space)).phoneNumbers.find(
    (n) => n.codeVerificationStatus === "VERIFIED" && (withKey ? n.key?.status === withKey : true),
  )!.phoneNumber;

async function addAndVerify(cc: string, national: string, space = RETAIL): Promise<string> {
  const phone = cc + national;
  const add = await paced(() => c.addChatappPhoneNumber(new $Cams.AddChatappPhoneNumberRequest({ custSpaceId: space, cc, phoneNumber: national, verifiedName: "Acme Test" })));
  expect(add.body?.code).toBe("OK");
  const req = new $Cams.GetChatappVerifyCodeRequest({ custSpaceId: space, phoneNumber: phone, method: "sms", locale: "en_US" });
  expect((await paced(() => c.getChatappVerifyCode(req))).body?.code).toBe("OK");
  const code = (await control<{ code: string }>(h, "GET", `codes/${phone}`)).json.code;
  const v = await paced(() => c.chatappVerifyAndRegister(new $Cams.ChatappVerifyAndRegisterRequest({ custSpaceId: space, phoneNumber: phone, verifyCode: code })));
  expect(v.body?.code).toBe("OK");
  return phone;
}

describe("every operation through the official SDK", () => {
  it("answers each of the 17 operations with Code OK and the documented shape", async () => {
    await control(h, "DELETE", "calls");
    const q = await c.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: RETAIL }));
    expect(q.statusCode).toBe(200);
    expect(q.body?.code).toBe("OK");
    expect(q.body?.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(q.body?.accessDeniedDetail).toBe("");
    expect(q.body?.phoneNumbers).toHaveLength(12);
    const connected = await c.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: RETAIL, status: "CONNECTED" }));
    expect(connected.body?.phoneNumbers?.length).toBeGreaterThan(2);
    expect(connected.body?.phoneNumbers?.every((n) => n.status === "CONNECTED")).toBe(true);

    const phone = await addAndVerify("44", "7700123456");
    const vs = await c.getPhoneNumberVerificationStatus(new $Cams.GetPhoneNumberVerificationStatusRequest({ custSpaceId: RETAIL, phoneNumber: phone }));
    expect(vs.body?.data).toMatchObject({ phoneNumber: phone, codeVerificationStatus: "VERIFIED" });
    expect(vs.body?.data?.id).toMatch(/^\d{15}$/);

    const dereg = await c.chatappPhoneNumberDeregister(new $Cams.ChatappPhoneNumberDeregisterRequest({ custSpaceId: RETAIL, phoneNumber: phone }));
    expect(dereg.body?.code).toBe("OK");
    expect((await detail(RETAIL)).phoneNumbers.find((n) => n.phoneNumber === phone)?.status).toBe("DISCONNECTED");
    const reg = await c.chatappPhoneNumberRegister(new $Cams.ChatappPhoneNumberRegisterRequest({ custSpaceId: RETAIL, phoneNumber: phone }));
    expect(reg.body?.code).toBe("OK");
    expect((await detail(RETAIL)).phoneNumbers.find((n) => n.phoneNumber === phone)?.status).toBe("CONNECTED");

    const seededKey = await verifiedNumber(RETAIL, "MISMATCH");
    const gk = await c.getPhoneEncryptionPublicKey(new $Cams.GetPhoneEncryptionPublicKeyRequest({ phoneNumber: seededKey }));
    expect(gk.body?.data?.encryptionPublicKeyStatus).toBe("MISMATCH");
    expect(createPublicKey(gk.body!.data!.encryptionPublicKey!).asymmetricKeyDetails?.modulusLength).toBe(2048);
    const key = pem("rsa", { modulusLength: 2048 }).trim();
    const uk = await c.updatePhoneEncryptionPublicKey(new $Cams.UpdatePhoneEncryptionPublicKeyRequest({ custSpaceId: RETAIL, phoneNumber: phone, encryptionPublicKey: key }));
    expect(uk.body?.code).toBe("OK");
    const gk2 = await c.getPhoneEncryptionPublicKey(new $Cams.GetPhoneEncryptionPublicKeyRequest({ custSpaceId: RETAIL, phoneNumber: phone }));
    expect(gk2.body?.data).toMatchObject({ phoneNumber: phone, encryptionPublicKey: key, encryptionPublicKeyStatus: "VALID" });

    const cq = await c.createPhoneMessageQrdl(new $Cams.CreatePhoneMessageQrdlRequest({ custSpaceId: RETAIL, phoneNumber: phone, generateQrImage: "PNG", prefilledMessage: "Hi (*) it's me! ~ 你好 😀 a+b" }));
    const code = cq.body!.data!.qrdlCode!;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(cq.body?.data).toMatchObject({ phoneNumber: phone, generateQrImage: "PNG", prefilledMessage: "Hi (*) it's me! ~ 你好 😀 a+b", deepLinkUrl: deepLinkFor(code) });
    const lq = await c.listPhoneMessageQrdl(new $Cams.ListPhoneMessageQrdlRequest({ custSpaceId: RETAIL, phoneNumber: phone }));
    expect(lq.body?.data?.map((d) => d.qrdlCode)).toEqual([code]);
    const uq = await c.updatePhoneMessageQrdl(new $Cams.UpdatePhoneMessageQrdlRequest({ custSpaceId: RETAIL, phoneNumber: phone, qrdlCode: code, generateQrImage: "SVG", prefilledMessage: "Bye" }));
    // As documented, the update answers with a new code; the old one no longer exists.
    const updated = uq.body!.data!.qrdlCode!;
    expect(updated).toMatch(/^[A-Z0-9]{8}$/);
    expect(updated).not.toBe(code);
    expect(uq.body?.data).toMatchObject({ generateQrImage: "SVG", prefilledMessage: "Bye", deepLinkUrl: deepLinkFor(updated) });
    expect(uq.body?.data?.qrImageUrl).toBe(`${h.url}/_sandbox/qr/${updated}.svg`);
    const dq = await c.deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ custSpaceId: RETAIL, phoneNumber: phone, qrdlCode: updated }));
    expect(dq.body?.code).toBe("OK");

    const wh = await c.updatePhoneWebhook(new $Cams.UpdatePhoneWebhookRequest({ custSpaceId: RETAIL, phoneNumber: phone, httpFlag: "Y", queueFlag: "Y", statusCallbackUrl: "https://example.com/cb/status?a=1&b=two words", upCallbackUrl: "https://ex.com/p?x=(a)*!'~+ü" }));
    expect(wh.body?.code).toBe("OK");
    const row = (await c.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: RETAIL }))).body?.phoneNumbers?.find((n) => n.phoneNumber === phone);
    expect(row).toMatchObject({ statusCallbackUrl: "https://example.com/cb/status?a=1&b=two words", upCallbackUrl: "https://ex.com/p?x=(a)*!'~+ü" });
    expect(row?.statusQueue).toMatch(/ChatAppStatus$/);

    const aw = await c.updateAccountWebhook(new $Cams.UpdateAccountWebhookRequest({ custSpaceId: RETAIL, httpFlag: "Y", queueFlag: "N", statusCallbackUrl: "https://example.com/account" }));
    expect(aw.body?.code).toBe("OK");
    expect((await detail(RETAIL)).accountWebhook).toEqual({ statusCallbackUrl: "https://example.com/account", httpFlag: "Y", queueFlag: "N" });

    const bp = await c.queryPhoneBusinessProfile(new $Cams.QueryPhoneBusinessProfileRequest({ custSpaceId: RETAIL, phoneNumber: seededKey }));
    expect(bp.body?.data?.vertical).toBe("RETAIL");
    expect(Array.isArray(bp.body?.data?.websites)).toBe(true);

    const day = 86_400_000;
    const start = Math.floor(Date.now() / day) * day - 6 * day;
    const mreq = new $Cams.GetChatappPhoneNumberMetricRequest({ custSpaceId: RETAIL, phoneNumber: seededKey, start, end: start + 7 * day, granularity: "DAILY" });
    const m1 = await c.getChatappPhoneNumberMetric(mreq);
    expect(m1.body?.data).toHaveLength(7);
    expect(m1.body?.data?.[0]).toMatchObject({ phoneNumber: seededKey, granularity: "DAILY", start, end: start + day });
    expect(m1.body?.data?.every((d) => d.deliveredCount! <= d.sentCount! && d.sentCount! > 0)).toBe(true);
    expect((await c.getChatappPhoneNumberMetric(mreq)).body?.data).toEqual(m1.body?.data);
    const half = await c.getChatappPhoneNumberMetric(new $Cams.GetChatappPhoneNumberMetricRequest({ custSpaceId: RETAIL, start, end: start + day, granularity: "HALF_HOUR" }));
    expect(half.body?.data).toHaveLength(48 * 13);

    // Profile, picture upload authorization and health (server/sandbox/operations-profile.ts).
    const mp = await c.modifyPhoneBusinessProfile(new $Cams.ModifyPhoneBusinessProfileRequest({ custSpaceId: RETAIL, phoneNumber: seededKey, websites: ["https://a.example"] }));
    expect(mp.body?.code).toBe("OK");
    const ua = await c.getChatappUploadAuthorization(new $Cams.GetChatappUploadAuthorizationRequest({ custSpaceId: RETAIL }));
    expect(ua.body?.data).toMatchObject({ accessKeyId: expect.stringMatching(/^STS\./), bucketName: expect.any(String), dir: expect.stringContaining(RETAIL), expire: expect.any(Number) });
    const health = await healthCall(c, { NodeType: "phone", PhoneNumber: seededKey, CustSpaceId: RETAIL });
    expect(health.Data).toMatchObject({ CanSendMessage: expect.stringMatching(/^(AVAILABLE|LIMITED|BLOCKED)$/), Entities: expect.any(Array) });

    const calls = (await control<{ byAction: Record<string, number> }>(h, "GET", "calls")).json;
    // Every operation the SDK has; those it lacks go through callApi (server/cams/automation.test.ts).
    const sdkLacks = new Set(["GetConversationalAutomation", "UpdateConversationalAutomation", "ListChatappMessage"]);
    expect(Object.keys(calls.byAction).sort()).toEqual(OPERATION_NAMES.filter((n) => !sdkLacks.has(n)).sort());
  });
});

describe("verification flow", () => {
  it("adds a number unverified, refuses a wrong code, verifies with the right one", async () => {
    const phone = "6591234567";
    const add = await c.addChatappPhoneNumber(new $Cams.AddChatappPhoneNumberRequest({ custSpaceId: TRAVEL, cc: "65", phoneNumber: "91234567", verifiedName: "Skyward Test" }));
    expect(add.body?.code).toBe("OK");
    const dup = await c.addChatappPhoneNumber(new $Cams.AddChatappPhoneNumberRequest({ custSpaceId: TRAVEL, cc: "65", phoneNumber: "91234567", verifiedName: "Skyward Test" }));
    expect(dup.statusCode).toBe(200);
    expect(dup.body?.code).toBe("InvalidParameter.PhoneNumberExists");
    const bad = await c.addChatappPhoneNumber(new $Cams.AddChatappPhoneNumberRequest({ custSpaceId: TRAVEL, cc: "+65", phoneNumber: "9123 4567", verifiedName: "X" }));
    expect(bad.body?.code).toBe("InvalidParameter.OnlyNumeric");

    const status = () => c.getPhoneNumberVerificationStatus(new $Cams.GetPhoneNumberVerificationStatusRequest({ custSpaceId: TRAVEL, phoneNumber: phone }));
    expect((await status()).body?.data?.codeVerificationStatus).toBe("NOT_VERIFIED");
    const qr = await c.createPhoneMessageQrdl(new $Cams.CreatePhoneMessageQrdlRequest({ custSpaceId: TRAVEL, phoneNumber: phone, generateQrImage: "PNG", prefilledMessage: "Hi" }));
    expect(qr.body?.code).toBe("InvalidParameter.PhoneNumberNotVerified");
    const key = await c.getPhoneEncryptionPublicKey(new $Cams.GetPhoneEncryptionPublicKeyRequest({ custSpaceId: TRAVEL, phoneNumber: phone }));
    expect(key.body?.code).toBe("InvalidParameter.PhoneNumberNotVerified");

    expect((await control(h, "GET", `codes/${phone}`)).status).toBe(404);
    await c.getChatappVerifyCode(new $Cams.GetChatappVerifyCodeRequest({ custSpaceId: TRAVEL, phoneNumber: phone, method: "VOICE", locale: "zh_CN" }));
    const { json } = await control<{ code: string }>(h, "GET", `codes/${phone}`);
    expect(json.code).toMatch(/^\d{6}$/);
    const wrong = String((Number(json.code) + 1) % 1_000_000).padStart(6, "0");
    const verify = (verifyCode: string) => c.chatappVerifyAndRegister(new $Cams.ChatappVerifyAndRegisterRequest({ custSpaceId: TRAVEL, phoneNumber: phone, verifyCode }));
    const w = await verify(wrong);
    expect(w.statusCode).toBe(200);
    expect(w.body?.code).toBe("InvalidParameter.VerifyCode");
    expect((await status()).body?.data?.codeVerificationStatus).toBe("NOT_VERIFIED");
    expect((await verify(json.code)).body?.code).toBe("OK");
    expect((await status()).body?.data?.codeVerificationStatus).toBe("VERIFIED");
    const row = (await detail(TRAVEL)).phoneNumbers.find((n) => n.phoneNumber === phone);
    expect(row?.status).toBe("CONNECTED");
  });

  it("needs a new code after five wrong attempts", async () => {
    const phone = "447700900999";
    await paced(() => c.addChatappPhoneNumber(new $Cams.AddChatappPhoneNumberRequest({ custSpaceId: TRAVEL, cc: "44", phoneNumber: "7700900999", verifiedName: "Skyward" })));
    await paced(() => c.getChatappVerifyCode(new $Cams.GetChatappVerifyCodeRequest({ custSpaceId: TRAVEL, phoneNumber: phone, method: "SMS", locale: "en_US" })));
    const { json } = await control<{ code: string }>(h, "GET", `codes/${phone}`);
    const wrong = String((Number(json.code) + 7) % 1_000_000).padStart(6, "0");
    const verify = (verifyCode: string) => paced(() => c.chatappVerifyAndRegister(new $Cams.ChatappVerifyAndRegisterRequest({ custSpaceId: TRAVEL, phoneNumber: phone, verifyCode })));
    for (let i = 0; i < 5; i++) expect((await verify(wrong)).body?.code).toBe("InvalidParameter.VerifyCode");
    expect((await control(h, "GET", `codes/${phone}`)).status).toBe(404);
    expect((await verify(json.code)).body?.code).toBe("InvalidParameter.VerifyCodeExpired");
  });
});

describe("ownership", () => {
  it("refuses another space's number and another account's space with Unknown.ResourceOwnerId", async () => {
    const travelPhone = await verifiedNumber(TRAVEL);
    const e1 = await sdkError(c.queryPhoneBusinessProfile(new $Cams.QueryPhoneBusinessProfileRequest({ custSpaceId: RETAIL, phoneNumber: travelPhone })));
    expect(e1).toMatchObject({ code: "Unknown.ResourceOwnerId", statusCode: 400 });
    const e2 = await sdkError(c.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: "no-such-space" })));
    expect(e2.code).toBe("Unknown.ResourceOwnerId");

    const other = { accessKeyId: "LTAI5tOtherAccount00001", accessKeySecret: "other-secret" };
    const h2 = await startSandbox({ credentials: [h.credentials[0], other] });
    try {
      const c2 = sdkClient(h2, {}, other);
      const e3 = await sdkError(c2.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({ custSpaceId: RETAIL })));
      expect(e3).toMatchObject({ code: "Unknown.ResourceOwnerId", statusCode: 400 });
      expect(e3.data).toMatchObject({ Code: "Unknown.ResourceOwnerId", Message: "The resource does not belong to the current user." });
      const all = await c2.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({}));
      expect(all.body?.phoneNumbers).toEqual([]);
      const created = await control(h2, "POST", "spaces", { custSpaceId: "other-space", numbers: 3, accessKeyId: other.accessKeyId });
      expect(created.status).toBe(201);
      expect((await c2.queryChatappPhoneNumbers(new $Cams.QueryChatappPhoneNumbersRequest({}))).body?.phoneNumbers).toHaveLength(3);
    } finally {
      await h2.close();
    }
  });
});

describe("encryption key validation", () => {
  it("accepts an RSA-2048 SPKI PEM only", async () => {
    const phone = await verifiedNumber(TRAVEL);
    const update = (encryptionPublicKey: string) =>
      paced(() => c.updatePhoneEncryptionPublicKey(new $Cams.UpdatePhoneEncryptionPublicKeyRequest({ custSpaceId: TRAVEL, phoneNumber: phone, encryptionPublicKey })));
    const rsa2048 = pem("rsa", { modulusLength: 2048 });
    expect((await update(rsa2048)).body?.code).toBe("OK");
    for (const bad of [
      pem("rsa", { modulusLength: 1024 }),
      pem("ec", { namedCurve: "P-256" }),
      String(createPublicKey(rsa2048).export({ type: "pkcs1", format: "pem" })),
      "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----",
    ]) {
      const r = await update(bad);
      expect(r.statusCode).toBe(200);
      expect(r.body?.code).toBe("InvalidParameter.EncryptionPublicKey");
    }
    const literal = rsa2048.trim().replace(/\n/g, "\\n");
    expect((await update(literal)).body?.code).toBe("OK");
    const got = await paced(() => c.getPhoneEncryptionPublicKey(new $Cams.GetPhoneEncryptionPublicKeyRequest({ phoneNumber: phone })));
    expect(got.body?.data?.encryptionPublicKey).toBe(rsa2048.trim());
  });
});

describe("message QR codes", () => {
  it("creates, lists, updates, deletes; 140 code points max; PNG/SVG only; serves the image", async () => {
    const phone = await addAndVerify("62", "8129998877", "293483938849493");
    const space = "293483938849493";
    const create = (prefilledMessage: string, generateQrImage = "PNG") =>
      paced(() => c.createPhoneMessageQrdl(new $Cams.CreatePhoneMessageQrdlRequest({ custSpaceId: space, phoneNumber: phone, generateQrImage, prefilledMessage })));
    const emoji140 = "😀".repeat(140);
    const ok = await create(emoji140);
    expect(ok.body?.code).toBe("OK");
    expect(ok.body?.data?.prefilledMessage).toBe(emoji140);
    expect((await create("😀".repeat(141))).body?.code).toBe("InvalidParameter.PrefilledMessage");
    expect((await create("a".repeat(141))).body?.code).toBe("InvalidParameter.PrefilledMessage");
    expect((await create("hi", "JPG")).body?.code).toBe("InvalidParameter.GenerateQrImage");
    const svg = await create("second", "SVG");
    const codes = [ok.body!.data!.qrdlCode!, svg.body!.data!.qrdlCode!];

    const list = await paced(() => c.listPhoneMessageQrdl(new $Cams.ListPhoneMessageQrdlRequest({ phoneNumber: phone })));
    expect(list.body?.data?.map((d) => d.qrdlCode)).toEqual(codes);

    const png = await fetch(ok.body!.data!.qrImageUrl!);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svgRes = await fetch(svg.body!.data!.qrImageUrl!);
    expect(svgRes.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svgRes.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    const upd = await paced(() => c.updatePhoneMessageQrdl(new $Cams.UpdatePhoneMessageQrdlRequest({ custSpaceId: space, phoneNumber: phone, qrdlCode: codes[1], generateQrImage: "PNG", prefilledMessage: "changed" })));
    const renewed = upd.body!.data!.qrdlCode!;
    expect(renewed).not.toBe(codes[1]);
    expect(upd.body?.data).toMatchObject({ generateQrImage: "PNG", prefilledMessage: "changed", deepLinkUrl: deepLinkFor(renewed) });
    // The original code is retired: updating or deleting it again, or fetching its image, finds nothing.
    const stale = await paced(() => c.updatePhoneMessageQrdl(new $Cams.UpdatePhoneMessageQrdlRequest({ custSpaceId: space, phoneNumber: phone, qrdlCode: codes[1], generateQrImage: "PNG", prefilledMessage: "again" })));
    expect(stale.body?.code).toBe("InvalidParameter.QrdlCodeNotExist");
    expect((await fetch(`${h.url}/_sandbox/qr/${codes[1]}.svg`)).status).toBe(404);
    expect((await fetch(upd.body!.data!.qrImageUrl!)).status).toBe(200);
    const del = await paced(() => c.deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ custSpaceId: space, phoneNumber: phone, qrdlCode: codes[0] })));
    expect(del.body?.code).toBe("OK");
    const again = await paced(() => c.deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ custSpaceId: space, phoneNumber: phone, qrdlCode: codes[0] })));
    expect(again.body?.code).toBe("InvalidParameter.QrdlCodeNotExist");
    expect((await fetch(`${h.url}/_sandbox/qr/${codes[0]}.png`)).status).toBe(404);
    const after = await paced(() => c.listPhoneMessageQrdl(new $Cams.ListPhoneMessageQrdlRequest({ custSpaceId: space, phoneNumber: phone })));
    expect(after.body?.data?.map((d) => [d.qrdlCode, d.prefilledMessage])).toEqual([[renewed, "changed"]]);
  });
});
