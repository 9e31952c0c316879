import "server-only";
import * as $Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import type { z } from "zod";
import { CAMS_API_VERSION, OPERATIONS, type OperationName } from "@/lib/cams/operations";
import type { Caller, CallSpec, CamsResult, Sdk } from "./call";

/**
 * One CAMS operation, declared once: the client method is made from it (see `bindOperations`).
 * QPS, retry-safety and the parameter list come from `OPERATIONS` (lib/cams/operations.ts).
 */

type Body = Record<string, unknown>;
/** Every CAMS input may name its CustSpaceId; without one the client's space is used. */
type InputShape = { custSpaceId?: string; phoneNumber?: string };

/** Operations SDK 1.4.2 has a typed `<op>WithOptions` method and `<Op>Request` model for. */
export type SdkOperation = {
  [N in OperationName]: `${Uncapitalize<N>}WithOptions` extends keyof Sdk ? (`${N}Request` extends keyof typeof $Cams ? N : never) : never;
}[OperationName];

export interface OperationDefinition<N extends OperationName = OperationName, S extends z.ZodType<InputShape> = z.ZodType<InputShape>, T = unknown> {
  name: N;
  /** zod schema of the camelCase input; failures become Request.Invalid naming fields, never values. */
  input: S;
  /**
   * "sdk" (default): the SDK's typed method. "rpc": `callApi` with generic RPC params on the same
   * SDK client (signed the same way), for operations SDK 1.4.2 lacks; the query is the input's
   * keys in PascalCase, as listed in `OPERATIONS[name].params`.
   */
  via?: "sdk" | "rpc";
  /** Picks the payload out of a successful, camelCased body; a zod failure becomes Response.Invalid. */
  parse(body: Body): T;
  /** A read whose concurrent identical calls (same account, parsed input and CustSpaceId) share one request. */
  share?: boolean;
  /** The number to log (masked); default the input's `phoneNumber`. */
  phone?(input: z.output<S>): string | undefined;
}

/** Declares an operation; one the SDK lacks must say `via: "rpc"`. */
export function defineOperation<N extends OperationName, S extends z.ZodType<InputShape>, T>(
  def: OperationDefinition<N, S, T> & ([N] extends [SdkOperation] ? unknown : { via: "rpc" }),
): OperationDefinition<N, S, T> {
  return def;
}

export const noData = () => null;

type Method<D> =
  D extends OperationDefinition<OperationName, infer S, infer T>
    ? object extends z.input<S>
      ? (raw?: z.input<S>) => Promise<CamsResult<T>>
      : (raw: z.input<S>) => Promise<CamsResult<T>>
    : never;

export type Methods<Defs> = { [K in keyof Defs]: Method<Defs[K]> };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The SDK's typed method for `name` (the SDK maps the camelCase request onto its wire names). */
function sdkSend(name: OperationName, payload: Body): CallSpec<unknown>["send"] {
  const method = `${lowerFirst(name)}WithOptions`;
  const Request = ($Cams as unknown as Record<string, new (map: Body) => unknown>)[`${name}Request`];
  return (sdk, rt) => {
    const fn = (sdk as unknown as Record<string, (req: unknown, rt: unknown) => Promise<{ body?: unknown }>>)[method];
    if (typeof fn !== "function" || !Request) throw new TypeError(`SDK has no ${method}: declare ${name} with via: "rpc".`);
    return fn.call(sdk, new Request(payload), rt);
  };
}

/** Wire value of one parameter: CAMS RPC parameters are strings; structured ones travel as JSON. */
const wireValue = (v: unknown) => (typeof v === "object" ? JSON.stringify(v) : String(v));

/** The query `callApi` sends: each documented parameter that the input sets, under its wire name. */
export function rpcQuery(name: OperationName, payload: Body): Record<string, string> {
  const query: Record<string, string> = {};
  for (const param of OPERATIONS[name].params) {
    const v = payload[lowerFirst(param)];
    if (v !== undefined && v !== null) query[param] = wireValue(v);
  }
  return query;
}

/** The SDK's models turn PascalCase keys into camelCase; `callApi` answers raw, so the same is done here. */
function camelKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [lowerFirst(k), camelKeys(x)]));
  return v;
}

function rpcSend(name: OperationName, payload: Body): CallSpec<unknown>["send"] {
  const params = new $OpenApi.Params({
    action: name,
    version: CAMS_API_VERSION,
    // The client's configured protocol wins over this one (the sandbox is plain HTTP).
    protocol: "HTTPS",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  return async (sdk, rt) => {
    const res = await sdk.callApi(params, new $OpenApi.OpenApiRequest({ query: rpcQuery(name, payload) }), rt);
    return { body: camelKeys(res?.body) };
  };
}

/**
 * Runs one call of a definition: input check, CustSpaceId default, then the caller's limiter,
 * retries and sharing. Async, so a refused input rejects like every other failure.
 */
async function run<T>(c: Caller, def: OperationDefinition<OperationName, z.ZodType<InputShape>, T>, raw: unknown): Promise<CamsResult<T>> {
  const i = c.input(def.name, def.input, raw);
  const custSpaceId = c.spaceFor(def.name, i.custSpaceId);
  const payload: Body = { ...i, custSpaceId };
  return c.call({
    operation: def.name,
    phone: def.phone ? def.phone(i) : i.phoneNumber,
    custSpaceId,
    share: def.share ? payload : undefined,
    send: (def.via === "rpc" ? rpcSend : sdkSend)(def.name, payload),
    parse: def.parse,
  });
}

/** The client methods of a table of definitions, one per key. */
export function bindOperations<Defs extends Record<string, OperationDefinition<OperationName, z.ZodType<InputShape>, unknown>>>(
  c: Caller,
  defs: Defs,
): Methods<Defs> {
  return Object.fromEntries(Object.entries(defs).map(([key, def]) => [key, (raw?: unknown) => run(c, def, raw)])) as Methods<Defs>;
}
