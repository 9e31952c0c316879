import "server-only";
import { LOCAL_ERROR_CODES } from "@/lib/cams/errors";
import type { ActionServerError } from "@/lib/action-error";
import type { OperationName } from "@/lib/cams/operations";
import { SafeError } from "@/server/safe-error";

/**
 * One error type for every way a CAMS call can fail (API.md §5). The browser gets its code and
 * request id (the UI explains the code in the user's language); `message` is CAMS's own English
 * text, for logs and the audit trail: it never carries the AccessKey secret, a signature, a
 * string-to-sign or a request URL.
 */
export class CamsError extends SafeError {
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** Sending the same request again may succeed (throttling, 5xx, timeouts, dropped connections). */
  readonly retryable: boolean;
  /** The CAMS operation, or null when the failure came before choosing one (e.g. loading the space). */
  readonly operation: OperationName | null;
  /** Alibaba's explanation of a RAM denial, when CAMS sends one. */
  readonly accessDeniedDetail?: string;

  constructor(init: {
    code: string;
    message: string;
    operation: OperationName | null;
    retryable?: boolean;
    requestId?: string;
    httpStatus?: number;
    accessDeniedDetail?: string;
  }) {
    super(init.message);
    this.name = "CamsError";
    this.code = init.code;
    this.operation = init.operation;
    this.retryable = init.retryable ?? isRetryableCode(init.code, init.httpStatus);
    if (init.requestId) this.requestId = init.requestId;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    if (init.accessDeniedDetail) this.accessDeniedDetail = init.accessDeniedDetail;
  }

  toShown(): ActionServerError {
    return { message: this.message, code: this.code, requestId: this.requestId, httpStatus: this.httpStatus };
  }

  /** Route handlers: the upstream said no (or never answered). */
  get status(): number {
    return 502;
  }
}

export const isCamsError = (e: unknown): e is CamsError => e instanceof CamsError;

/** Throttling and server-side failures can succeed on a later attempt; everything else will not. */
export function isRetryableCode(code: string, httpStatus?: number): boolean {
  if (httpStatus !== undefined && httpStatus >= 500) return true;
  return (
    code === "System.LimitControl" ||
    code.startsWith("Throttling") ||
    code === "ServiceUnavailable" ||
    code === LOCAL_ERROR_CODES.timeout ||
    code === LOCAL_ERROR_CODES.dropped
  );
}

const MAX_MESSAGE = 400;

/**
 * Makes a server or library message user-safe. The gateway's SignatureDoesNotMatch message ends
 * with "server string to sign is: …", and network errors end with the request URL (whose query
 * holds phone numbers): both are cut.
 */
export function sanitizeMessage(message: string, secrets: readonly string[] = []): string {
  let m = message;
  const cut = m.search(/(server )?string to sign/i);
  if (cut >= 0) m = m.slice(0, cut);
  for (const s of secrets) if (s && s.length >= 4) m = m.split(s).join("[redacted]");
  m = m
    .replace(/(Signature|Credential|AccessKeyId|SecurityToken)=[^\s,&]+/gi, "$1=[redacted]")
    .replace(/\b(https?:\/\/[^\s/?#]+)[^\s]*/gi, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s,.:;-]+$/, "");
  return m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE)}…` : m;
}

type Loose = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

const NETWORK_DROPPED = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "UND_ERR_SOCKET", "ERR_STREAM_PREMATURE_CLOSE"]);
const NETWORK_REFUSED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);

/** Maps anything the SDK (or the network below it) throws onto a CamsError. */
export function toCamsError(err: unknown, operation: OperationName | null, opts: { secrets?: readonly string[] } = {}): CamsError {
  if (err instanceof CamsError) return err;
  const secrets = opts.secrets ?? [];
  const e = (err && typeof err === "object" ? err : {}) as Loose;
  const name = str(e.name) ?? "";
  const errno = str(e.code) ?? "";
  const raw = str(e.message) ?? String(err);

  // tea ResponseError: HTTP 4xx/5xx with a parsed JSON (or XML) body in `data`.
  const data = e.data && typeof e.data === "object" ? (e.data as Loose) : undefined;
  const status = typeof e.statusCode === "number" ? e.statusCode : Number(data?.statusCode) || undefined;
  if (data && status) {
    const code = str(data.Code) ?? str(data.code) ?? (errno && errno !== "undefined" ? errno : fallbackCode(status));
    const serverMessage = str(data.Message) ?? str(data.message) ?? `HTTP ${status}`;
    return new CamsError({
      code,
      message: sanitizeMessage(serverMessage, secrets),
      operation,
      httpStatus: status,
      requestId: str(data.RequestId) ?? str(data.requestId),
      accessDeniedDetail: str(e.accessDeniedDetail) ?? str(data.AccessDeniedDetail),
    });
  }

  if (name === "RequestTimeoutError" || /timeout/i.test(name) || TIMEOUT_CODES.has(errno)) {
    return local(LOCAL_ERROR_CODES.timeout, "CAMS did not answer in time.", operation);
  }
  if (NETWORK_DROPPED.has(errno) || /socket hang up|other side closed|premature close/i.test(raw)) {
    return local(LOCAL_ERROR_CODES.dropped, "The connection to CAMS closed before it answered.", operation);
  }
  if (NETWORK_REFUSED.has(errno)) {
    return local(LOCAL_ERROR_CODES.refused, `Could not connect to the CAMS endpoint (${errno}).`, operation);
  }
  // JSON.parse of a non-JSON body; tea-util's assertAsMap when the JSON is not an object.
  if (err instanceof SyntaxError || /not a object/i.test(raw)) {
    return local(LOCAL_ERROR_CODES.malformed, "CAMS answered with a body that is not a JSON object.", operation);
  }
  // $tea.cast: the JSON does not fit the SDK's response model.
  if (/can not cast|is mismatch|^expect: /i.test(raw)) {
    return local(LOCAL_ERROR_CODES.invalid, `CAMS answered in an unexpected shape: ${sanitizeMessage(raw, secrets)}.`, operation);
  }
  // A tea error without an HTTP status (e.g. InvalidCredentials from the SDK itself).
  if (errno && errno !== "undefined") {
    return new CamsError({ code: errno, message: sanitizeMessage(raw, secrets) || errno, operation, retryable: false });
  }
  return new CamsError({
    code: "UnknownError",
    message: `Unexpected ${name || "error"} calling CAMS: ${sanitizeMessage(raw, secrets)}`,
    operation,
    retryable: false,
  });
}

function fallbackCode(status: number): string {
  if (status === 503) return "ServiceUnavailable";
  if (status >= 500) return "InternalError";
  return `Http.${status}`;
}

function local(code: string, message: string, operation: OperationName | null): CamsError {
  return new CamsError({ code, message, operation });
}
