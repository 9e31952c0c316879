import * as $Cams from "@alicloud/cams20200606";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type SandboxHandle } from "@/server/sandbox/server";
import { paced, sdkClient } from "@/server/sandbox/testing";
import { png } from "@/server/sandbox/test-images";
import { captureLogger, startFixture } from "./test-utils";
import { CamsError } from "./errors";
import { createCamsClient } from "./client";
import { putWithAuthorization, stillValid, uploadPicture } from "./oss-upload";
import { ActionError } from "@/server/actions/errors";

const SPACE = "space-profile";
const CC = "65";
const NATIONAL = "81230001";
const PHONE = CC + NATIONAL;

let fx: Awaited<ReturnType<typeof startFixture>>;
const log = captureLogger();

beforeAll(async () => {
  fx = await startFixture([SPACE, "space-profile-2"]);
  const cams = fx.client();
  await cams.addPhoneNumber({ cc: CC, phoneNumber: NATIONAL, verifiedName: "Acme Profile" });
  await cams.getVerifyCode({ phoneNumber: PHONE, method: "SMS", locale: "en_US" });
  await cams.verifyAndRegister({ phoneNumber: PHONE, verifyCode: await fx.control.code(PHONE) });
});
afterAll(() => fx.close());

const sdk = () => sdkClient(fx.sandbox);
const sandboxProfile = async () => {
  const res = await fetch(`${fx.sandbox.url}/_sandbox/spaces/${SPACE}`);
  const body = (await res.json()) as { phoneNumbers: { phoneNumber: string; profile: Record<string, unknown> }[] };
  return body.phoneNumbers.find((n) => n.phoneNumber === PHONE)!.profile;
};

describe("business profile through the official SDK", () => {
  it("ModifyPhoneBusinessProfile sends Websites as one JSON string the sandbox decodes exactly as sent; the read-back matches", async () => {
    const cams = fx.client({ logger: log.logger });
    const websites = ["https://a.example/path?q=1,2&x=\"y\"", "https://例子.example/商店"];
    const about = "Open 9–18 😀 你好";
    await cams.modifyProfile({ phoneNumber: PHONE, about, description: "D".repeat(512), email: "hi@acme.example", vertical: "RETAIL", websites });
    expect((await sandboxProfile()).Websites).toEqual(websites);
    const read = await cams.queryProfile({ phoneNumber: PHONE });
    expect(read.data).toEqual({
      about,
      address: null,
      description: "D".repeat(512),
      email: "hi@acme.example",
      profilePictureUrl: null,
      vertical: "RETAIL",
      websites,
    });
    // Only the fields given change: an absent field is left as it was.
    await cams.modifyProfile({ phoneNumber: PHONE, address: "1 Harbour Road" });
    expect((await cams.queryProfile({ phoneNumber: PHONE })).data).toMatchObject({ about, address: "1 Harbour Road", websites });
    expect(log.text()).not.toContain(PHONE);
  });

  it("refuses what WhatsApp refuses, in the vendor's style (HTTP 200, InvalidParameter.*)", async () => {
    const cams = fx.client();
    const refused = async (p: Promise<unknown>) => {
      const e = await p.then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(CamsError);
      return (e as CamsError).code;
    };
    // The client's own zod stops over-long input before a call (Request.Invalid); the sandbox refuses
    // what a hand-made request would send: its checks are the sandbox's, called through the SDK directly.
    expect(await refused(cams.modifyProfile({ phoneNumber: PHONE, about: "a".repeat(140) }))).toBe("Request.Invalid");
    const send = (p: Record<string, unknown>) =>
      paced(() => sdk().modifyPhoneBusinessProfile(new $Cams.ModifyPhoneBusinessProfileRequest({ custSpaceId: SPACE, phoneNumber: PHONE, ...p })));
    expect((await send({ about: "a".repeat(140) })).body?.code).toBe("InvalidParameter.About");
    expect((await send({ about: "😀".repeat(139) })).body?.code).toBe("OK");
    expect((await send({ websites: ["https://a.example", "https://b.example", "https://c.example"] })).body?.code).toBe("InvalidParameter.Websites");
    expect((await send({ websites: ["ftp://a.example"] })).body?.code).toBe("InvalidParameter.Websites");
    expect((await send({ vertical: "" })).body?.code).toBe("InvalidParameter.Vertical");
    expect((await send({ vertical: "SHOPPING" })).body?.code).toBe("InvalidParameter.Vertical");
    expect((await send({ email: "x".repeat(129) })).body?.code).toBe("InvalidParameter.Email");
    expect((await send({ profilePictureUrl: `${fx.sandbox.url}/profile/none.png` })).body?.code).toBe("InvalidParameter.ProfilePictureUrl");
  });
});

describe("health through the generic call (SDK 1.4.2 lacks GetWhatsappHealthStatus)", () => {
  it("answers the seeded state, then what the control API set, with entities and errors", async () => {
    const cams = fx.client();
    const ok = await cams.healthStatus({ nodeType: "phone", phoneNumber: PHONE });
    expect(ok.data.canSendMessage).toBe("AVAILABLE");
    expect(ok.data.entities.map((e) => e.entityType)).toEqual(["PHONE_NUMBER", "WABA", "BUSINESS", "APP"]);
    const res = await fetch(`${fx.sandbox.url}/_sandbox/numbers/${PHONE}/health`, { method: "PUT", body: JSON.stringify({ canSendMessage: "BLOCKED" }) });
    expect(res.status).toBe(200);
    const blocked = await fx.client({ shareReads: false }).healthStatus({ nodeType: "phone", phoneNumber: PHONE });
    expect(blocked.data.canSendMessage).toBe("BLOCKED");
    const waba = blocked.data.entities.find((e) => e.entityType === "WABA")!;
    expect(waba).toMatchObject({ canSendMessage: "BLOCKED", errors: [{ errorCode: "141006", errorDescription: expect.any(String), possibleSolution: expect.any(String) }] });
    await fetch(`${fx.sandbox.url}/_sandbox/numbers/${PHONE}/health`, { method: "DELETE" });
    await expect(cams.healthStatus({ nodeType: "phone" })).rejects.toMatchObject({ code: "InvalidParameter.PhoneNumber" });
  });
});

describe("picture upload with the upload authorization (ali-oss against the sandbox's OSS)", () => {
  it("uploads under Dir, serves the object back, and the URL is accepted as ProfilePictureUrl; nothing secret is logged", async () => {
    const logged = captureLogger();
    const cams = fx.client({ logger: logged.logger });
    // The raw SDK sends above used this second's ModifyPhoneBusinessProfile budget: wait for a slot.
    await paced(() => sdk().modifyPhoneBusinessProfile(new $Cams.ModifyPhoneBusinessProfileRequest({ custSpaceId: SPACE, phoneNumber: PHONE, address: "x" })));
    const image = png(200, 200);
    const { url } = await uploadPicture(cams, { bytes: image, type: "image/png" });
    expect(url).toMatch(new RegExp(`^${fx.sandbox.url}/profile/${SPACE}/[0-9a-f]+/profile-[0-9a-f-]+\\.png$`));
    const served = await fetch(url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true);
    await cams.modifyProfile({ phoneNumber: PHONE, profilePictureUrl: url });
    expect((await cams.queryProfile({ phoneNumber: PHONE })).data.profilePictureUrl).toBe(url);
    // The credentials: in no log line (the client logs the call, never its answer).
    const auth = await cams.uploadAuthorization({});
    expect(logged.text()).toContain("GetChatappUploadAuthorization");
    for (const secret of [auth.data.accessKeySecret, auth.data.securityToken]) expect(logged.text()).not.toContain(secret);
  });

  it("refuses a forged signature, a wrong token, a path outside Dir and expired credentials", async () => {
    let now = Date.now();
    const sb: SandboxHandle = await startSandbox({ spaces: ["oss-space"], now: () => now });
    try {
      const [cred] = sb.credentials;
      const client = createCamsClient(
        { id: "acct-oss", accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, endpoint: sb.endpoint, protocol: "HTTP" },
        { logger: captureLogger().logger, space: "oss-space", retryBaseMs: 10 },
      );
      const file = { bytes: png(192, 192), type: "image/png" as const };
      const { data: auth } = await client.uploadAuthorization({});
      expect(auth.endPoint).toBe(sb.url);
      expect(auth.expire).toBeGreaterThan(0);
      const code = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e as ActionError).details?.code);
      expect(await code(putWithAuthorization({ ...auth, accessKeySecret: "forged" }, Date.now(), file))).toBe("SignatureDoesNotMatch");
      expect(await code(putWithAuthorization({ ...auth, securityToken: "CAISwrong" }, Date.now(), file))).toBe("InvalidSecurityToken");
      expect(await code(putWithAuthorization({ ...auth, dir: "profile/other-space/" }, Date.now(), file))).toBe("AccessDenied");
      // The sandbox's clock passes Expire: the same credentials are refused there...
      now += auth.expire * 1000 + 1;
      expect(await code(putWithAuthorization(auth, Date.now(), file))).toBe("SecurityTokenExpired");
      // ...and the app never tries credentials it holds past Expire.
      expect(stillValid(auth, Date.now() - auth.expire * 1000)).toBe(false);
      await expect(putWithAuthorization(auth, Date.now() - auth.expire * 1000, file)).rejects.toMatchObject({ key: "uploadCredentialsExpired" });
    } finally {
      await sb.close();
    }
  });
});
