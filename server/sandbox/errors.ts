import "server-only";
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { CATALOGUE_ERRORS } from "@/lib/cams/operations";

/**
 * Error shapes (API.md §5, §7): business refusals are HTTP 200 with Code != "OK"; the catalogue
 * codes are HTTP 400 `{RequestId, Code, Message}`; gateway (POP) errors carry HostId and Recommend.
 */

export const newRequestId = () => randomUUID().toUpperCase();

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly gateway = false,
  ) {
    super(message);
  }
}

/** HTTP 200, Code != OK: the SDK resolves and the caller must check body.code. */
export const business = (code: string, message: string) => new ApiError(200, code, message);

export const catalogue = (code: keyof typeof CATALOGUE_ERRORS, message?: string) =>
  new ApiError(400, code, message ?? CATALOGUE_ERRORS[code]);

export const gateway = (status: number, code: string, message: string) => new ApiError(status, code, message, true);

export const notOwned = () => catalogue("Unknown.ResourceOwnerId");

export function errorBody(err: ApiError, requestId: string, host: string): Record<string, unknown> {
  if (!err.gateway) return { RequestId: requestId, Code: err.code, Message: err.message };
  return {
    RequestId: requestId,
    HostId: host,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=Cams&requestId=${requestId}`,
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, requestId?: string): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    "content-type": "application/json;charset=utf-8",
    "content-length": Buffer.byteLength(text),
  };
  if (requestId) headers["x-acs-request-id"] = requestId;
  res.writeHead(status, headers);
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError, requestId: string, host: string): void {
  sendJson(res, err.status, errorBody(err, requestId, host), requestId);
}
