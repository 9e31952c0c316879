import "server-only";
import Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { SandboxHandle } from "./server";

/** Test helpers: the official SDK pointed at a sandbox, the control API, and raw capture/replay. */

// The SDK's default export is CommonJS `exports.default`; some loaders hand over the module object.
export const CamsClient = ((Cams as unknown as { default?: typeof Cams }).default ?? Cams) as typeof Cams;
export type CamsClientType = InstanceType<typeof CamsClient>;

export function sdkClient(
  h: Pick<SandboxHandle, "endpoint" | "credentials">,
  extra: Record<string, unknown> = {},
  cred = h.credentials[0],
): CamsClientType {
  return new CamsClient(
    new $OpenApi.Config({ accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, endpoint: h.endpoint, protocol: "HTTP", ...extra }),
  );
}

export async function control<T = unknown>(h: SandboxHandle, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${h.url}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** The error the SDK throws for HTTP 4xx/5xx. */
export interface SdkError {
  code?: string;
  statusCode?: number;
  message: string;
  data?: Record<string, unknown>;
}

export async function sdkError(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    const err = e as SdkError & { data?: { statusCode?: number } };
    return { code: err.code, statusCode: err.statusCode ?? err.data?.statusCode, message: err.message, data: err.data };
  }
  throw new Error("expected the call to fail");
}

/** Retries a call refused with System.LimitControl (for tests that are not about throttling). */
export async function paced<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if ((e as SdkError).code !== "System.LimitControl" || i > 20) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Runs `fn` with a client whose requests are recorded (and answered OK) instead of sent on. */
export async function capture(
  cred: { accessKeyId: string; accessKeySecret: string },
  fn: (client: CamsClientType) => Promise<unknown>,
): Promise<Captured> {
  let seen: Captured | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen = { method: req.method ?? "POST", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks) };
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"RequestId":"CAPTURED","Code":"OK","Message":"SUCCESS"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await fn(sdkClient({ endpoint, credentials: [cred] }));
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  if (!seen) throw new Error("nothing captured");
  return seen;
}

/** Sends a captured request byte for byte (Host header included) to the sandbox. */
export function replay(h: SandboxHandle, c: Captured): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers = { ...c.headers };
    delete headers["transfer-encoding"];
    delete headers["connection"];
    headers["content-length"] = String(c.body.length);
    const req = httpRequest({ host: "127.0.0.1", port: h.port, method: c.method, path: c.url, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on("error", reject);
    req.end(c.body);
  });
}
