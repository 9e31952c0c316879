import "server-only";
import { randomInt } from "node:crypto";
import { VERIFY_LOCALES, VERIFY_METHODS, type OperationName } from "@/lib/cams/operations";
import { business } from "./errors";
import { assetHandlers } from "./operations-assets";
import { profileHandlers } from "./operations-profile";
import { automationHandlers } from "./operations-automation";
import { MAX_WRONG_CODES, newPhoneRecord, queueNames, VERIFY_CODE_TTL_MS, type Located, type PhoneRecord } from "./state";
import {
  callbackUrl, codePoints, digitsOnly, locate, ownedSpace, requireVerified, spacesInScope, yesNo, type OpContext,
} from "./validate";

/** Handlers return the response fields after RequestId/Code/Message; they throw ApiError to refuse. */
export type Handler = (ctx: OpContext) => Record<string, unknown>;

const ADD = { AccessDeniedDetail: "" };
const WEEK_MS = 7 * 24 * 3600 * 1000;
const MAX_REGISTRATIONS_PER_WEEK = 10;

function phoneRow(r: PhoneRecord) {
  return {
    PhoneNumber: r.phoneNumber,
    VerifiedName: r.verifiedName,
    Status: r.status,
    QualityRating: r.qualityRating,
    MessagingLimitTier: r.messagingLimitTier,
    CodeVerificationStatus: r.codeVerificationStatus,
    NameStatus: r.nameStatus,
    NewNameStatus: r.newNameStatus,
    StatusCallbackUrl: r.statusCallbackUrl,
    UpCallbackUrl: r.upCallbackUrl,
    StatusQueue: r.statusQueue,
    UpQueue: r.upQueue,
    IsOfficial: "N",
  };
}

const EMOJI_RE = /\p{Extended_Pictographic}/u;

const addNumber: Handler = (ctx) => {
  const { Cc = "", PhoneNumber = "", VerifiedName = "" } = ctx.params;
  digitsOnly("Cc", Cc);
  digitsOnly("PhoneNumber", PhoneNumber);
  if (!/^[1-9]\d{0,2}$/.test(Cc)) throw business("InvalidParameter.PhoneNumberError", `Cc must be a country code of 1-3 digits: ${Cc}`);
  const full = Cc + PhoneNumber;
  if (full.length < 8 || full.length > 15) {
    throw business(
      "InvalidParameter.PhoneNumberError",
      `PhoneNumber must be the national number without the country code; Cc + PhoneNumber must have 8-15 digits (got ${full.length}).`,
    );
  }
  const n = codePoints(VerifiedName.trim());
  if (n < 1 || n > 255 || EMOJI_RE.test(VerifiedName)) {
    throw business("InvalidParameter.VerifiedName", "VerifiedName must be 1-255 characters without emoji.");
  }
  const space = ownedSpace(ctx, ctx.params.CustSpaceId);
  if (ctx.state.findNumber(full)) {
    throw business("InvalidParameter.PhoneNumberExists", `The phone number ${full} has already been added to a WABA.`);
  }
  ctx.state.addNumber(space, newPhoneRecord(full, VerifiedName.trim(), ctx.state.newPhoneId()));
  return { ...ADD, Success: true };
};

const queryNumbers: Handler = (ctx) => {
  const status = ctx.params.Status;
  const rows = spacesInScope(ctx).flatMap((s) => [...s.numbers.values()]);
  const matches = (r: PhoneRecord) =>
    !status || r.status === status || (status === "VERIFIED" && r.codeVerificationStatus === "VERIFIED");
  return { ...ADD, Success: true, PhoneNumbers: rows.filter(matches).map(phoneRow) };
};

const getVerifyCode: Handler = (ctx) => {
  const method = (ctx.params.Method ?? "").toUpperCase();
  if (!(VERIFY_METHODS as readonly string[]).includes(method)) {
    throw business("InvalidParameter.Method", `Method must be SMS or VOICE: ${ctx.params.Method}`);
  }
  if (!(VERIFY_LOCALES as readonly string[]).includes(ctx.params.Locale ?? "")) {
    throw business("InvalidParameter.Locale", `Locale must be zh_CN or en_US: ${ctx.params.Locale}`);
  }
  const { rec } = locate(ctx);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  rec.pendingCode = { code, expiresAt: ctx.now + VERIFY_CODE_TTL_MS, wrongAttempts: 0 };
  return { ...ADD };
};

const verifyAndRegister: Handler = (ctx) => {
  const given = ctx.params.VerifyCode ?? "";
  if (!/^\d{6}$/.test(given)) throw business("InvalidParameter.VerifyCode", "VerifyCode must be 6 digits.");
  const { rec } = locate(ctx);
  const p = rec.pendingCode;
  if (!p || p.expiresAt <= ctx.now || p.wrongAttempts >= MAX_WRONG_CODES) {
    throw business(
      "InvalidParameter.VerifyCodeExpired",
      "No valid verification code: it expired, was never requested or had too many wrong attempts. Request a new one with GetChatappVerifyCode.",
    );
  }
  if (p.code !== given) {
    p.wrongAttempts++;
    const left = MAX_WRONG_CODES - p.wrongAttempts;
    throw business(
      "InvalidParameter.VerifyCode",
      left > 0 ? `The verification code is incorrect. ${left} attempt(s) left.` : "The verification code is incorrect. No attempts left: request a new code.",
    );
  }
  rec.pendingCode = undefined;
  rec.codeVerificationStatus = "VERIFIED";
  rec.status = "CONNECTED";
  rec.registrations.push(ctx.now);
  return { ...ADD };
};

function weeklyLimit(times: number[], now: number, what: string): void {
  const recent = times.filter((t) => now - t < WEEK_MS);
  times.splice(0, times.length, ...recent);
  if (recent.length >= MAX_REGISTRATIONS_PER_WEEK) {
    throw business(
      "InvalidOperation.RegistrationLimit",
      `At most ${MAX_REGISTRATIONS_PER_WEEK} ${what}s per number per week (WhatsApp error 133016). Try again later.`,
    );
  }
  times.push(now);
}

const register: Handler = (ctx) => {
  const loc = locate(ctx);
  requireVerified(loc);
  weeklyLimit(loc.rec.registrations, ctx.now, "registration");
  loc.rec.status = "CONNECTED";
  return { ...ADD };
};

const deregister: Handler = (ctx) => {
  const loc = locate(ctx);
  requireVerified(loc);
  weeklyLimit(loc.rec.deregistrations, ctx.now, "deregistration");
  loc.rec.status = "DISCONNECTED";
  return { ...ADD };
};

const verificationStatus: Handler = (ctx) => {
  const { rec } = locate(ctx);
  return { Data: { PhoneNumber: rec.phoneNumber, Id: rec.id, CodeVerificationStatus: rec.codeVerificationStatus } };
};

function applyWebhook(ctx: OpContext, { space, rec }: Located): void {
  const httpFlag = yesNo("HttpFlag", ctx.params.HttpFlag);
  const queueFlag = yesNo("QueueFlag", ctx.params.QueueFlag);
  const status = callbackUrl("StatusCallbackUrl", ctx.params.StatusCallbackUrl);
  const up = callbackUrl("UpCallbackUrl", ctx.params.UpCallbackUrl);
  const next = { status: rec.statusCallbackUrl, up: rec.upCallbackUrl };
  if (httpFlag === "N") {
    next.status = "";
    next.up = "";
  } else {
    next.status = status ?? next.status;
    next.up = up ?? next.up;
    if (httpFlag === "Y" && !next.status && !next.up) {
      throw business("InvalidParameter.CallbackUrl", "HttpFlag=Y needs StatusCallbackUrl or UpCallbackUrl.");
    }
  }
  rec.statusCallbackUrl = next.status;
  rec.upCallbackUrl = next.up;
  if (queueFlag) {
    const q = queueNames(space.id);
    rec.statusQueue = queueFlag === "Y" ? q.status : "";
    rec.upQueue = queueFlag === "Y" ? q.up : "";
  }
}

const updatePhoneWebhook: Handler = (ctx) => {
  applyWebhook(ctx, locate(ctx));
  return { ...ADD };
};

const updateAccountWebhook: Handler = (ctx) => {
  const httpFlag = yesNo("HttpFlag", ctx.params.HttpFlag);
  const queueFlag = yesNo("QueueFlag", ctx.params.QueueFlag);
  const url = callbackUrl("StatusCallbackUrl", ctx.params.StatusCallbackUrl);
  const space = ownedSpace(ctx, ctx.params.CustSpaceId);
  const prev = space.accountWebhook ?? { statusCallbackUrl: "", httpFlag: "N", queueFlag: "N" };
  const next = {
    statusCallbackUrl: httpFlag === "N" ? "" : (url ?? prev.statusCallbackUrl),
    httpFlag: httpFlag ?? (url ? "Y" : prev.httpFlag),
    queueFlag: queueFlag ?? prev.queueFlag,
  };
  if (next.httpFlag === "Y" && !next.statusCallbackUrl) {
    throw business("InvalidParameter.CallbackUrl", "HttpFlag=Y needs StatusCallbackUrl.");
  }
  space.accountWebhook = next;
  return { ...ADD };
};

const businessProfile: Handler = (ctx) => {
  const { rec } = locate(ctx);
  return { ...ADD, Data: { ...rec.profile, Websites: [...rec.profile.Websites] } };
};

export const HANDLERS: Record<OperationName, Handler> = {
  AddChatappPhoneNumber: addNumber,
  QueryChatappPhoneNumbers: queryNumbers,
  GetChatappVerifyCode: getVerifyCode,
  ChatappVerifyAndRegister: verifyAndRegister,
  ChatappPhoneNumberRegister: register,
  ChatappPhoneNumberDeregister: deregister,
  GetPhoneNumberVerificationStatus: verificationStatus,
  UpdatePhoneWebhook: updatePhoneWebhook,
  UpdateAccountWebhook: updateAccountWebhook,
  QueryPhoneBusinessProfile: businessProfile,
  ...assetHandlers,
  ...profileHandlers,
  ...automationHandlers,
};
