import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clearCounts, createBulkJobSchema, estimateSeconds, heldDiffers, MAX_JOB_ITEMS, parsePreselection, webhookClears } from "@/lib/schemas/bulk";
import { initialSelection, targetsOf } from "@/components/bulk/selection";

// The form schema and the pre-selection links are shared by the browser and the server: tested here with the worker.
const base = {
  kind: "webhook" as const,
  targets: [{ spaceId: "space-1", phoneNumbers: ["8613800000011"] }],
  statusCallbackUrl: "https://hooks.example.com/s",
  upCallbackUrl: "",
  httpFlag: "Y" as const,
  queueFlag: "N" as const,
  publicKey: "",
  origin: "pasted" as const,
};
const NO_CALLBACKS = { statusCallbackUrl: null, upCallbackUrl: null, statusQueue: null, upQueue: null };
const messages = (r: ReturnType<typeof createBulkJobSchema.safeParse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`));

describe("createBulkJobSchema", () => {
  it("checks only the chosen kind's fields", () => {
    expect(createBulkJobSchema.safeParse(base).success).toBe(true);
    // A leftover (invalid) key in the form does not block a webhook job, and the other way round.
    expect(createBulkJobSchema.safeParse({ ...base, publicKey: "junk" }).success).toBe(true);
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(createBulkJobSchema.safeParse({ ...base, kind: "encryption_key", statusCallbackUrl: "", publicKey: pem }).success).toBe(true);
  });

  it("gives field messages as translation keys", () => {
    expect(messages(createBulkJobSchema.safeParse({ ...base, statusCallbackUrl: "" }))).toEqual([
      "statusCallbackUrl:webhooks.validation.urlRequired",
      "upCallbackUrl:webhooks.validation.urlRequired",
    ]);
    expect(messages(createBulkJobSchema.safeParse({ ...base, statusCallbackUrl: "ftp://x" }))).toEqual(["statusCallbackUrl:webhooks.validation.scheme"]);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const r = createBulkJobSchema.safeParse({ ...base, kind: "encryption_key", publicKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() });
    expect(messages(r)).toEqual(["publicKey:encryptionKeys.validation.privateKey"]);
  });

  it("refuses empty, duplicated and oversized selections", () => {
    expect(messages(createBulkJobSchema.safeParse({ ...base, targets: [] }))).toEqual(["targets:bulk.validation.noNumbers"]);
    const twice = [base.targets[0]!, base.targets[0]!];
    expect(messages(createBulkJobSchema.safeParse({ ...base, targets: twice }))).toEqual(["targets:bulk.validation.duplicateSpace"]);
    const many = Array.from({ length: 2 }, (_, s) => ({
      spaceId: `space-${s}`,
      phoneNumbers: Array.from({ length: MAX_JOB_ITEMS / 2 + 1 }, (_, i) => String(8613800000000 + i)),
    }));
    expect(messages(createBulkJobSchema.safeParse({ ...base, targets: many }))).toEqual(["targets:bulk.validation.tooMany"]);
    expect(messages(createBulkJobSchema.safeParse({ ...base, targets: [{ spaceId: "s", phoneNumbers: ["+86 138"] }] }))[0]).toMatch(/^targets\.0\.phoneNumbers\.0:/);
  });
});

describe("pre-selection links", () => {
  it("reads explicit numbers, dropping malformed pairs", () => {
    const p = parsePreselection({ kind: "encryption_key", items: "sp-a:8613800000011,sp-a:8613800000012,sp-b:8613800000013,bad,x:+86,../x:8613800000011" });
    expect(p).toEqual({
      kind: "encryption_key",
      items: { "sp-a": ["8613800000011", "8613800000012"], "sp-b": ["8613800000013"] },
      spaces: ["sp-a", "sp-b"],
      status: null,
    });
  });

  it("reads spaces and a status; ignores unknown kinds and odd statuses", () => {
    expect(parsePreselection({ kind: "delete_all", spaces: "a,b", status: "CONNECTED" })).toEqual({ kind: null, items: null, spaces: ["a", "b"], status: "CONNECTED" });
    expect(parsePreselection({ spaces: "a", status: "<script>" }).status).toBeNull();
  });

  it("offers only the pre-selected numbers of spaces the user may change", () => {
    const sel = initialSelection(parsePreselection({ items: "a:8613800000011,b:8613800000012" }), new Set(["a"]));
    expect(sel.spaceIds).toEqual(["a"]);
    const results = [
      {
        spaceId: "a",
        spaceName: "A",
        account: null,
        ok: true as const,
        numbers: ["8613800000011", "8613800000099"].map((phoneNumber) => ({ phoneNumber, verifiedName: null, status: null, codeVerificationStatus: null, callbacks: NO_CALLBACKS })),
      },
    ];
    expect(targetsOf(sel, results)).toEqual([{ spaceId: "a", phoneNumbers: ["8613800000011"] }]);
    expect(targetsOf({ ...sel, only: null, off: { a: ["8613800000099"] } }, results)).toEqual([{ spaceId: "a", phoneNumbers: ["8613800000011"] }]);
  });
});

describe("estimateSeconds", () => {
  it("is numbers ÷ rate, the busiest account deciding", () => {
    expect(estimateSeconds([100], 8)).toBe(12.5);
    expect(estimateSeconds([100, 40], 4)).toBe(25);
    expect(estimateSeconds([], 8)).toBe(0);
  });
});

describe("what a webhook change clears, and where the read-back differs", () => {
  const held = { statusCallbackUrl: "https://a.example/s", upCallbackUrl: "https://a.example/u", statusQueue: "q-status", upQueue: "q-up" };
  const change = { statusCallbackUrl: "https://b.example/s", upCallbackUrl: "", httpFlag: "Y" as const, queueFlag: "Y" as const };

  it("HTTP off clears held URLs, queue off held queues; nothing held means nothing cleared", () => {
    expect(webhookClears({ httpFlag: "N", queueFlag: "Y" }, held)).toEqual({ urls: true, queues: false });
    expect(webhookClears({ httpFlag: "Y", queueFlag: "N" }, held)).toEqual({ urls: false, queues: true });
    expect(webhookClears({ httpFlag: "N", queueFlag: "N" }, NO_CALLBACKS)).toEqual({ urls: false, queues: false });
    expect(clearCounts({ httpFlag: "N", queueFlag: "N" }, [held, NO_CALLBACKS, { ...NO_CALLBACKS, upQueue: "q" }])).toEqual({ urls: 1, queues: 2, numbers: 2 });
  });

  it("a kept blank URL is not a difference; a URL other than the one sent, or one left with HTTP off, is", () => {
    expect(heldDiffers(change, { ...held, statusCallbackUrl: "https://b.example/s" })).toEqual([]);
    expect(heldDiffers(change, held)).toEqual(["statusCallbackUrl"]);
    expect(heldDiffers({ ...change, httpFlag: "N", queueFlag: "N" }, held)).toEqual(["statusCallbackUrl", "upCallbackUrl", "queue"]);
    expect(heldDiffers({ ...change, httpFlag: "N", queueFlag: "N" }, NO_CALLBACKS)).toEqual([]);
    expect(heldDiffers(change, NO_CALLBACKS)).toEqual(["statusCallbackUrl", "http", "queue"]);
  });

  it("the form's confirmation defaults to not given", () => {
    const r = createBulkJobSchema.safeParse(base);
    expect(r.success && r.data.confirmClear).toBe(false);
  });
});
