import { describe, expect, it } from "vitest";
import { automationFormSchema, automationWireInput, LIMITS } from "./automation";
import { failCodeOf, filterParams, messageFilterSchema, messagePageQuerySchema, MV } from "./messages";
import { AV } from "./automation";

const base = { spaceId: "space-1", phoneNumber: "8613800000011", enableWelcomeMessage: true };
const parse = (v: Partial<{ prompts: { text: string }[]; commands: { name: string; description: string }[] }>) =>
  automationFormSchema.safeParse({ ...base, prompts: [], commands: [], ...v });
const messagesOf = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`));

describe("ice breakers", () => {
  it("takes 4, refuses 5", () => {
    expect(parse({ prompts: Array.from({ length: 4 }, (_, i) => ({ text: `q${i}` })) }).success).toBe(true);
    expect(messagesOf(parse({ prompts: Array.from({ length: 5 }, (_, i) => ({ text: `q${i}` })) }))).toEqual([`prompts:${AV.promptsMax}`]);
  });
  it("takes 80 characters, refuses 81 (code points: a Chinese character or an accent counts one)", () => {
    expect(parse({ prompts: [{ text: "x".repeat(80) }] }).success).toBe(true);
    expect(parse({ prompts: [{ text: "营".repeat(80) }] }).success).toBe(true);
    expect(messagesOf(parse({ prompts: [{ text: "x".repeat(81) }] }))).toEqual([`prompts.0.text:${AV.promptLength}`]);
    expect(messagesOf(parse({ prompts: [{ text: "營".repeat(81) }] }))).toEqual([`prompts.0.text:${AV.promptLength}`]);
    // Surrounding spaces from a paste are not counted.
    expect(parse({ prompts: [{ text: `  ${"x".repeat(80)}  ` }] }).success).toBe(true);
  });
  it("refuses emoji, flags, keycaps and an empty text", () => {
    for (const text of ["Hi 😀", "Deals 🇸🇬", "Press 1️⃣", "❤ love"]) expect(messagesOf(parse({ prompts: [{ text }] })), text).toEqual([`prompts.0.text:${AV.emoji}`]);
    expect(messagesOf(parse({ prompts: [{ text: "   " }] }))).toEqual([`prompts.0.text:${AV.required}`]);
    expect(messagesOf(parse({ prompts: [{ text: "a\nb" }] }))).toEqual([`prompts.0.text:${AV.controlChars}`]);
  });
});

describe("commands", () => {
  const cmd = (name: string, description = "d") => ({ name, description });
  it("takes 30, refuses 31", () => {
    expect(parse({ commands: Array.from({ length: 30 }, (_, i) => cmd(`c${i}`)) }).success).toBe(true);
    expect(messagesOf(parse({ commands: Array.from({ length: 31 }, (_, i) => cmd(`c${i}`)) }))).toEqual([`commands:${AV.commandsMax}`]);
  });
  it("name: 32 characters yes, 33 no; one word; no emoji; each name once (case-insensitive)", () => {
    expect(parse({ commands: [cmd("n".repeat(32))] }).success).toBe(true);
    expect(messagesOf(parse({ commands: [cmd("n".repeat(33))] }))).toEqual([`commands.0.name:${AV.nameLength}`]);
    expect(messagesOf(parse({ commands: [cmd("two words")] }))).toEqual([`commands.0.name:${AV.nameFormat}`]);
    expect(messagesOf(parse({ commands: [cmd("/help")] }))).toEqual([`commands.0.name:${AV.nameFormat}`]);
    expect(messagesOf(parse({ commands: [cmd("🚀")] }))).toContain(`commands.0.name:${AV.emoji}`);
    expect(parse({ commands: [cmd("订单")] }).success).toBe(true);
    expect(messagesOf(parse({ commands: [cmd("help"), cmd("Help")] }))).toEqual([`commands.1.name:${AV.duplicate}`]);
  });
  it("description: 256 characters yes, 257 no; no emoji", () => {
    expect(parse({ commands: [cmd("a", "d".repeat(256))] }).success).toBe(true);
    expect(messagesOf(parse({ commands: [cmd("a", "d".repeat(257))] }))).toEqual([`commands.0.description:${AV.descriptionLength}`]);
    expect(messagesOf(parse({ commands: [cmd("a", "Fast 🚀")] }))).toEqual([`commands.0.description:${AV.emoji}`]);
  });
  it("the limits are WhatsApp's", () => {
    expect(LIMITS).toEqual({ prompts: 4, promptChars: 80, commands: 30, commandName: 32, commandDescription: 256 });
  });
  it("the wire input carries the whole state in order", () => {
    const r = automationFormSchema.parse({ ...base, prompts: [{ text: " b " }, { text: "a" }], commands: [cmd("help", "Help me")] });
    expect(automationWireInput(r.phoneNumber, r)).toEqual({
      phoneNumber: "8613800000011",
      enableWelcomeMessage: true,
      prompts: ["b", "a"],
      commands: [{ commandName: "help", commandDescription: "Help me" }],
    });
  });
});

describe("message log filters", () => {
  it("empty values mean no filter; the days become epoch ms of UTC day bounds", () => {
    const f = messageFilterSchema.parse({ direction: "", status: "", template: "", user: "", from: "2026-11-01", to: "2026-11-02" });
    expect(filterParams(f)).toEqual({
      eventAction: undefined, messageStatus: undefined, templateCode: undefined, userNumber: undefined,
      startTime: Date.UTC(2026, 10, 1), endTime: Date.UTC(2026, 10, 2, 23, 59, 59, 999),
    });
  });
  it("refuses bad values field by field", () => {
    const r = messageFilterSchema.safeParse({ direction: "SIDEWAYS", user: "+44 7700", from: "2026-02-30", template: "a b" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({ direction: MV.direction, user: MV.user, from: MV.date, template: MV.template });
    expect(messageFilterSchema.safeParse({ from: "2026-11-03", to: "2026-11-02" }).error?.issues[0]).toMatchObject({ path: ["to"], message: MV.range });
  });
  it("a page is a positive integer (default 1)", () => {
    expect(messagePageQuerySchema.parse({}).page).toBe(1);
    expect(messagePageQuerySchema.parse({ page: "3" }).page).toBe(3);
    for (const page of ["0", "-1", "1.5", "x"]) expect(messagePageQuerySchema.safeParse({ page }).success, page).toBe(false);
  });
  it("finds the WhatsApp code of a failure reason in its usual spellings", () => {
    expect(failCodeOf("131047:Re-engagement message")).toBe("131047");
    expect(failCodeOf("(#131026) Message undeliverable")).toBe("131026");
    expect(failCodeOf("470")).toBe("470");
    expect(failCodeOf("999999: something new")).toBeNull();
    expect(failCodeOf("Timeout")).toBeNull();
    expect(failCodeOf(null)).toBeNull();
  });
});
