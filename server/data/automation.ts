import "server-only";
import type { ConversationalAutomation } from "@/lib/cams/wire";
import type { AutomationDto, AutomationResponse } from "@/lib/schemas/automation";
import { camsForSpace } from "@/server/cams/for-space";
import { getDb } from "@/server/db";
import { numberQrView } from "@/server/inventory/read";

/**
 * A number's conversational automation (GetConversationalAutomation, read live: the inventory does
 * not hold it) and its QR codes with a prefilled message (from the inventory), which hide the ice
 * breakers from whoever arrives through them. The caller has checked access and membership.
 */

export const toAutomationDto = (a: ConversationalAutomation): AutomationDto => ({
  enableWelcomeMessage: a.enableWelcomeMessage,
  prompts: a.prompts,
  commands: a.commands.map((c) => ({ name: c.commandName, description: c.commandDescription })),
});

export async function readAutomation(spaceId: string, phone: string): Promise<AutomationDto> {
  const { client } = await camsForSpace(getDb(), spaceId);
  return toAutomationDto((await client.getAutomation({ phoneNumber: phone })).data);
}

/** The number's QR codes that open the chat with a prefilled message; none when they cannot be read (the warning is advice). */
async function prefilledQrCodes(spaceId: string, phone: string): Promise<AutomationResponse["prefilledQrCodes"]> {
  try {
    const v = await numberQrView(getDb(), spaceId, phone);
    return v.codes
      .filter((q) => q.qrdlCode && q.prefilledMessage?.trim())
      .map((q) => ({ qrdlCode: q.qrdlCode!, prefilledMessage: q.prefilledMessage! }));
  } catch {
    return [];
  }
}

export async function getAutomation(spaceId: string, phone: string): Promise<AutomationResponse> {
  const [settings, prefilled] = await Promise.all([readAutomation(spaceId, phone), prefilledQrCodes(spaceId, phone)]);
  return { phoneNumber: phone, settings, prefilledQrCodes: prefilled, fetchedAt: new Date().toISOString() };
}
