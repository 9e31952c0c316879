import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";
import { canOffer, KNOWN_STATUSES, numberState } from "./number-states";

// API.md §2 (metadata enum) and §10 (the user guide's extra values).
const API_STATUSES = ["PENDING", "DELETED", "MIGRATED", "BANNED", "RESTRICTED", "RATE_LIMITED", "FLAGGED", "CONNECTED", "DISCONNECTED", "UNKNOWN", "UNVERIFIED", "OFFLINE", "PAUSED"];
const verified = (status: string | null) => ({ status, codeVerificationStatus: "VERIFIED" });

describe("number states", () => {
  // Every status the list filter offers is covered too: components/phone-numbers/enum-values.test.ts.
  it("covers every status the API and the guide list", () => {
    expect([...KNOWN_STATUSES].sort()).toEqual([...API_STATUSES].sort());
  });

  it("has a meaning and a next step for every state in English and Chinese", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const m = loadMessages(locale).numberState as Record<string, { meaning?: string; next?: string }>;
      for (const key of [...KNOWN_STATUSES, "UNLISTED"]) {
        expect(m[key]?.meaning?.trim(), `${locale} ${key}.meaning`).toBeTruthy();
        expect(m[key]?.next?.trim(), `${locale} ${key}.next`).toBeTruthy();
      }
    }
  });

  it("offers neither register nor deregister where they change nothing (banned, restricted, deleted, migrated)", () => {
    for (const s of ["BANNED", "RESTRICTED", "DELETED", "MIGRATED", "PAUSED"]) {
      expect(canOffer("register", verified(s)), s).toBe(false);
      expect(canOffer("deregister", verified(s)), s).toBe(false);
      expect(numberState(s).severity).not.toBe("none");
    }
    expect(numberState("BANNED").severity).toBe("destructive");
    expect(numberState("RESTRICTED").severity).toBe("destructive");
  });

  it("offers the change that moves a number on: deregister when connected, register when disconnected or pending", () => {
    expect([canOffer("register", verified("CONNECTED")), canOffer("deregister", verified("CONNECTED"))]).toEqual([false, true]);
    expect([canOffer("register", verified("DISCONNECTED")), canOffer("deregister", verified("DISCONNECTED"))]).toEqual([true, false]);
    expect(canOffer("register", verified("PENDING"))).toBe(true);
    expect(canOffer("deregister", verified("FLAGGED"))).toBe(true);
    expect(numberState("CONNECTED").severity).toBe("none");
  });

  it("offers nothing before the code verification is done, whatever the state", () => {
    for (const s of [...KNOWN_STATUSES, "SOMETHING_NEW"]) {
      expect(canOffer("register", { status: s, codeVerificationStatus: "NOT_VERIFIED" }), s).toBe(false);
      expect(canOffer("deregister", { status: s, codeVerificationStatus: null }), s).toBe(false);
    }
  });

  it("explains an unlisted or missing value as unknown and still offers both changes", () => {
    for (const s of ["SOMETHING_NEW", "connected", null, undefined]) {
      expect(numberState(s)).toMatchObject({ key: "UNLISTED", severity: "warning" });
    }
    expect(canOffer("register", verified("SOMETHING_NEW"))).toBe(true);
    expect(canOffer("deregister", verified("SOMETHING_NEW"))).toBe(true);
  });
});
