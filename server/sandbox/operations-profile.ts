import "server-only";
import { createHash } from "node:crypto";
import { HEALTH_NODE_TYPES, PROFILE_LIMITS, VERTICALS, type OperationName } from "@/lib/cams/operations";
import { business } from "./errors";
import type { Handler } from "./operations";
import { issueUploadCredential, ossObjectExists } from "./oss";
import type { BusinessProfile, PhoneRecord, SandboxState } from "./state";
import { codePoints, locate, ownedSpace, requireVerified, spacesInScope } from "./validate";

/** ModifyPhoneBusinessProfile, GetChatappUploadAuthorization and GetWhatsappHealthStatus, as CAMS answers them. */

const ADD = { AccessDeniedDetail: "" };
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function httpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
}

function limited(name: string, value: string | undefined, max: number, min = 0): string | undefined {
  if (value === undefined) return undefined;
  const n = codePoints(value);
  if (n < min || n > max) {
    throw business(`InvalidParameter.${name}`, `${name} must be ${min ? `${min}-` : "at most "}${max} characters (got ${n}).`);
  }
  return value;
}

/** Websites arrives as one JSON-encoded string: `["https://a.example"]`. */
function websites(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    throw business("InvalidParameter.Websites", `Websites must be a JSON array of URLs: ${value.slice(0, 80)}`);
  }
  if (!Array.isArray(list) || !list.every((w) => typeof w === "string")) {
    throw business("InvalidParameter.Websites", "Websites must be a JSON array of URL strings.");
  }
  if (list.length > PROFILE_LIMITS.websites) throw business("InvalidParameter.Websites", `At most ${PROFILE_LIMITS.websites} websites (got ${list.length}).`);
  for (const w of list) {
    if (codePoints(w) > PROFILE_LIMITS.website || !httpUrl(w)) {
      throw business("InvalidParameter.Websites", `Each website must be an http(s) URL of at most ${PROFILE_LIMITS.website} characters: ${w.slice(0, 80)}`);
    }
  }
  return list as string[];
}

const modifyProfile: Handler = (ctx) => {
  const p = ctx.params;
  const loc = locate(ctx);
  requireVerified(loc);
  const next: Partial<BusinessProfile> = {};
  const about = limited("About", p.About, PROFILE_LIMITS.about, 1);
  if (about !== undefined) next.About = about;
  const address = limited("Address", p.Address, PROFILE_LIMITS.address);
  if (address !== undefined) next.Address = address;
  const description = limited("Description", p.Description, PROFILE_LIMITS.description);
  if (description !== undefined) next.Description = description;
  const email = limited("Email", p.Email, PROFILE_LIMITS.email);
  if (email) {
    if (!EMAIL_RE.test(email)) throw business("InvalidParameter.Email", `Email is not a valid e-mail address: ${email}`);
  }
  if (email !== undefined) next.Email = email;
  if (p.Vertical !== undefined) {
    const cur = loc.rec.profile.Vertical;
    if (p.Vertical === "") {
      if (cur && cur !== "UNDEFINED") throw business("InvalidParameter.Vertical", "Vertical cannot be emptied once it is set.");
    } else if (!(VERTICALS as readonly string[]).includes(p.Vertical)) {
      throw business("InvalidParameter.Vertical", `Vertical must be one of ${VERTICALS.join(", ")}: ${p.Vertical}`);
    } else next.Vertical = p.Vertical;
  }
  if (p.ProfilePictureUrl !== undefined && p.ProfilePictureUrl !== "") {
    if (p.ProfilePictureUrl.length > 2048 || !httpUrl(p.ProfilePictureUrl)) {
      throw business("InvalidParameter.ProfilePictureUrl", "ProfilePictureUrl must be an http(s) URL.");
    }
    // A picture on this sandbox's OSS must have been uploaded.
    if (p.ProfilePictureUrl.startsWith(`${ctx.baseUrl}/`) && !ossObjectExists(ctx.state, new URL(p.ProfilePictureUrl).pathname)) {
      throw business("InvalidParameter.ProfilePictureUrl", "ProfilePictureUrl names no uploaded object.");
    }
    next.ProfilePictureUrl = p.ProfilePictureUrl;
  }
  const sites = websites(p.Websites);
  if (sites) next.Websites = sites;
  Object.assign(loc.rec.profile, next);
  return { ...ADD, Success: true };
};

const uploadAuthorization: Handler = (ctx) => {
  const space = ownedSpace(ctx, ctx.params.CustSpaceId);
  const cred = issueUploadCredential(ctx.state, space.id, ctx.now);
  return {
    ...ADD,
    Success: true,
    Data: {
      AccessKeyId: cred.accessKeyId,
      AccessKeySecret: cred.accessKeySecret,
      SecurityToken: cred.securityToken,
      BucketName: cred.bucket,
      Dir: cred.dir,
      EndPoint: ctx.baseUrl,
      Expire: cred.expireSeconds,
    },
  };
};

// ---- health ----

export const HEALTH_STATES = ["AVAILABLE", "LIMITED", "BLOCKED"] as const;
export type HealthState = (typeof HEALTH_STATES)[number];
export interface HealthError {
  ErrorCode: string;
  ErrorDescription: string;
  PossibleSolution: string;
}
export interface HealthEntity {
  EntityType: string;
  CanSendMessage: HealthState;
  Errors: HealthError[];
}

const ERRORS: Record<"LIMITED" | "BLOCKED", { entity: string; error: HealthError }> = {
  LIMITED: {
    entity: "BUSINESS",
    error: {
      ErrorCode: "141010",
      ErrorDescription: "The business has not passed business verification, so the number's messaging is limited.",
      PossibleSolution: "Start or finish business verification in Meta Business Suite (Security Center).",
    },
  },
  BLOCKED: {
    entity: "WABA",
    error: {
      ErrorCode: "141006",
      ErrorDescription: "The WhatsApp Business Account has no valid payment method.",
      PossibleSolution: "Add a valid payment method to the WhatsApp Business Account in WhatsApp Manager.",
    },
  },
};

const overrides = new WeakMap<PhoneRecord, HealthEntity[]>();

/** The seeded mix: restricted or banned numbers are BLOCKED, flagged or rate-limited ones LIMITED. */
function defaultState(rec: PhoneRecord): HealthState {
  if (rec.codeVerificationStatus !== "VERIFIED") return "BLOCKED";
  if (/BANNED|RESTRICTED/i.test(rec.status)) return "BLOCKED";
  if (/FLAGGED|RATE_LIMITED/i.test(rec.status)) return "LIMITED";
  return "AVAILABLE";
}

export function entitiesFor(state: HealthState): HealthEntity[] {
  const base = ["PHONE_NUMBER", "WABA", "BUSINESS", "APP"].map((EntityType): HealthEntity => ({ EntityType, CanSendMessage: "AVAILABLE", Errors: [] }));
  if (state === "AVAILABLE") return base;
  const { entity, error } = ERRORS[state];
  for (const e of base) {
    if (e.EntityType === entity || e.EntityType === "PHONE_NUMBER") e.CanSendMessage = state;
    if (e.EntityType === entity) e.Errors.push({ ...error });
  }
  return base;
}

const RANK: Record<HealthState, number> = { AVAILABLE: 0, LIMITED: 1, BLOCKED: 2 };
const worst = (entities: HealthEntity[]): HealthState =>
  entities.reduce<HealthState>((w, e) => (RANK[e.CanSendMessage] > RANK[w] ? e.CanSendMessage : w), "AVAILABLE");

export function healthOf(rec: PhoneRecord): HealthEntity[] {
  return overrides.get(rec) ?? entitiesFor(defaultState(rec));
}

/** Control API: set (or with null, reset) a number's health. */
export function setHealth(rec: PhoneRecord, entities: HealthEntity[] | null): void {
  if (entities) overrides.set(rec, entities);
  else overrides.delete(rec);
}

const healthStatus: Handler = (ctx) => {
  const nodeType = ctx.params.NodeType ?? "";
  if (!(HEALTH_NODE_TYPES as readonly string[]).includes(nodeType)) {
    throw business("InvalidParameter.NodeType", `NodeType must be one of ${HEALTH_NODE_TYPES.join(", ")}: ${nodeType}`);
  }
  let entities: HealthEntity[];
  if (nodeType === "phone") {
    if (!ctx.params.PhoneNumber) throw business("InvalidParameter.PhoneNumber", "PhoneNumber is mandatory when NodeType is phone.");
    const { rec } = locate(ctx);
    entities = healthOf(rec).map((e) => ({ ...e, ...(e.EntityType === "PHONE_NUMBER" ? { PhoneNumber: rec.phoneNumber } : {}) }));
  } else {
    const [space] = spacesInScope(ctx);
    if (nodeType === "template" && !ctx.params.TemplateCode) {
      throw business("InvalidParameter.TemplateCode", "TemplateCode is mandatory when NodeType is template.");
    }
    const wabaId = createHash("sha256").update(space.id).digest("hex").replace(/\D/g, "").slice(0, 15).padEnd(15, "1");
    entities = [{ EntityType: "WABA", CanSendMessage: "AVAILABLE", Errors: [], ...{ WabaId: wabaId } }];
    if (nodeType === "template") entities.push({ EntityType: "MESSAGE_TEMPLATE", CanSendMessage: "AVAILABLE", Errors: [], ...{ TemplateCode: ctx.params.TemplateCode } });
  }
  return { ...ADD, Success: true, Data: { CanSendMessage: worst(entities), Entities: entities } };
};

export const profileHandlers = {
  ModifyPhoneBusinessProfile: modifyProfile,
  GetChatappUploadAuthorization: uploadAuthorization,
  GetWhatsappHealthStatus: healthStatus,
} satisfies Partial<Record<OperationName, Handler>>;

type Json = Record<string, unknown>;

function entitiesFromJson(v: unknown): HealthEntity[] | null {
  if (!Array.isArray(v)) return null;
  const out: HealthEntity[] = [];
  for (const e of v as Json[]) {
    const state = e?.CanSendMessage as HealthState;
    if (typeof e?.EntityType !== "string" || !HEALTH_STATES.includes(state) || (e.Errors !== undefined && !Array.isArray(e.Errors))) return null;
    const errors = ((e.Errors as Json[] | undefined) ?? []).map((x) => ({
      ErrorCode: String(x?.ErrorCode ?? ""),
      ErrorDescription: String(x?.ErrorDescription ?? ""),
      PossibleSolution: String(x?.PossibleSolution ?? ""),
    }));
    out.push({ EntityType: e.EntityType, CanSendMessage: state, Errors: errors });
  }
  return out;
}

/**
 * Control API /_sandbox/numbers/<phone>/health: GET the number's health, PUT
 * `{canSendMessage: "LIMITED"}` (the standard entities and errors for that state) or
 * `{entities: [{EntityType, CanSendMessage, Errors: [{ErrorCode, ErrorDescription, PossibleSolution}]}]}`,
 * DELETE to go back to the seeded value.
 */
export function healthControl(state: SandboxState, method: string, phone: string, body: Json): [number, unknown] {
  const loc = state.findNumber(phone);
  if (!loc) return [404, { error: `No number ${phone}.` }];
  if (method === "PUT") {
    const preset = body.canSendMessage as HealthState;
    const entities = body.entities !== undefined ? entitiesFromJson(body.entities) : HEALTH_STATES.includes(preset) ? entitiesFor(preset) : null;
    if (!entities) return [400, { error: "Give canSendMessage (AVAILABLE, LIMITED, BLOCKED) or entities [{EntityType, CanSendMessage, Errors}]." }];
    setHealth(loc.rec, entities);
  } else if (method === "DELETE") setHealth(loc.rec, null);
  else if (method !== "GET") return [405, { error: `${method} is not allowed here.` }];
  const entities = healthOf(loc.rec);
  return [200, { canSendMessage: worst(entities), entities }];
}
