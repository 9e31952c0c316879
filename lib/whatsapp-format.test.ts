import { describe, expect, it } from "vitest";
import { parseWhatsApp, plainWhatsApp } from "./whatsapp-format";

describe("parseWhatsApp", () => {
  it("bold, italic, strikethrough and monospace", () => {
    expect(parseWhatsApp("Hi *there*, _see_ ~old~ ```a*b*c```!")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "bold", children: [{ kind: "text", text: "there" }] },
      { kind: "text", text: ", " },
      { kind: "italic", children: [{ kind: "text", text: "see" }] },
      { kind: "text", text: " " },
      { kind: "strike", children: [{ kind: "text", text: "old" }] },
      { kind: "text", text: " " },
      { kind: "mono", text: "a*b*c" },
      { kind: "text", text: "!" },
    ]);
  });

  it("styles nest", () => {
    expect(parseWhatsApp("*_both_*")).toEqual([{ kind: "bold", children: [{ kind: "italic", children: [{ kind: "text", text: "both" }] }] }]);
  });

  it("leaves markers that do not open or close a span as typed", () => {
    for (const s of ["2 * 3 * 4", "a*b*c", "* not bold*", "*not bold *", "snake_case_name", "(*) it's me! ~ 你好", "**", "*open\nclose*", "```"]) {
      expect(plainWhatsApp(parseWhatsApp(s))).toBe(s);
    }
    expect(parseWhatsApp("2 * 3 * 4")).toEqual([{ kind: "text", text: "2 * 3 * 4" }]);
    expect(parseWhatsApp("snake_case_name")).toEqual([{ kind: "text", text: "snake_case_name" }]);
  });

  it("works beside Chinese and emoji", () => {
    expect(parseWhatsApp("预订 *今天* 😀")).toEqual([
      { kind: "text", text: "预订 " },
      { kind: "bold", children: [{ kind: "text", text: "今天" }] },
      { kind: "text", text: " 😀" },
    ]);
  });
});
