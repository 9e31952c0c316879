import "server-only";
import { randomInt } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { OPERATIONS, type OperationName } from "@/lib/cams/operations";
import { sendJson } from "./errors";
import { addMessagesControl, automationControl } from "./operations-automation";
import { qrPng, qrSvg } from "./qr-image";
import { FAULT_KINDS, type FaultKind, type SandboxRuntime } from "./runtime";
import { healthControl } from "./operations-profile";
import { seedBulkNumbers } from "./seed";
import type { PhoneRecord, Space } from "./state";

/** The /_sandbox/ control API: unsigned JSON, for tests and local development only. */

type Json = Record<string, unknown>;

class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function parseJson(body: Buffer): Json {
  if (!body.length) return {};
  try {
    const v: unknown = JSON.parse(body.toString("utf8"));
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Json;
  } catch {
    // fall through
  }
  throw new ControlError(400, "Body must be a JSON object.");
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : undefined);

function spaceSummary(s: Space) {
  return { custSpaceId: s.id, name: s.name, numbers: s.numbers.size };
}

function numberDetail(r: PhoneRecord) {
  return {
    phoneNumber: r.phoneNumber, id: r.id, verifiedName: r.verifiedName, status: r.status, qualityRating: r.qualityRating,
    messagingLimitTier: r.messagingLimitTier, codeVerificationStatus: r.codeVerificationStatus, nameStatus: r.nameStatus,
    newNameStatus: r.newNameStatus, statusCallbackUrl: r.statusCallbackUrl, upCallbackUrl: r.upCallbackUrl,
    statusQueue: r.statusQueue, upQueue: r.upQueue, profile: r.profile, key: r.key ?? null, qrCodes: [...r.qr.values()],
  };
}

function createSpace(rt: SandboxRuntime, b: Json) {
  const id = str(b.custSpaceId);
  if (!id) throw new ControlError(400, "custSpaceId is required.");
  if (rt.state.spaces.has(id)) throw new ControlError(409, `Space ${id} already exists.`);
  const owner = str(b.accessKeyId) ?? rt.primaryOwner;
  if (!rt.secretFor(owner)) throw new ControlError(400, `Unknown accessKeyId ${owner}.`);
  const n = b.numbers === undefined ? 0 : int(b.numbers);
  if (n === undefined || n < 0 || n > 100_000) throw new ControlError(400, "numbers must be an integer 0-100000.");
  const space = rt.state.addSpace(id, str(b.name) ?? id, owner);
  seedBulkNumbers(rt.state, space, n);
  return spaceSummary(space);
}

function addFault(rt: SandboxRuntime, b: Json) {
  const kind = b.kind as FaultKind;
  if (!FAULT_KINDS.includes(kind)) throw new ControlError(400, `kind must be one of ${FAULT_KINDS.join(", ")}.`);
  const action = str(b.action);
  if (action && !Object.hasOwn(OPERATIONS, action)) throw new ControlError(400, `Unknown action ${action}.`);
  const count = b.count === undefined ? 1 : int(b.count);
  if (count === undefined || count === 0 || count < -1) throw new ControlError(400, "count must be a positive integer or -1.");
  const httpStatus = b.httpStatus === undefined ? undefined : int(b.httpStatus);
  if (httpStatus !== undefined && (httpStatus < 100 || httpStatus > 599)) throw new ControlError(400, "httpStatus must be 100-599.");
  const latencyMs = b.latencyMs === undefined ? undefined : int(b.latencyMs);
  if (latencyMs !== undefined && (latencyMs < 0 || latencyMs > 600_000)) throw new ControlError(400, "latencyMs must be 0-600000.");
  return rt.addFault({
    kind,
    action: action as OperationName | undefined,
    custSpaceId: str(b.custSpaceId),
    code: str(b.code),
    httpStatus,
    message: str(b.message),
    latencyMs,
    remaining: count,
  });
}

/** PATCH /_sandbox/numbers/<phone>: set display fields (Status, QualityRating, …) directly. */
const PATCHABLE: Record<string, keyof PhoneRecord> = {
  VerifiedName: "verifiedName",
  Status: "status",
  QualityRating: "qualityRating",
  MessagingLimitTier: "messagingLimitTier",
  CodeVerificationStatus: "codeVerificationStatus",
  NameStatus: "nameStatus",
  NewNameStatus: "newNameStatus",
  // As another tool (the cloud console, WhatsApp Manager) would set them: the console's drift.
  StatusCallbackUrl: "statusCallbackUrl",
  UpCallbackUrl: "upCallbackUrl",
  StatusQueue: "statusQueue",
  UpQueue: "upQueue",
};

function patchNumber(rt: SandboxRuntime, phone: string, b: Json) {
  const loc = rt.state.findNumber(phone);
  if (!loc) throw new ControlError(404, `No number ${phone}.`);
  for (const [k, v] of Object.entries(b)) {
    const field = PATCHABLE[k];
    if (k === "EncryptionPublicKeyStatus" && loc.rec.key && (v === "VALID" || v === "MISMATCH")) loc.rec.key.status = v;
    else if (field && typeof v === "string") (loc.rec as unknown as Record<string, string>)[field] = v;
    else throw new ControlError(400, `Cannot set ${k}.`);
  }
  return numberDetail(loc.rec);
}

const QR_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * POST /_sandbox/numbers/<phone>/qr-codes {prefilledMessage, generateQrImage?}: a code made outside
 * the console (as another tool or Meta's own UI would), so tests can see the inventory catch up.
 */
function addQrCode(rt: SandboxRuntime, phone: string, b: Json) {
  const loc = rt.state.findNumber(phone);
  if (!loc) throw new ControlError(404, `No number ${phone}.`);
  const prefilledMessage = str(b.prefilledMessage);
  if (!prefilledMessage) throw new ControlError(400, "prefilledMessage is required.");
  const generateQrImage = b.generateQrImage === "SVG" ? "SVG" : "PNG";
  let code: string;
  do code = Array.from({ length: 8 }, () => QR_ALNUM[randomInt(QR_ALNUM.length)]).join("");
  while (rt.state.qrCodeTaken(code));
  rt.state.addQr(loc, { code, generateQrImage, prefilledMessage });
  return { qrdlCode: code, generateQrImage, prefilledMessage };
}

function route(rt: SandboxRuntime, method: string, path: string, body: Buffer, query: URLSearchParams): [number, unknown] {
  // ?custSpaceId= scopes the call counters and the clearing of faults to one space.
  const scope = query.get("custSpaceId") ?? undefined;
  const seg = path.replace(/^\/_sandbox\//, "").replace(/\/$/, "").split("/").map(decodeURIComponent);
  const [head, arg] = seg;
  const is = (m: string, h: string, withArg = false) => method === m && head === h && (arg !== undefined) === withArg && seg.length <= 2;

  if (is("GET", "health")) return [200, { ok: true }];
  if (is("GET", "codes", true)) {
    // With ?custSpaceId=, only a number of that space has a code to show.
    if (scope && rt.state.findNumber(arg)?.space.id !== scope) return [404, {}];
    const code = rt.state.pendingCode(arg, rt.now());
    return code ? [200, { code }] : [404, {}];
  }
  if (is("GET", "spaces")) return [200, [...rt.state.spaces.values()].map(spaceSummary)];
  if (is("POST", "spaces")) return [201, createSpace(rt, parseJson(body))];
  if (is("GET", "spaces", true)) {
    const s = rt.state.spaces.get(arg);
    if (!s) throw new ControlError(404, `No space ${arg}.`);
    return [200, { ...spaceSummary(s), owner: s.owner, accountWebhook: s.accountWebhook ?? null, phoneNumbers: [...s.numbers.values()].map(numberDetail) }];
  }
  if (is("PATCH", "numbers", true)) return [200, patchNumber(rt, arg, parseJson(body))];
  if (method === "POST" && head === "numbers" && arg !== undefined && seg[2] === "qr-codes" && seg.length === 3) return [201, addQrCode(rt, arg, parseJson(body))];
  if (head === "numbers" && arg !== undefined && seg[2] === "health" && seg.length === 3) return healthControl(rt.state, method, arg, parseJson(body));
  const sub = (m: string, name: string) => method === m && head === "numbers" && arg !== undefined && seg[2] === name && seg.length === 3;
  if (sub("POST", "messages")) return addMessagesControl(rt.state, arg, parseJson(body), rt.now());
  if (sub("GET", "automation")) return automationControl(rt.state, arg);
  if (is("GET", "faults")) return [200, rt.faults];
  if (is("POST", "faults")) return [201, addFault(rt, parseJson(body))];
  if (is("DELETE", "faults")) {
    rt.clearFaults(scope);
    return [200, { ok: true }];
  }
  if (is("GET", "calls")) return [200, scope ? rt.spaceCalls(scope) : rt.calls];
  if (is("DELETE", "calls")) {
    rt.resetCalls();
    return [200, { ok: true }];
  }
  if (is("POST", "reset")) {
    rt.reset();
    return [200, { ok: true }];
  }
  throw new ControlError(404, `No control endpoint ${method} ${path}.`);
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Why a control request is refused, or null. A browser's request (it carries Origin, or is a CORS
 * preflight) never gets an answer it could read; a Host other than loopback (DNS rebinding, a
 * LAN address) is refused; and with a token, only `Authorization: Bearer <token>` passes.
 */
export function controlRefusal(req: Pick<IncomingMessage, "method" | "headers">, token: string | null): [number, string] | null {
  if (req.method === "OPTIONS" || req.headers.origin !== undefined) return [403, "The control API does not answer browser (cross-origin) requests."];
  const host = (req.headers.host ?? "").toLowerCase().replace(/:\d+$/, "");
  if (!LOOPBACK_HOSTS.has(host)) return [403, "The control API answers only at a loopback address (127.0.0.1, localhost, [::1])."];
  if (token) {
    const given = Buffer.from(String(req.headers.authorization ?? ""));
    const expected = Buffer.from(`Bearer ${token}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return [401, "The control API needs its token: Authorization: Bearer <CAMS_SANDBOX_CONTROL_TOKEN>."];
  }
  return null;
}

export async function handleControl(rt: SandboxRuntime, req: IncomingMessage, res: ServerResponse, body: Buffer, token: string | null = null): Promise<void> {
  const method = req.method ?? "GET";
  const [path, search = ""] = (req.url ?? "/").split("?");
  const qr = /^\/_sandbox\/qr\/([A-Za-z0-9]+)\.(png|svg)$/.exec(path);
  if (qr && (method === "GET" || method === "HEAD")) {
    if (!rt.state.findQr(qr[1])) return sendJson(res, 404, { error: `No QR code ${qr[1]}.` });
    const [type, data] = qr[2] === "png" ? ["image/png", qrPng(qr[1])] : ["image/svg+xml", Buffer.from(qrSvg(qr[1]))];
    res.writeHead(200, { "content-type": type, "content-length": data.length, "cache-control": "no-store" });
    res.end(method === "HEAD" ? undefined : data);
    return;
  }
  // QR images (above: what CAMS serves publicly too) and the health check answer anyone.
  const refused = path === "/_sandbox/health" ? null : controlRefusal(req, token);
  if (refused) return sendJson(res, refused[0], { error: refused[1] });
  try {
    const [status, out] = route(rt, method, path, body, new URLSearchParams(search));
    sendJson(res, status, out);
  } catch (e) {
    if (e instanceof ControlError) return sendJson(res, e.status, { error: e.message });
    throw e;
  }
}
