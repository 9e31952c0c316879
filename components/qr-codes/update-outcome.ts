/**
 * What an UpdatePhoneMessageQrdl answer says happened to a code. The vendor documents that the
 * original code stops working and its example answer carries a new QrdlCode, but only the answer
 * tells: a new code replaces the old one (reprint), or CAMS kept the same code (its link is unchanged).
 */
export type QrUpdateOutcome =
  | { kind: "replaced"; previous: string; code: string; deepLinkUrl: string | null }
  | { kind: "kept"; code: string }
  /** The answer carried no code: what CAMS holds is read again; the old one may have stopped working. */
  | { kind: "unknown"; previous: string };

export function qrUpdateOutcome(previous: string, answer: { qrdlCode: string; deepLinkUrl: string | null } | null): QrUpdateOutcome {
  const code = answer?.qrdlCode?.trim();
  if (!answer || !code) return { kind: "unknown", previous };
  if (code === previous) return { kind: "kept", code };
  return { kind: "replaced", previous, code, deepLinkUrl: answer.deepLinkUrl };
}
