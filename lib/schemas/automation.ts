import { z } from "zod";
import { AUTOMATION_LIMITS, EMOJI_RE } from "@/lib/cams/operations";
import { charCount } from "@/lib/text-length";
import { idField } from "./common";
import { fullPhoneField } from "./phone-numbers";

/**
 * The Automation tab of a number (Get/UpdateConversationalAutomation) and its bulk change: one
 * schema for the form and the action. Messages are translation keys (messages/<locale>/automation.json,
 * under automation.validation). Lengths count code points, as the sandbox does (lib/text-length.ts).
 */
export const AV = {
  required: "automation.validation.required",
  promptLength: "automation.validation.promptLength",
  promptsMax: "automation.validation.promptsMax",
  nameLength: "automation.validation.nameLength",
  nameFormat: "automation.validation.nameFormat",
  descriptionLength: "automation.validation.descriptionLength",
  commandsMax: "automation.validation.commandsMax",
  duplicate: "automation.validation.duplicate",
  emoji: "automation.validation.emoji",
  controlChars: "automation.validation.controlChars",
} as const;

export const LIMITS = AUTOMATION_LIMITS;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trimmed text of 1..max code points, without emoji or control characters. */
const limited = (max: number, lengthKey: string) =>
  z
    .string({ error: AV.required })
    .trim()
    .min(1, { error: AV.required })
    .refine((s) => charCount(s) <= max, { error: lengthKey })
    .refine((s) => !EMOJI_RE.test(s), { error: AV.emoji })
    .refine((s) => !CONTROL.test(s), { error: AV.controlChars });

export const promptField = limited(LIMITS.promptChars, AV.promptLength);
/** A command is typed after "/" in the chat: one word, letters, digits, "_" or "-". */
export const commandNameField = limited(LIMITS.commandName, AV.nameLength).refine((s) => /^[\p{L}\p{N}_-]+$/u.test(s), { error: AV.nameFormat });
export const commandDescriptionField = limited(LIMITS.commandDescription, AV.descriptionLength);

export const automationSettingsSchema = z.object({
  enableWelcomeMessage: z.boolean(),
  /** Objects (not strings) so react-hook-form's field array can key and reorder them. */
  prompts: z.array(z.object({ text: promptField })).max(LIMITS.prompts, { error: AV.promptsMax }),
  commands: z
    .array(z.object({ name: commandNameField, description: commandDescriptionField }))
    .max(LIMITS.commands, { error: AV.commandsMax })
    .superRefine((list, ctx) => {
      const seen = new Map<string, number>();
      list.forEach((c, i) => {
        const key = c.name.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "name"], message: AV.duplicate });
        else seen.set(key, i);
      });
    }),
});
export type AutomationSettings = z.output<typeof automationSettingsSchema>;
export type AutomationSettingsInput = z.input<typeof automationSettingsSchema>;

export const automationFormSchema = automationSettingsSchema.extend({ spaceId: idField, phoneNumber: fullPhoneField });
export type AutomationFormInput = z.input<typeof automationFormSchema>;

/** What the tab shows: CAMS's settings now, and the number's QR codes with a prefilled message. */
export interface AutomationDto {
  enableWelcomeMessage: boolean;
  prompts: string[];
  commands: { name: string; description: string }[];
}
export interface AutomationResponse {
  phoneNumber: string;
  settings: AutomationDto;
  /** QR codes (from the inventory) whose prefilled message hides the ice breakers from those who scan them. */
  prefilledQrCodes: { qrdlCode: string; prefilledMessage: string }[];
  fetchedAt: string;
}

/** The form's values from what CAMS holds. */
export const formValuesOf = (s: AutomationDto): AutomationSettings => ({
  enableWelcomeMessage: s.enableWelcomeMessage,
  prompts: s.prompts.map((text) => ({ text })),
  commands: s.commands.map((c) => ({ name: c.name, description: c.description })),
});

/** The wire input of one number's automation: the whole state, so a repeat gives the same result. */
export const automationWireInput = (phoneNumber: string, s: AutomationSettings) => ({
  phoneNumber,
  enableWelcomeMessage: s.enableWelcomeMessage,
  prompts: s.prompts.map((p) => p.text),
  commands: s.commands.map((c) => ({ commandName: c.name, commandDescription: c.description })),
});
