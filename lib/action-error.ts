/**
 * What a failed action tells the browser. `message` is safe to show; `code` and `requestId` come
 * from CAMS when CAMS refused the call (the UI explains the code with lib/cams/errors.ts);
 * `ref` is the log reference of an unexpected error.
 */
export interface ActionServerError {
  message: string;
  code?: string;
  requestId?: string;
  httpStatus?: number;
  ref?: string;
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong. Try again; if it keeps happening, quote the reference.";
