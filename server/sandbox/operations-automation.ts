import "server-only";
import { createHash } from "node:crypto";
import { AUTOMATION_LIMITS, EMOJI_RE, EVENT_ACTIONS, MESSAGE_PAGE_MAX, type OperationName } from "@/lib/cams/operations";
import { business } from "./errors";
import type { Handler } from "./operations";
import type { PhoneRecord, SandboxState } from "./state";
import { codePoints, fullPhone, locate, requireVerified } from "./validate";

/**
 * Conversational automation (GetConversationalAutomation / UpdateConversationalAutomation) and the
 * message log (ListChatappMessage). Their state hangs off each number record (a WeakMap, so a
 * reset's fresh records start clean); demo numbers get a deterministic message history on first read.
 */

export interface Automation {
  enableWelcomeMessage: boolean;
  prompts: string[];
  commands: { CommandName: string; CommandDescription: string }[];
}

export interface SandboxMessage {
  MessageId: string;
  ConversationId: string;
  UserNumber: string;
  EventAction: "UP" | "DOWN";
  MessageType: string;
  Message: string;
  TemplateCode: string;
  TemplateName: string;
  MessageStatus: string;
  ClientReadStatus: string;
  FailReason: string;
  FailBackFlag: string;
  /** Epoch milliseconds. */
  SendTime: number;
}

const automations = new WeakMap<PhoneRecord, Automation>();
const messages = new WeakMap<PhoneRecord, SandboxMessage[]>();
/** Demo numbers whose history is made on first read (relative to that read's clock). */
const demoSeeds = new WeakMap<PhoneRecord, number>();

export function automationOf(rec: PhoneRecord): Automation {
  let a = automations.get(rec);
  if (!a) automations.set(rec, (a = { enableWelcomeMessage: false, prompts: [], commands: [] }));
  return a;
}

const hashInt = (s: string) => createHash("sha256").update(s).digest().readUInt32BE(0);

/** Called by the demo seed for each of its numbers. */
export function seedDemoMessages(rec: PhoneRecord, g: number): void {
  demoSeeds.set(rec, g);
  if (g % 4 === 1) {
    automations.set(rec, {
      enableWelcomeMessage: true,
      prompts: ["Where is my order?", "Opening hours", "Talk to a person"],
      commands: [{ CommandName: "help", CommandDescription: "What this number can do" }],
    });
  }
}

const TEMPLATES = [
  ["order_update", "Order update"],
  ["appointment_reminder", "Appointment reminder"],
  ["promo_dec", "December offer"],
] as const;
const FAILS = [
  "131047:Re-engagement message: more than 24 hours have passed since the customer last replied.",
  "131026:Message undeliverable.",
  "131051:Unsupported message type.",
  "130472:User's number is part of an experiment.",
  "131049:This message was not delivered to maintain healthy ecosystem engagement.",
];
const UP_TEXTS = ["Hi, is my parcel on its way?", "你好，请问营业时间？", "Can I change my booking?", "Thanks!", "STOP"];

function makeDemoHistory(rec: PhoneRecord, g: number, now: number): SandboxMessage[] {
  const out: SandboxMessage[] = [];
  const count = 24 + (g % 5) * 6;
  for (let i = 0; i < count; i++) {
    const r = hashInt(`${rec.phoneNumber}/${i}`);
    const user = `447700900${100 + (r % 7)}`;
    const up = r % 3 === 0;
    const t = TEMPLATES[r % TEMPLATES.length];
    const status = up ? "received" : ["sent", "delivered", "read", "read", "failed", "delivered"][r % 6];
    out.push({
      MessageId: `msg-${hashInt(`${rec.phoneNumber}#${i}`).toString(16).padStart(8, "0")}${i}`,
      ConversationId: `conv-${(r % 9_999).toString().padStart(4, "0")}`,
      UserNumber: user,
      EventAction: up ? "UP" : "DOWN",
      MessageType: up ? "TEXT" : "TEMPLATE",
      Message: up ? UP_TEXTS[r % UP_TEXTS.length] : `{"name":"${t[0]}"}`,
      TemplateCode: up ? "" : t[0],
      TemplateName: up ? "" : t[1],
      MessageStatus: status,
      ClientReadStatus: status === "read" ? "read" : "unread",
      FailReason: status === "failed" ? FAILS[r % FAILS.length] : "",
      FailBackFlag: "N",
      SendTime: now - (i * 5 + (r % 5)) * 3_600_000 - (r % 3_600_000),
    });
  }
  return out;
}

export function messagesOf(rec: PhoneRecord, now: number): SandboxMessage[] {
  let list = messages.get(rec);
  if (!list) {
    const g = demoSeeds.get(rec);
    messages.set(rec, (list = g === undefined ? [] : makeDemoHistory(rec, g, now)));
  }
  return list;
}

// ---- the operations ----

function jsonParam(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw business(`InvalidParameter.${name}`, `${name} must be a JSON array: ${raw.slice(0, 64)}`);
  }
}

function checkText(param: string, what: string, v: unknown, max: number): string {
  if (typeof v !== "string") throw business(`InvalidParameter.${param}`, `Each ${what} must be a string.`);
  const n = codePoints(v);
  if (n < 1 || n > max) throw business(`InvalidParameter.${param}`, `Each ${what} must be 1-${max} characters (got ${n}).`);
  if (EMOJI_RE.test(v)) throw business(`InvalidParameter.${param}`, `${what} must not contain emoji.`);
  return v;
}

function parsePrompts(raw: string): string[] {
  const v = jsonParam("Prompts", raw);
  if (!Array.isArray(v)) throw business("InvalidParameter.Prompts", "Prompts must be a JSON array of strings.");
  if (v.length > AUTOMATION_LIMITS.prompts) {
    throw business("InvalidParameter.Prompts", `At most ${AUTOMATION_LIMITS.prompts} ice breakers (Prompts) are allowed (got ${v.length}).`);
  }
  return v.map((p) => checkText("Prompts", "prompt", p, AUTOMATION_LIMITS.promptChars));
}

function parseCommands(raw: string): Automation["commands"] {
  const v = jsonParam("Commands", raw);
  if (!Array.isArray(v)) throw business("InvalidParameter.Commands", "Commands must be a JSON array of {CommandName, CommandDescription}.");
  if (v.length > AUTOMATION_LIMITS.commands) {
    throw business("InvalidParameter.Commands", `At most ${AUTOMATION_LIMITS.commands} commands are allowed (got ${v.length}).`);
  }
  const seen = new Set<string>();
  return v.map((c: unknown) => {
    if (!c || typeof c !== "object" || Array.isArray(c)) {
      throw business("InvalidParameter.Commands", "Each command must be an object {CommandName, CommandDescription}.");
    }
    const o = c as Record<string, unknown>;
    const name = checkText("Commands", "CommandName", o.CommandName, AUTOMATION_LIMITS.commandName);
    const description = checkText("Commands", "CommandDescription", o.CommandDescription, AUTOMATION_LIMITS.commandDescription);
    if (seen.has(name)) throw business("InvalidParameter.Commands", `CommandName ${name} is given twice.`);
    seen.add(name);
    return { CommandName: name, CommandDescription: description };
  });
}

function parseBool(raw: string): boolean {
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw business("InvalidParameter.EnableWelcomeMessage", `EnableWelcomeMessage must be true or false: ${raw}`);
}

const getAutomation: Handler = (ctx) => {
  const loc = locate(ctx);
  requireVerified(loc);
  const a = automationOf(loc.rec);
  return {
    Success: true,
    Data: {
      PhoneNumber: loc.rec.phoneNumber,
      EnableWelcomeMessage: a.enableWelcomeMessage,
      Prompts: [...a.prompts],
      Commands: a.commands.map((c) => ({ ...c })),
    },
  };
};

const updateAutomation: Handler = (ctx) => {
  const { EnableWelcomeMessage, Prompts, Commands } = ctx.params;
  // Everything is checked before anything is changed: a refused call leaves the state as it was.
  const welcome = EnableWelcomeMessage === undefined ? undefined : parseBool(EnableWelcomeMessage);
  const prompts = Prompts === undefined ? undefined : parsePrompts(Prompts);
  const commands = Commands === undefined ? undefined : parseCommands(Commands);
  const loc = locate(ctx);
  requireVerified(loc);
  const a = automationOf(loc.rec);
  if (welcome !== undefined) a.enableWelcomeMessage = welcome;
  if (prompts) a.prompts = prompts;
  if (commands) a.commands = commands;
  return { Success: true };
};

function epoch(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d{1,16}$/.test(raw)) throw business("InvalidParameter.TimeRange", `${name} must be epoch milliseconds: ${raw}`);
  return Number(raw);
}

function parsePage(raw: string): { index: number; size: number } {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw business("InvalidParameter.Page", `Page must be a JSON object {"Index":1,"Size":20}: ${raw.slice(0, 64)}`);
  }
  const o = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
  const index = Number(o.Index);
  const size = Number(o.Size);
  if (!Number.isInteger(index) || index < 1 || !Number.isInteger(size) || size < 1 || size > MESSAGE_PAGE_MAX) {
    throw business("InvalidParameter.Page", `Page needs an integer Index from 1 and a Size of 1-${MESSAGE_PAGE_MAX}.`);
  }
  return { index, size };
}

const listMessages: Handler = (ctx) => {
  const p = ctx.params;
  if (p.ChannelType !== "whatsapp") throw business("InvalidParameter.ChannelType", `ChannelType must be whatsapp: ${p.ChannelType}`);
  const page = parsePage(p.Page ?? "");
  const start = epoch("StartTime", p.StartTime);
  const end = epoch("EndTime", p.EndTime);
  if (start !== undefined && end !== undefined && end < start) throw business("InvalidParameter.TimeRange", "EndTime must not be earlier than StartTime.");
  if (p.EventAction && !(EVENT_ACTIONS as readonly string[]).includes(p.EventAction)) {
    throw business("InvalidParameter.EventAction", `EventAction must be UP or DOWN: ${p.EventAction}`);
  }
  const loc = locate({ ...ctx, params: { ...p, PhoneNumber: p.BusinessNumber } });
  const status = p.MessageStatus?.toLowerCase();
  const rows = messagesOf(loc.rec, ctx.now)
    .filter(
      (m) =>
        (start === undefined || m.SendTime >= start) &&
        (end === undefined || m.SendTime <= end) &&
        (!p.EventAction || m.EventAction === p.EventAction) &&
        (!p.UserNumber || m.UserNumber === p.UserNumber) &&
        (!p.TemplateCode || m.TemplateCode === p.TemplateCode) &&
        (!status || m.MessageStatus.toLowerCase() === status),
    )
    .sort((a, b) => b.SendTime - a.SendTime || a.MessageId.localeCompare(b.MessageId));
  const slice = rows.slice((page.index - 1) * page.size, page.index * page.size);
  return {
    Success: true,
    Data: slice.map((m) => ({ ...m, BusinessNumber: loc.rec.phoneNumber, ChannelType: "whatsapp", EventActionName: m.EventAction === "UP" ? "上行" : "下行" })),
  };
};

export const automationHandlers: Record<Extract<OperationName, `${string}ConversationalAutomation` | "ListChatappMessage">, Handler> = {
  GetConversationalAutomation: getAutomation,
  UpdateConversationalAutomation: updateAutomation,
  ListChatappMessage: listMessages,
};

// ---- control API: POST /_sandbox/numbers/<phone>/messages, GET /_sandbox/numbers/<phone>/automation ----

let counter = 0;
const str = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);

/** Adds messages to a number's log as if they had been sent or received; answers [status, body]. */
export function addMessagesControl(state: SandboxState, phone: string, body: Record<string, unknown>, now: number): [number, unknown] {
  const loc = state.findNumber(phone);
  if (!loc) return [404, { error: `No number ${phone}.` }];
  const list = Array.isArray(body.messages) ? (body.messages as unknown[]) : [body];
  const added: SandboxMessage[] = [];
  for (const raw of list) {
    const m = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const eventAction = m.eventAction === "UP" ? "UP" : "DOWN";
    const userNumber = str(m.userNumber);
    try {
      fullPhone(userNumber);
    } catch {
      return [400, { error: "userNumber must be a full number, digits only." }];
    }
    const sendTime = typeof m.sendTime === "number" && Number.isFinite(m.sendTime) ? m.sendTime : now;
    const status = str(m.messageStatus, eventAction === "UP" ? "received" : "sent");
    added.push({
      MessageId: str(m.messageId, `msg-ctl-${now.toString(36)}-${++counter}`),
      ConversationId: str(m.conversationId, `conv-ctl-${counter}`),
      UserNumber: userNumber,
      EventAction: eventAction,
      MessageType: str(m.messageType, m.templateCode ? "TEMPLATE" : "TEXT"),
      Message: str(m.message),
      TemplateCode: str(m.templateCode),
      TemplateName: str(m.templateName),
      MessageStatus: status,
      ClientReadStatus: status === "read" ? "read" : "unread",
      FailReason: str(m.failReason),
      FailBackFlag: "N",
      SendTime: sendTime,
    });
  }
  messagesOf(loc.rec, now).push(...added);
  return [201, { added: added.map((m) => m.MessageId) }];
}

/** The number's automation exactly as the sandbox decoded it from the wire. */
export function automationControl(state: SandboxState, phone: string): [number, unknown] {
  const loc = state.findNumber(phone);
  if (!loc) return [404, { error: `No number ${phone}.` }];
  return [200, automationOf(loc.rec)];
}
