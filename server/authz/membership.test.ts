import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { session, withSandboxRoles } = await import("@/server/test-support");

const { camsForSpace } = await import("@/server/cams/for-space");
const phoneActions = await import("@/server/actions/phone-numbers");
const { updateEncryptionKeyAction } = await import("@/server/actions/encryption-keys");
const { createQrCodeAction, deleteQrCodeAction, updateQrCodeAction } = await import("@/server/actions/qr-codes");
const { updatePhoneWebhookAction } = await import("@/server/actions/webhooks");
const { updateAutomationAction } = await import("@/server/actions/automation");

/**
 * A number belongs to its space (authorization matrix, continued): an operator of space A who
 * names a number of space B through A, or a QR code of another number, is refused with a 404
 * before any CAMS call for it. The sandbox counts every call it gets: the only ones allowed are
 * reads of A's own lists (the one refresh an unknown number triggers).
 */
let mine = "";
let theirs = "";
let theirCode = "";
const A = `mem-a-${crypto.randomUUID().slice(0, 6)}`;
const B = `mem-b-${crypto.randomUUID().slice(0, 6)}`;
const OWN_READS = new Set(["QueryChatappPhoneNumbers", "ListPhoneMessageQrdl"]);

const publicKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();

const { database, f, api } = withSandboxRoles([A, 2], [B, 2]);
beforeAll(async () => {
  mine = (await api.numbers(A))[0]!.phoneNumber;
  theirs = (await api.numbers(B))[0]!.phoneNumber;
  const { client } = await camsForSpace(database.db, f.otherSpaceId);
  theirCode = (await client.createQrCode({ phoneNumber: theirs, prefilledMessage: "hello", generateQrImage: "PNG" })).data.qrdlCode!;
});
beforeEach(async () => {
  await api.resetCalls();
});

/** What reached the sandbox besides reads of the operator's own space. */
async function foreignCalls(): Promise<Record<string, number>> {
  const { byAction } = await api.calls();
  return Object.fromEntries(Object.entries(byAction).filter(([name]) => !OWN_READS.has(name)));
}

describe("a number of another space, named through my space", () => {
  const cases: [string, (phone: string) => Promise<{ serverError?: { key?: string; httpStatus?: number } }>][] = [
    ["requestVerificationCode", (phone) => phoneActions.requestVerificationCodeAction({ spaceId: f.spaceId, phoneNumber: phone, method: "SMS", locale: "en_US" })],
    ["verify", (phone) => phoneActions.verifyPhoneNumberAction({ spaceId: f.spaceId, phoneNumber: phone, code: "123456" })],
    ["register", (phone) => phoneActions.registerPhoneNumberAction({ spaceId: f.spaceId, phoneNumber: phone })],
    ["deregister", (phone) => phoneActions.deregisterPhoneNumberAction({ spaceId: f.spaceId, phoneNumber: phone })],
    ["updateEncryptionKey", (phone) => updateEncryptionKeyAction({ spaceId: f.spaceId, phoneNumber: phone, publicKey, origin: "pasted" })],
    ["createQrCode", (phone) => createQrCodeAction({ spaceId: f.spaceId, phoneNumber: phone, prefilledMessage: "hi", generateQrImage: "PNG" })],
    ["updateQrCode", (phone) => updateQrCodeAction({ spaceId: f.spaceId, phoneNumber: phone, prefilledMessage: "hi", generateQrImage: "PNG", qrdlCode: theirCode })],
    ["deleteQrCode", (phone) => deleteQrCodeAction({ spaceId: f.spaceId, phoneNumber: phone, qrdlCode: theirCode })],
    ["updatePhoneWebhook", (phone) => updatePhoneWebhookAction({ spaceId: f.spaceId, phoneNumber: phone, statusCallbackUrl: "https://hooks.example.com/x", upCallbackUrl: "", httpFlag: "Y", queueFlag: "N" })],
    ["updateAutomation", (phone) => updateAutomationAction({ spaceId: f.spaceId, phoneNumber: phone, enableWelcomeMessage: true, prompts: [{ text: "Hi" }], commands: [] })],
  ];

  it.each(cases)("%s is refused with a 404 and no CAMS call for it", async (_name, run) => {
    session.user = f.operator;
    const r = await run(theirs);
    expect(r.serverError).toMatchObject({ key: "numberNotInSpace", httpStatus: 404 });
    expect(await foreignCalls()).toEqual({});
    // At most the one refresh of my own space.
    expect((await api.calls()).byAction.QueryChatappPhoneNumbers ?? 0).toBeLessThanOrEqual(1);
  });

  it.each(["updateQrCode", "deleteQrCode"])("%s with my number but another number's QR code is refused with a 404", async (name) => {
    session.user = f.operator;
    const run = cases.find(([n]) => n === name)![1];
    const r = await run(mine);
    expect(r.serverError).toMatchObject({ key: "qrCodeNotOfNumber", httpStatus: 404 });
    expect(await foreignCalls()).toEqual({});
  });

  it("the number's own actions still reach CAMS (the check lets members through)", async () => {
    session.user = f.operator;
    const r = await createQrCodeAction({ spaceId: f.spaceId, phoneNumber: mine, prefilledMessage: "mine", generateQrImage: "PNG" });
    expect(r.serverError).toBeUndefined();
    const code = r.data!.code!.qrdlCode;
    // The new code is in the inventory: deleting it needs no extra read to check it.
    await api.resetCalls();
    const d = await deleteQrCodeAction({ spaceId: f.spaceId, phoneNumber: mine, qrdlCode: code });
    expect(d.serverError).toBeUndefined();
    expect((await api.calls()).byAction).toEqual({ DeletePhoneMessageQrdl: 1 });
  });

  it("every per-number route handler answers 404 for it, with no CAMS call for it", async () => {
    const apiDir = path.join(process.cwd(), "app", "api", "spaces", "[spaceId]");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === "route.ts" && p.includes("[phone]")) files.push(p);
      }
    };
    walk(apiDir);
    expect(files.length).toBeGreaterThanOrEqual(5);
    session.user = f.admin;
    for (const file of files) {
      const mod = await import(/* @vite-ignore */ file);
      const rel = path.relative(apiDir, path.dirname(file)).replace("[phone]", theirs);
      const res: Response = await mod.GET(new NextRequest(`http://localhost/api/spaces/${f.spaceId}/${rel}`), {
        params: Promise.resolve({ spaceId: f.spaceId, phone: theirs }),
      });
      expect(res.status, rel).toBe(404);
      expect(await res.json(), rel).toMatchObject({ key: "numberNotInSpace" });
    }
    expect(await foreignCalls()).toEqual({});
  });
});
