import { describe, expect, it } from "vitest";
import { qrUpdateOutcome } from "./update-outcome";

describe("qrUpdateOutcome", () => {
  it("a new code in the answer replaces the old one", () => {
    expect(qrUpdateOutcome("OLD12345", { qrdlCode: "NEW67890", deepLinkUrl: "https://wa.me/message/NEW67890" })).toEqual({
      kind: "replaced",
      previous: "OLD12345",
      code: "NEW67890",
      deepLinkUrl: "https://wa.me/message/NEW67890",
    });
  });

  it("the same code in the answer means CAMS kept it", () => {
    expect(qrUpdateOutcome("SAME1234", { qrdlCode: "SAME1234", deepLinkUrl: "https://wa.me/message/SAME1234" })).toEqual({ kind: "kept", code: "SAME1234" });
  });

  it("an answer without a code says nothing either way", () => {
    expect(qrUpdateOutcome("OLD12345", null)).toEqual({ kind: "unknown", previous: "OLD12345" });
    expect(qrUpdateOutcome("OLD12345", { qrdlCode: " ", deepLinkUrl: null })).toEqual({ kind: "unknown", previous: "OLD12345" });
  });
});
