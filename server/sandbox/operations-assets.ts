import "server-only";
import { createHash, createPublicKey, randomInt, type KeyObject } from "node:crypto";
import { deepLinkFor, GENERATE_QR_IMAGE, GRANULARITIES, type OperationName } from "@/lib/cams/operations";
import { business } from "./errors";
import type { Handler } from "./operations";
import { MAX_QR_PER_NUMBER, type Located, type PhoneRecord, type QrCode } from "./state";
import { codePoints, locate, requireVerified, spacesInScope, type OpContext } from "./validate";

/** Encryption keys, message QR codes and metrics. */

const MAX_PEM_CHARS = 8192;
const MAX_PREFILLED = 140;

function parseRsa2048Spki(input: string): string {
  const bad = (why: string) => business("InvalidParameter.EncryptionPublicKey", `EncryptionPublicKey ${why}`);
  if (input.length > MAX_PEM_CHARS) throw bad(`must be at most ${MAX_PEM_CHARS} characters.`);
  // The vendor's examples show literal "\n" sequences; accept them as newlines.
  const pem = (input.includes("\n") ? input : input.replace(/\\n/g, "\n")).replace(/\r\n/g, "\n").trim();
  if (!/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/.test(pem)) {
    throw bad("must be a PEM SPKI public key (-----BEGIN PUBLIC KEY-----).");
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: "pem" });
  } catch {
    throw bad("is not a valid PEM public key.");
  }
  if (key.asymmetricKeyType !== "rsa") throw bad(`must be an RSA key (got ${key.asymmetricKeyType}).`);
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits !== 2048) throw bad(`must be 2048 bits (got ${bits}).`);
  return pem;
}

function verifiedNumber(ctx: OpContext): Located {
  const loc = locate(ctx);
  requireVerified(loc);
  return loc;
}

const getKey: Handler = (ctx) => {
  const { rec } = verifiedNumber(ctx);
  const Data: Record<string, string> = { PhoneNumber: rec.phoneNumber };
  if (rec.key) {
    Data.EncryptionPublicKey = rec.key.pem;
    Data.EncryptionPublicKeyStatus = rec.key.status;
  }
  return { Data };
};

const updateKey: Handler = (ctx) => {
  const pem = parseRsa2048Spki(ctx.params.EncryptionPublicKey ?? "");
  const { rec } = verifiedNumber(ctx);
  rec.key = { pem, status: "VALID" };
  return {};
};

function qrImage(value: string | undefined): QrCode["generateQrImage"] {
  if (!(GENERATE_QR_IMAGE as readonly string[]).includes(value ?? "")) {
    throw business("InvalidParameter.GenerateQrImage", `GenerateQrImage must be PNG or SVG: ${value}`);
  }
  return value as QrCode["generateQrImage"];
}

function prefilled(value: string | undefined): string {
  const n = codePoints(value ?? "");
  if (n < 1 || n > MAX_PREFILLED) {
    throw business("InvalidParameter.PrefilledMessage", `PrefilledMessage must be 1-${MAX_PREFILLED} characters (got ${n}).`);
  }
  return value!;
}

function qrData(ctx: OpContext, rec: PhoneRecord, qr: QrCode) {
  return {
    PhoneNumber: rec.phoneNumber,
    QrdlCode: qr.code,
    GenerateQrImage: qr.generateQrImage,
    PrefilledMessage: qr.prefilledMessage,
    DeepLinkUrl: deepLinkFor(qr.code),
    QrImageUrl: `${ctx.baseUrl}/_sandbox/qr/${qr.code}.${qr.generateQrImage.toLowerCase()}`,
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A fresh 8-character code that no live QR code of the sandbox has. */
function newQrCode(ctx: OpContext): string {
  let code: string;
  do code = Array.from({ length: 8 }, () => ALNUM[randomInt(ALNUM.length)]).join("");
  while (ctx.state.qrCodeTaken(code));
  return code;
}

const createQr: Handler = (ctx) => {
  const generateQrImage = qrImage(ctx.params.GenerateQrImage);
  const prefilledMessage = prefilled(ctx.params.PrefilledMessage);
  const loc = verifiedNumber(ctx);
  if (loc.rec.qr.size >= MAX_QR_PER_NUMBER) {
    throw business("InvalidParameter.QrdlLimitExceeded", `A number can have at most ${MAX_QR_PER_NUMBER} QR codes and short links.`);
  }
  const qr: QrCode = { code: newQrCode(ctx), generateQrImage, prefilledMessage };
  ctx.state.addQr(loc, qr);
  return { Data: qrData(ctx, loc.rec, qr) };
};

const listQr: Handler = (ctx) => {
  const { rec } = verifiedNumber(ctx);
  return { Data: [...rec.qr.values()].map((qr) => qrData(ctx, rec, qr)) };
};

function existingQr(ctx: OpContext, loc: Located): QrCode {
  const qr = loc.rec.qr.get(ctx.params.QrdlCode ?? "");
  if (!qr) {
    throw business("InvalidParameter.QrdlCodeNotExist", `QR code ${ctx.params.QrdlCode} does not exist for ${loc.rec.phoneNumber}.`);
  }
  return qr;
}

const updateQr: Handler = (ctx) => {
  const generateQrImage = qrImage(ctx.params.GenerateQrImage);
  const prefilledMessage = prefilled(ctx.params.PrefilledMessage);
  const loc = verifiedNumber(ctx);
  const old = existingQr(ctx, loc);
  // As documented: "users can no longer scan the original QR code", and the example answer carries
  // a new QrdlCode. The old code is retired (later reads and its image answer "does not exist").
  ctx.state.deleteQr(loc, old.code);
  const qr: QrCode = { code: newQrCode(ctx), generateQrImage, prefilledMessage };
  ctx.state.addQr(loc, qr);
  return { Data: qrData(ctx, loc.rec, qr) };
};

const deleteQr: Handler = (ctx) => {
  const loc = verifiedNumber(ctx);
  ctx.state.deleteQr(loc, existingQr(ctx, loc).code);
  return {};
};

const BUCKET_MS = { DAILY: 86_400_000, HALF_HOUR: 1_800_000 } as const;
const MAX_POINTS = 50_000;
const TIER_SCALE: Record<string, number> = {
  TIER_50: 30, TIER_250: 150, TIER_10: 600, TIER_1K: 600, TIER_10K: 4000, TIER_100K: 20_000, TIER_1000: 20_000,
};

function unit(...parts: (string | number)[]): number {
  return createHash("sha256").update(parts.join("|")).digest().readUInt32BE(0) / 2 ** 32;
}

function epochMs(name: string, value: string | undefined): number {
  if (!/^\d{1,16}$/.test(value ?? "")) throw business("InvalidParameter.TimeRange", `${name} must be epoch milliseconds: ${value}`);
  return Number(value);
}

const metric: Handler = (ctx) => {
  const start = epochMs("Start", ctx.params.Start);
  const end = epochMs("End", ctx.params.End);
  if (end < start) throw business("InvalidParameter.TimeRange", "End must not be earlier than Start.");
  const granularity = ctx.params.Granularity || "DAILY";
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) {
    throw business("InvalidParameter.Granularity", `Granularity must be DAILY or HALF_HOUR: ${granularity}`);
  }
  const size = BUCKET_MS[granularity as keyof typeof BUCKET_MS];
  const numbers = ctx.params.PhoneNumber
    ? [locate(ctx).rec]
    : spacesInScope(ctx).flatMap((s) => [...s.numbers.values()]);
  const first = Math.floor(start / size) * size;
  const last = Math.floor(Math.max(end - 1, start) / size) * size;
  const buckets = (last - first) / size + 1;
  if (buckets * numbers.length > MAX_POINTS) {
    throw business("InvalidParameter.TimeRange", `Too many data points (${buckets * numbers.length}); narrow the range or pass PhoneNumber.`);
  }
  const Data = [];
  for (const rec of numbers) {
    const active = rec.codeVerificationStatus === "VERIFIED" && rec.status !== "PENDING";
    const daily = TIER_SCALE[rec.messagingLimitTier] ?? 40_000;
    for (let b = first; b <= last; b += size) {
      let sent = 0;
      if (active && b <= ctx.now) {
        const r = unit(rec.phoneNumber, granularity, b);
        const hourly = size === BUCKET_MS.DAILY ? 1 : (0.2 + Math.sin((((b / 3_600_000) % 24) / 24) * Math.PI) ** 2) / 33.6;
        sent = Math.round(daily * (0.4 + r) * hourly);
      }
      const delivered = Math.round(sent * (0.82 + 0.18 * unit("d", rec.phoneNumber, granularity, b)));
      Data.push({ PhoneNumber: rec.phoneNumber, Granularity: granularity, Start: b, End: b + size, SentCount: sent, DeliveredCount: delivered });
    }
  }
  return { AccessDeniedDetail: "", Data };
};

export const assetHandlers: Record<
  Extract<OperationName, `${string}EncryptionPublicKey` | `${string}Qrdl` | "GetChatappPhoneNumberMetric">,
  Handler
> = {
  GetPhoneEncryptionPublicKey: getKey,
  UpdatePhoneEncryptionPublicKey: updateKey,
  CreatePhoneMessageQrdl: createQr,
  ListPhoneMessageQrdl: listQr,
  UpdatePhoneMessageQrdl: updateQr,
  DeletePhoneMessageQrdl: deleteQr,
  GetChatappPhoneNumberMetric: metric,
};
