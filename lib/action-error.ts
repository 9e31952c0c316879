/**
 * What the browser gets for any failed action (`serverError`) or read (a route's error body, a
 * space's entry in an all-spaces list); made on the server by `toShownError` (server/safe-error.ts)
 * and shown by components/action-error.tsx in the user's language:
 * - `code` (+ `requestId`): CAMS refused the call, or the way to it failed; explained from
 *   messages/<locale>/camsErrors.json (lib/i18n/cams-errors.ts);
 * - `key` (+ `params`): a refusal, a key of messages/<locale>/serverErrors.json;
 * - `ref`: the log reference of an unexpected error.
 * `message` is English, for logs and clients that cannot translate; the UI renders it only when
 * there is neither a code nor a key it knows.
 */
export interface ActionServerError {
  message: string;
  key?: string;
  params?: Record<string, string | number>;
  code?: string;
  requestId?: string;
  httpStatus?: number;
  ref?: string;
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong. Try again; if it keeps happening, quote the reference.";
