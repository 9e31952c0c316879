import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CAMS_API_VERSION, CATALOGUE_ERRORS, OPERATIONS, type OperationName } from "@/lib/cams/operations";
import { handleControl } from "./control";
import { ApiError, catalogue, gateway, newRequestId, sendError, sendJson } from "./errors";
import { HANDLERS } from "./operations";
import { handleOss, isOssRequest, MAX_OBJECT_BYTES } from "./oss";
import { randomCredential, SandboxRuntime, type Credential, type Fault } from "./runtime";
import { checkTimestamp, parsePairs, verifySignature, type SignedRequest } from "./signature";
import type { Params } from "./validate";

export interface SandboxOptions {
  /** 0 or undefined = a random free port. */
  port?: number;
  /** Default "127.0.0.1" (loopback only). */
  host?: string;
  /** Accepted key pairs; default one random pair. */
  credentials?: Credential[];
  /** When given: just these empty spaces, owned by the first key, no demo seed. */
  spaces?: string[];
  /** Default true when `spaces` is not given: the demo seed. */
  seed?: boolean;
  /** Clock for tests. */
  now?: () => number;
  /**
   * The bearer token the control API (/_sandbox/…) requires. The CLI (what start:embedded and e2e
   * run) always sets one, random unless CAMS_SANDBOX_CONTROL_TOKEN gives it; an in-process test
   * sandbox has none unless given. Loopback Host and no browser (CORS) requests apply to every one.
   */
  controlToken?: string;
}

export interface SandboxHandle {
  url: string;
  /** "127.0.0.1:PORT": what the SDK's `endpoint` wants. */
  endpoint: string;
  port: number;
  credentials: Credential[];
  controlToken: string | null;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(gateway(413, "RequestEntityTooLarge", "The request body is too large."));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HTTP_FAULT_CODES: Record<number, [string, string]> = {
  500: ["InternalError", "The request processing has failed due to some unknown error, exception or failure."],
  502: ["BadGateway", "The gateway received an invalid response."],
  503: ["ServiceUnavailable", "The request has failed due to a temporary failure of the server."],
  504: ["GatewayTimeout", "The gateway timed out."],
};

/** Answers an injected fault; returns false when the call should go on (latency). */
async function applyFault(f: Fault, res: ServerResponse, requestId: string, host: string): Promise<boolean> {
  switch (f.kind) {
    case "latency":
      await sleep(f.latencyMs ?? 1000);
      return false;
    case "drop":
      res.socket?.destroy();
      return true;
    case "malformed":
      res.writeHead(f.httpStatus ?? 200, { "content-type": "text/html;charset=utf-8", "x-acs-request-id": requestId });
      res.end("<html><body><h1>Bad Gateway</h1>upstream sent an invalid response</body></html>");
      return true;
    case "http": {
      const status = f.httpStatus ?? 503;
      const [code, message] = HTTP_FAULT_CODES[status] ?? [`Http${status}`, `HTTP ${status}`];
      sendError(res, gateway(status, f.code ?? code, f.message ?? message), requestId, host);
      return true;
    }
    case "error": {
      const code = f.code ?? "InternalError";
      const known = (CATALOGUE_ERRORS as Record<string, string>)[code];
      const message = f.message ?? known ?? `Injected fault: ${code}`;
      sendError(res, new ApiError(f.httpStatus ?? 200, code, message), requestId, host);
      return true;
    }
  }
}

async function handleApi(rt: SandboxRuntime, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  const requestId = newRequestId();
  const host = req.headers.host ?? "127.0.0.1";
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
  const signed: SignedRequest = {
    method: req.method ?? "POST",
    url,
    headers: req.headers,
    body,
    query: parsePairs(q < 0 ? "" : url.slice(q + 1)),
    form: isForm ? parsePairs(body.toString("utf8"), true) : [],
  };
  try {
    if (path !== "/") throw gateway(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");
    const now = rt.now();
    const v = verifySignature(signed, rt.secretFor);
    if (!v.ok) throw gateway(v.status, v.code, v.message);
    const ts = checkTimestamp(v.timestamp, now);
    if (ts && !ts.ok) throw gateway(ts.status, ts.code, ts.message);
    if (!rt.nonces.use(v.accessKeyId, v.nonce, now)) {
      throw gateway(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    const params: Params = Object.fromEntries([...signed.query, ...signed.form]);
    const header = (n: string) => (typeof req.headers[n] === "string" ? (req.headers[n] as string) : undefined);
    const action = header("x-acs-action") ?? params.Action;
    const version = header("x-acs-version") ?? params.Version;
    if (!action) throw gateway(400, "MissingAction", "Action is mandatory for this action.");
    if (version !== CAMS_API_VERSION) throw gateway(400, "InvalidVersion", `Specified parameter Version is not valid: ${version}`);
    if (!Object.hasOwn(OPERATIONS, action)) {
      throw gateway(404, "InvalidApi.NotFound", `Specified api is not found, please check your url and method: ${action}`);
    }
    const op = action as OperationName;
    rt.countCall(op, params.CustSpaceId);

    const fault = rt.takeFault(op, params.CustSpaceId);
    if (fault && (await applyFault(fault, res, requestId, host))) return;

    const spec = OPERATIONS[op];
    if (!rt.limiter.take(v.accessKeyId, op, spec.qps, rt.now())) {
      rt.countLimitControl(op, params.CustSpaceId);
      throw catalogue("System.LimitControl");
    }
    for (const name of spec.required) {
      if (!params[name]) throw gateway(400, `Missing${name}`, `${name} is mandatory for this action.`);
    }
    const result = HANDLERS[op]({ state: rt.state, owner: v.accessKeyId, params, now: rt.now(), baseUrl: `http://${host}` });
    sendJson(res, 200, { RequestId: requestId, Code: "OK", Message: "SUCCESS", ...result }, requestId);
  } catch (e) {
    const err = e instanceof ApiError ? e : gateway(500, "InternalError", "The request processing has failed due to some unknown error.");
    if (!(e instanceof ApiError)) console.error("[cams-sandbox]", e);
    sendError(res, err, requestId, host);
  }
}

function formatHost(host: string): string {
  const h = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return h.includes(":") ? `[${h}]` : h;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const credentials = opts.credentials?.length ? opts.credentials.map((c) => ({ ...c })) : [randomCredential()];
  const rt = new SandboxRuntime(credentials, opts.spaces, opts.seed ?? !opts.spaces, opts.now ?? Date.now);

  const server = createServer((req, res) => {
    const oss = isOssRequest(req);
    // One byte over the OSS limit, so the handler can answer EntityTooLarge in OSS's own words.
    readBody(req, oss ? MAX_OBJECT_BYTES + 1 : MAX_BODY)
      .then((body) =>
        oss
          ? handleOss(rt.state, req, res, body, rt.now())
          : (req.url ?? "").startsWith("/_sandbox/")
            ? handleControl(rt, req, res, body, opts.controlToken ?? null)
            : handleApi(rt, req, res, body),
      )
      .catch((e: unknown) => {
        if (res.headersSent || res.destroyed) return;
        const err = e instanceof ApiError ? e : gateway(500, "InternalError", String(e));
        sendError(res, err, newRequestId(), req.headers.host ?? "");
      });
  });

  // Node's default server idle timeout (5 s) equals the idle timeout of the client's global agent,
  // so a call could go out on a socket the sandbox was closing and fail as Network.Dropped (seen
  // under load). Cloud gateways keep idle connections longer than clients do; so does the sandbox.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `${formatHost(host)}:${port}`;
  return {
    url: `http://${endpoint}`,
    endpoint,
    port,
    credentials: credentials.map((c) => ({ ...c })),
    controlToken: opts.controlToken ?? null,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
