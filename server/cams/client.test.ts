import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CamsError } from "./errors";
import { captureLogger, startFixture } from "./test-utils";

const SPACE = "space-a";
const CC = "86";
const NATIONAL = "13800001234";
const PHONE = CC + NATIONAL;
const PEM = String(
  generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }),
).trim();

let fx: Awaited<ReturnType<typeof startFixture>>;
const log = captureLogger();

beforeAll(async () => {
  fx = await startFixture([SPACE]);
});
afterAll(async () => {
  await fx.close();
});

describe("every operation through the client against the sandbox", () => {
  it("runs the whole number lifecycle and returns parsed camelCase DTOs", async () => {
    const cams = fx.client({ logger: log.logger });

    const added = await cams.addPhoneNumber({ cc: CC, phoneNumber: NATIONAL, verifiedName: "Acme Support" });
    expect(added.data).toBeNull();
    expect(added.requestId).toMatch(/^[0-9A-F-]{36}$/);

    const listed = await cams.queryPhoneNumbers();
    expect(listed.data).toEqual([
      expect.objectContaining({ phoneNumber: PHONE, verifiedName: "Acme Support", status: "UNVERIFIED", statusCallbackUrl: null }),
    ]);

    await cams.getVerifyCode({ phoneNumber: PHONE, method: "SMS", locale: "en_US" });
    const code = await fx.control.code(PHONE);
    await cams.verifyAndRegister({ phoneNumber: PHONE, verifyCode: code });

    const status = await cams.getVerificationStatus({ phoneNumber: PHONE });
    expect(status.data).toEqual({ phoneNumber: PHONE, id: expect.stringMatching(/^\d+$/), codeVerificationStatus: "VERIFIED" });

    expect((await cams.deregisterPhoneNumber({ phoneNumber: PHONE })).data).toBeNull();
    expect((await cams.registerPhoneNumber({ phoneNumber: PHONE })).data).toBeNull();

    await cams.updateEncryptionPublicKey({ phoneNumber: PHONE, encryptionPublicKey: PEM });
    const key = await cams.getEncryptionPublicKey({ phoneNumber: PHONE });
    expect(key.data).toEqual({ phoneNumber: PHONE, encryptionPublicKey: PEM, encryptionPublicKeyStatus: "VALID" });

    const message = "Hi (from the poster) 你好 😀 a+b";
    const created = await cams.createQrCode({ phoneNumber: PHONE, generateQrImage: "PNG", prefilledMessage: message });
    expect(created.data).toMatchObject({ phoneNumber: PHONE, generateQrImage: "PNG", prefilledMessage: message });
    expect(created.data.qrdlCode).toMatch(/^[A-Za-z0-9]+$/);
    expect(created.data.deepLinkUrl).toContain(created.data.qrdlCode);
    expect(created.data.qrImageUrl).toMatch(/^https?:\/\//);

    expect((await cams.listQrCodes({ phoneNumber: PHONE })).data).toEqual([created.data]);

    const updated = await cams.updateQrCode({
      phoneNumber: PHONE,
      qrdlCode: created.data.qrdlCode!,
      generateQrImage: "SVG",
      prefilledMessage: "Updated",
    });
    expect(updated.data).toMatchObject({ phoneNumber: PHONE, generateQrImage: "SVG", prefilledMessage: "Updated" });
    await cams.deleteQrCode({ phoneNumber: PHONE, qrdlCode: updated.data.qrdlCode! });
    expect((await cams.listQrCodes({ phoneNumber: PHONE })).data).toEqual([]);

    const statusUrl = "https://example.com/cb/status?a=1&b=two words";
    await cams.updatePhoneWebhook({ phoneNumber: PHONE, statusCallbackUrl: statusUrl, httpFlag: "Y", queueFlag: "N" });
    const afterHook = await cams.queryPhoneNumbers({ custSpaceId: SPACE });
    expect(afterHook.data[0]).toMatchObject({ phoneNumber: PHONE, statusCallbackUrl: statusUrl, status: "CONNECTED" });

    expect(
      (await cams.updateAccountWebhook({ statusCallbackUrl: "https://example.com/account", httpFlag: "Y", queueFlag: "N" })).data,
    ).toBeNull();

    const profile = await cams.queryProfile({ phoneNumber: PHONE });
    expect(profile.data).toEqual(
      // A new number's profile: WhatsApp's default About, no vertical chosen yet.
      { about: expect.any(String), address: null, description: null, email: null, profilePictureUrl: null, vertical: null, websites: [] },
    );

    const end = Date.now();
    const metric = await cams.getPhoneNumberMetric({ phoneNumber: PHONE, granularity: "DAILY", start: end - 3 * 86_400_000, end });
    expect(metric.data.length).toBeGreaterThan(0);
    for (const p of metric.data) {
      expect(p).toEqual({
        phoneNumber: PHONE,
        granularity: "DAILY",
        start: expect.any(Number),
        end: expect.any(Number),
        sentCount: expect.any(Number),
        deliveredCount: expect.any(Number),
      });
    }

    // The PEM, the full number and the secret never reach the log; the masked number does.
    const text = log.text();
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(NATIONAL);
    expect(text).not.toContain("PUBLIC KEY");
    expect(text).not.toContain(PEM.split("\n")[1]);
    expect(text).not.toContain(fx.credential.accessKeySecret);
    expect(text).toContain("*1234");
    const records = log.records();
    expect(records.length).toBeGreaterThanOrEqual(19);
    expect(records[0]).toMatchObject({
      operation: "AddChatappPhoneNumber",
      space: SPACE,
      accountId: "acct-1",
      attempt: 1,
      outcome: "ok",
      requestId: added.requestId,
      durationMs: expect.any(Number),
    });
  });

  it("passes enum values it does not know through as they came", async () => {
    const res = await fetch(`${fx.sandbox.url}/_sandbox/numbers/${PHONE}`, {
      method: "PATCH",
      body: JSON.stringify({ Status: "SOMETHING_NEW", MessagingLimitTier: "TIER_2K", NameStatus: "Whatever" }),
    });
    expect(res.ok).toBe(true);
    const { data } = await fx.client().queryPhoneNumbers();
    expect(data.find((n) => n.phoneNumber === PHONE)).toMatchObject({
      status: "SOMETHING_NEW",
      messagingLimitTier: "TIER_2K",
      nameStatus: "Whatever",
    });
  });

  it("rejects invalid input with Request.Invalid before sending anything", async () => {
    await fx.control.resetCalls();
    const cams = fx.client();
    const bad = await cams.addPhoneNumber({ cc: "+86", phoneNumber: "138 0000", verifiedName: "" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CamsError);
    expect(bad).toMatchObject({ code: "Request.Invalid", retryable: false, operation: "AddChatappPhoneNumber" });
    expect((bad as CamsError).message).toMatch(/cc: .*phoneNumber: .*verifiedName/s);
    expect((bad as CamsError).message).not.toContain("138 0000");

    const noSpace = fx.client({ space: undefined });
    await expect(noSpace.updateAccountWebhook({ httpFlag: "N" })).rejects.toMatchObject({ code: "Request.Invalid" });
    await expect(
      cams.getPhoneNumberMetric({ start: 2, end: 1 }),
    ).rejects.toMatchObject({ code: "Request.Invalid" });
    expect((await fx.control.calls()).total).toBe(0);
  });

  it("maps a business refusal (HTTP 200, Code != OK) from real sandbox logic, masking the number in logs", async () => {
    const capture = captureLogger();
    const cams = fx.client({ logger: capture.logger });
    await cams.addPhoneNumber({ cc: "44", phoneNumber: "7700900123", verifiedName: "Skyward" });
    const err = await cams.registerPhoneNumber({ phoneNumber: "447700900123" }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "InvalidParameter.PhoneNumberNotVerified",
      httpStatus: 200,
      retryable: false,
      requestId: expect.any(String),
      operation: "ChatappPhoneNumberRegister",
    });
    // The user sees their own number in the message; the log only the masked form.
    expect((err as CamsError).message).toContain("447700900123");
    expect(capture.text()).not.toContain("447700900123");
    expect(capture.records().at(-1)).toMatchObject({ outcome: "error", errorCode: "InvalidParameter.PhoneNumberNotVerified" });
  });
});
