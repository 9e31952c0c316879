import "server-only";
import { z } from "zod";
import { automationSchema, chatMessageSchema, listMessagesInput, phoneInput, updateAutomationInput } from "@/lib/cams/wire";
import { defineOperation, noData } from "./define";

const messageList = z.array(chatMessageSchema);

/**
 * Conversational automation (welcome message, ice breakers, commands) and the message log. SDK
 * 1.4.2 has none of them: they go through the same client's callApi (`via: "rpc"`), signed as
 * the SDK signs; arrays and the page travel as JSON strings (define.ts rpcQuery).
 */
export const automationOperations = {
  /** GetConversationalAutomation (5 QPS). */
  getAutomation: defineOperation({
    name: "GetConversationalAutomation",
    via: "rpc",
    input: phoneInput,
    share: true,
    parse: (b) => automationSchema.parse(b.data ?? {}),
  }),
  /** UpdateConversationalAutomation (5 QPS): the welcome switch, Prompts and Commands as given. */
  updateAutomation: defineOperation({ name: "UpdateConversationalAutomation", via: "rpc", input: updateAutomationInput, parse: noData }),
  /** ListChatappMessage (5 QPS assumed). No total: a page shorter than its size is the last. */
  listMessages: defineOperation({
    name: "ListChatappMessage",
    via: "rpc",
    input: listMessagesInput,
    phone: (i) => i.businessNumber,
    parse: (b) => messageList.parse(b.data ?? []),
  }),
};
