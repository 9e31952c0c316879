/**
 * CAMS error codes the server itself uses. Their explanations, like every CAMS code's, are in
 * messages/<locale>/camsErrors.json (lib/i18n/cams-errors.ts looks them up).
 */

/** Codes the client itself produces when CAMS never answered, or answered something unusable. */
export const LOCAL_ERROR_CODES = {
  timeout: "Network.Timeout",
  dropped: "Network.Dropped",
  refused: "Network.Refused",
  malformed: "Response.Malformed",
  invalid: "Response.Invalid",
  badInput: "Request.Invalid",
  queueFull: "RateLimit.QueueFull",
  spaceNotFound: "Space.NotFound",
  noAccount: "Space.NoAccount",
  secretUnreadable: "Account.SecretUnreadable",
} as const;
