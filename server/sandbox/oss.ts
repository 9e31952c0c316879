import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxState } from "./state";

/**
 * The OSS endpoint GetChatappUploadAuthorization points at: PutObject signed with the temporary
 * STS-style credentials it handed out (OSS signature V1, `Authorization: OSS <id>:<sig>` plus
 * `x-oss-security-token`), only under the credential's Dir, refused once they expired; objects are
 * then public-read (GET/HEAD), so a ProfilePictureUrl can point at them.
 */

export const UPLOAD_EXPIRE_S = 900;
export const MAX_OBJECT_BYTES = 6 * 1024 * 1024;

export interface UploadCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  bucket: string;
  dir: string;
  expiresAt: number;
  expireSeconds: number;
}

interface OssObject {
  body: Buffer;
  contentType: string;
}

interface OssStore {
  creds: Map<string, UploadCredential>;
  objects: Map<string, OssObject>;
}

const stores = new WeakMap<SandboxState, OssStore>();
function store(state: SandboxState): OssStore {
  let s = stores.get(state);
  if (!s) stores.set(state, (s = { creds: new Map(), objects: new Map() }));
  return s;
}

/** Expiry per credential for tests (seconds); default UPLOAD_EXPIRE_S. */
let expireSeconds = UPLOAD_EXPIRE_S;
export function setUploadExpiry(seconds: number): void {
  expireSeconds = seconds;
}

export function issueUploadCredential(state: SandboxState, spaceId: string, now: number): UploadCredential {
  const s = store(state);
  for (const [id, c] of s.creds) if (c.expiresAt <= now) s.creds.delete(id);
  const cred: UploadCredential = {
    accessKeyId: `STS.${randomBytes(12).toString("base64url")}`,
    accessKeySecret: randomBytes(24).toString("base64url"),
    securityToken: `CAIS${randomBytes(48).toString("base64url")}`,
    bucket: "cams-sandbox-media",
    dir: `profile/${spaceId}/${randomBytes(6).toString("hex")}/`,
    expiresAt: now + expireSeconds * 1000,
    expireSeconds,
  };
  s.creds.set(cred.accessKeyId, cred);
  return cred;
}

export function ossObjectExists(state: SandboxState, path: string): boolean {
  return store(state).objects.has(decodeURIComponent(path));
}

/** Requests for the OSS endpoint: any method but POST, at any path but "/" and /_sandbox/. */
export const isOssRequest = (req: IncomingMessage) => {
  const path = (req.url ?? "/").split("?")[0];
  return path !== "/" && !path.startsWith("/_sandbox/") && ["PUT", "GET", "HEAD"].includes(req.method ?? "");
};

function ossError(res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = randomBytes(12).toString("hex").toUpperCase();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>sandbox</HostId></Error>`;
  res.writeHead(status, { "content-type": "application/xml", "content-length": Buffer.byteLength(xml), "x-oss-request-id": requestId });
  res.end(xml);
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
};

/** OSS V1: VERB, Content-MD5, Content-Type, Date (or x-oss-date), x-oss-* headers, /bucket/object. */
function stringToSign(req: IncomingMessage, bucket: string, object: string): string {
  const oss = Object.keys(req.headers)
    .filter((k) => k.startsWith("x-oss-"))
    .sort()
    .map((k) => `${k}:${header(req, k).trim()}`);
  const date = header(req, "x-oss-date") || header(req, "date");
  return [req.method ?? "", header(req, "content-md5"), header(req, "content-type"), date, ...oss, `/${bucket}/${object}`].join("\n");
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPG = Buffer.from([0xff, 0xd8, 0xff]);

export function handleOss(state: SandboxState, req: IncomingMessage, res: ServerResponse, body: Buffer, now: number): void {
  const object = decodeURIComponent((req.url ?? "/").split("?")[0].slice(1));
  const s = store(state);
  if (req.method === "GET" || req.method === "HEAD") {
    const o = s.objects.get(`/${object}`);
    if (!o) return ossError(res, 404, "NoSuchKey", "The specified key does not exist.");
    res.writeHead(200, { "content-type": o.contentType, "content-length": o.body.length, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : o.body);
    return;
  }
  const m = /^OSS ([^:]+):(.+)$/.exec(header(req, "authorization"));
  if (!m) return ossError(res, 403, "AccessDenied", "Anonymous access is forbidden for this operation.");
  const cred = s.creds.get(m[1]);
  if (!cred) return ossError(res, 403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.");
  if (cred.expiresAt <= now) {
    s.creds.delete(cred.accessKeyId);
    return ossError(res, 403, "SecurityTokenExpired", "The security token you provided has expired.");
  }
  if (header(req, "x-oss-security-token") !== cred.securityToken) {
    return ossError(res, 403, "InvalidSecurityToken", "The security token you provided is invalid.");
  }
  const expected = createHmac("sha1", cred.accessKeySecret).update(stringToSign(req, cred.bucket, object)).digest();
  const given = Buffer.from(m[2], "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return ossError(res, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  }
  if (!object.startsWith(cred.dir)) return ossError(res, 403, "AccessDenied", `The credentials may only write under ${cred.dir}.`);
  if (body.length > MAX_OBJECT_BYTES) return ossError(res, 400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
  const contentType = header(req, "content-type") || "application/octet-stream";
  if (!(body.subarray(0, 4).equals(PNG) || body.subarray(0, 3).equals(JPG))) {
    return ossError(res, 400, "InvalidArgument", "The sandbox accepts JPG and PNG objects only.");
  }
  s.objects.set(`/${object}`, { body, contentType });
  res.writeHead(200, { etag: `"${createHmac("md5", "etag").update(body).digest("hex").toUpperCase()}"`, "content-length": 0 });
  res.end();
}
