import "server-only";
import { createTranslator } from "use-intl/core";
import type { ActionServerError } from "@/lib/action-error";
import english from "@/messages/en/serverErrors.json";
import { SafeError } from "@/server/safe-error";

/** A key of messages/<locale>/serverErrors.json: what a refusal says, in every language. */
export type ServerMessageKey = keyof typeof english;
export type ServerMessageParams = Record<string, string | number>;

const inEnglish = createTranslator({ locale: "en", messages: { serverErrors: english }, namespace: "serverErrors" });

/**
 * An expected refusal (the "safe error" of house style): it carries a message key, which the
 * browser renders in the user's language (components/action-error.tsx). `message` is the English
 * text, for logs and for clients that cannot translate.
 */
export class ActionError extends SafeError {
  readonly params?: ServerMessageParams;
  readonly details: { code?: string; requestId?: string; httpStatus?: number };

  constructor(
    readonly key: ServerMessageKey,
    opts: { params?: ServerMessageParams; code?: string; requestId?: string; httpStatus?: number } = {},
  ) {
    const { params, ...details } = opts;
    super(inEnglish(key, params));
    this.name = "ActionError";
    this.details = details;
    if (params) this.params = params;
  }

  toShown(): ActionServerError {
    return { message: this.message, key: this.key, ...(this.params ? { params: this.params } : {}), ...this.details };
  }

  get status(): number {
    return this.details.httpStatus ?? 400;
  }
}

export const UNAUTHORIZED: ServerMessageKey = "notSignedIn";
export const FORBIDDEN: ServerMessageKey = "forbidden";
