import "server-only";
import { randomUUID } from "node:crypto";
import OSS from "ali-oss";
import type { UploadAuthorization } from "@/lib/cams/wire-profile";
import { ActionError } from "@/server/actions/errors";
import { getLogger } from "@/server/logger";
import type { CamsClient } from "./client";

/**
 * A profile picture to OSS with the temporary credentials of GetChatappUploadAuthorization, through
 * the official `ali-oss` SDK. The credentials live in this function's scope only: never logged,
 * returned, stored or used past their Expire (a margin before it counts as expired).
 */

const EXPIRY_MARGIN_MS = 10_000;
const PUT_TIMEOUT_MS = 60_000;

export interface PictureFile {
  bytes: Buffer;
  type: "image/png" | "image/jpeg";
}

/** Whether credentials received at `receivedAt` can still be used at `now`. */
export const stillValid = (auth: Pick<UploadAuthorization, "expire">, receivedAt: number, now = Date.now()) =>
  now < receivedAt + auth.expire * 1000 - EXPIRY_MARGIN_MS;

/** The endpoint as ali-oss wants it: with a scheme when CAMS gave one (the sandbox's http://), else https. */
function ossOptions(auth: UploadAuthorization): OSS.Options {
  const explicit = /^https?:\/\//i.test(auth.endPoint);
  return {
    accessKeyId: auth.accessKeyId,
    accessKeySecret: auth.accessKeySecret,
    stsToken: auth.securityToken,
    bucket: auth.bucketName,
    endpoint: auth.endPoint,
    secure: explicit ? auth.endPoint.toLowerCase().startsWith("https://") : true,
    timeout: PUT_TIMEOUT_MS,
    // One upload per authorization: never refreshed (and no console warning about it).
    refreshSTSToken: () => Promise.reject(new Error("upload credentials are not refreshed")),
    refreshSTSTokenInterval: auth.expire * 1000,
  };
}

/** Puts the object under the authorization's Dir; returns its public URL. */
export async function putWithAuthorization(auth: UploadAuthorization, receivedAt: number, file: PictureFile): Promise<string> {
  if (!stillValid(auth, receivedAt)) throw new ActionError("uploadCredentialsExpired");
  const ext = file.type === "image/png" ? "png" : "jpg";
  const key = `${auth.dir.replace(/^\/+/, "")}${auth.dir && !auth.dir.endsWith("/") ? "/" : ""}profile-${randomUUID()}.${ext}`;
  const oss = new OSS(ossOptions(auth));
  try {
    const res = await oss.put(key, file.bytes, { headers: { "Content-Type": file.type }, timeout: PUT_TIMEOUT_MS });
    return res.url;
  } catch (err) {
    const e = err as { code?: string; status?: number; requestId?: string };
    const code = typeof e.code === "string" && /^[A-Za-z.]{1,64}$/.test(e.code) ? e.code : "UploadFailed";
    // Only the code, status and request id: the error object holds the request, credentials included.
    getLogger().warn({ component: "oss", code, status: e.status, requestId: e.requestId }, "profile picture upload failed");
    throw new ActionError("pictureUploadFailed", { params: { code }, code, requestId: e.requestId, httpStatus: 502 });
  }
}

/** GetChatappUploadAuthorization, then the upload; the credentials go out of scope on return. */
export async function uploadPicture(client: CamsClient, file: PictureFile): Promise<{ url: string; requestId: string | undefined }> {
  const { data, requestId } = await client.uploadAuthorization({});
  const url = await putWithAuthorization(data, Date.now(), file);
  return { url, requestId };
}
