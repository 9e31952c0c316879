import "server-only";
import { NextResponse } from "next/server";
import { GENERIC_ERROR_MESSAGE, type ActionServerError } from "@/lib/action-error";
import { getLogger } from "@/server/logger";

/**
 * The one kind of error whose content may reach a browser: `ActionError` (a refusal, by message
 * key) and `CamsError` (CAMS or the way to it failed, by code) extend it. Anything else is a bug
 * or a library's message and is masked by `toShownError`.
 */
export abstract class SafeError extends Error {
  /** What the browser gets: a message key or a CAMS code, never free server text to render. */
  abstract toShown(): ActionServerError;
  /** The status a route handler answers with. */
  abstract get status(): number;
}

/**
 * Turns anything thrown into what the browser may see: a SafeError as it allows, anything else
 * logged with a short reference and replaced by the generic message. The one path for the action
 * clients (`handleServerError`) and the route handlers (`errorResponse`).
 */
export function toShownError(err: unknown, where: { action: string | undefined } | { what: string }): ActionServerError {
  if (err instanceof SafeError) return err.toShown();
  const ref = crypto.randomUUID().slice(0, 8);
  getLogger().error({ err, ref, ...where }, "action" in where ? "action failed" : "read failed");
  return { message: GENERIC_ERROR_MESSAGE, ref };
}

/** A route handler's answer for a thrown error or a refusal: CAMS failures 502, refusals their own status, the rest 500. */
export function errorResponse(err: unknown, what: string): NextResponse {
  return NextResponse.json(toShownError(err, { what }), { status: err instanceof SafeError ? err.status : 500 });
}
