import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";
import { auditTargetView, formatAuditTime, operationLabel } from "./audit-display";

describe("formatAuditTime", () => {
  const at = "2026-12-01T12:48:09.123Z";

  it("shows the moment in the given zone with its offset", () => {
    expect(formatAuditTime(at, "Asia/Shanghai")).toBe("2026-12-01 20:48:09 UTC+8");
    expect(formatAuditTime(at, "UTC")).toBe("2026-12-01 12:48:09 UTC");
    expect(formatAuditTime(at, "Asia/Kolkata")).toBe("2026-12-01 18:18:09 UTC+5:30");
    expect(formatAuditTime("2026-12-01T02:05:00Z", "America/Los_Angeles")).toBe("2026-11-30 18:05:00 UTC-8");
  });

  it("takes the offset of that date (summer time), midnight as 00", () => {
    expect(formatAuditTime("2026-07-01T04:00:00Z", "America/New_York")).toBe("2026-07-01 00:00:00 UTC-4");
    expect(formatAuditTime("2026-01-01T05:00:00Z", "America/New_York")).toBe("2026-01-01 00:00:00 UTC-5");
  });

  it("falls back to UTC for a zone the runtime does not know", () => {
    expect(formatAuditTime(at, "Mars/Olympus")).toBe("2026-12-01 12:48:09 UTC");
  });
});

describe("auditTargetView", () => {
  const base = { spaceId: "sp-1", spaceName: "Alpha" };

  it("links a number of a space to its page", () => {
    expect(auditTargetView({ ...base, operation: "webhooks.updatePhone", target: "8613800001234" })).toEqual({
      kind: "phone",
      phone: "8613800001234",
      href: "/s/sp-1/phone-numbers/8613800001234",
    });
    expect(auditTargetView({ ...base, operation: "bulk.encryptionKey", target: "6581234567" })).toMatchObject({ kind: "phone", href: "/s/sp-1/phone-numbers/6581234567" });
  });

  it("shows a number without a link when the event has no space or the space is gone", () => {
    expect(auditTargetView({ spaceId: null, spaceName: null, operation: "qrCodes.create", target: "6581234567" })).toEqual({ kind: "phone", phone: "6581234567", href: null });
    expect(auditTargetView({ spaceId: "gone", spaceName: null, operation: "qrCodes.create", target: "6581234567" })).toMatchObject({ href: null });
  });

  it("names the whole space and the settings; leaves other targets as stored", () => {
    expect(auditTargetView({ ...base, operation: "webhooks.updateAccount", target: "space" })).toEqual({ kind: "space" });
    expect(auditTargetView({ ...base, operation: "webhooks.testDelivery", target: "space" })).toEqual({ kind: "space" });
    expect(auditTargetView({ ...base, operation: "webhooks.allowPrivateAddresses", target: "settings" })).toEqual({ kind: "settings" });
    expect(auditTargetView({ ...base, operation: "webhooks.allowedNetworks", target: "settings" })).toEqual({ kind: "settings" });
    // A refused space-scoped call stores the space id it named; a user's id is not a number.
    expect(auditTargetView({ ...base, operation: "webhooks.updatePhone", target: "3f0c2d7e-aaaa" })).toEqual({ kind: "text", text: "3f0c2d7e-aaaa" });
    expect(auditTargetView({ ...base, operation: "spaces.create", target: "12345678" })).toEqual({ kind: "text", text: "12345678" });
    expect(auditTargetView({ ...base, operation: "users.create", target: null })).toEqual({ kind: "none" });
  });
});

describe("operationLabel", () => {
  it("translates known operations in both languages and keeps unknown keys", () => {
    // The "audit" namespace as the app's useTranslations/getTranslations give it (untyped keys).
    const audit = (locale: "en" | "zh-CN") => {
      const t = createTranslator({ locale, messages: loadMessages(locale) });
      return Object.assign((key: string) => t(`audit.${key}` as never), { has: (key: string) => t.has(`audit.${key}` as never) });
    };
    const en = audit("en");
    const zh = audit("zh-CN");
    expect(operationLabel(en, "webhooks.updatePhone")).toBe("Change number webhook");
    expect(operationLabel(zh, "webhooks.updatePhone")).toBe("修改号码回调");
    expect(operationLabel(en, "bulk.webhook")).toBe("Bulk: set number webhook");
    expect(operationLabel(en, "future.thing")).toBe("future.thing");
    // A namespace is not a label.
    expect(operationLabel(en, "webhooks")).toBe("webhooks");
  });
});
