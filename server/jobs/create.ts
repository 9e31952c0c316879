import "server-only";
import { checkEncryptionPublicKey } from "@/lib/pem";
import { heldOf, profileSetOf, webhookClears, type BulkTarget, type CreateBulkJobParsed, type JobParams } from "@/lib/schemas/bulk";
import type { SessionUser } from "@/server/auth/session";
import { writableSpaces } from "@/server/data/bulk";
import { nodeAcceptsRsa2048 } from "@/server/data/encryption-keys";
import { queryNumbers } from "@/server/data/phone-numbers";

/** Why a job cannot be created as asked; the action turns each into a field or access error. */
export type PrepareProblem =
  | { kind: "forbidden"; spaceIds: string[] }
  | { kind: "notInSpace"; missing: number }
  | { kind: "badKey" }
  | { kind: "unconfirmedClear"; numbers: number };

/**
 * The change to store: webhook settings, the automation state, the chosen profile fields (trimmed
 * as the Profile tab sends them), or the canonical public key PEM and its fingerprint.
 */
export function paramsOf(p: CreateBulkJobParsed): JobParams | null {
  if (p.kind === "profile") {
    const { set, issues } = profileSetOf(p);
    // The schema refused these already; this guards a caller that skipped it.
    return issues.length ? null : { set };
  }
  if (p.kind === "automation") {
    return {
      enableWelcomeMessage: p.enableWelcomeMessage,
      prompts: p.prompts.map((x) => x.text),
      commands: p.commands.map((c) => ({ name: c.name, description: c.description })),
    };
  }
  if (p.kind === "webhook") {
    return { statusCallbackUrl: p.statusCallbackUrl, upCallbackUrl: p.upCallbackUrl, httpFlag: p.httpFlag, queueFlag: p.queueFlag };
  }
  const checked = checkEncryptionPublicKey(p.publicKey);
  // Two independent parsers must agree before a key is stored, as for a single number's key.
  if (!checked.ok || !nodeAcceptsRsa2048(checked.pem)) return null;
  return { publicKey: checked.pem, fingerprint: checked.fingerprint, origin: p.origin };
}

/**
 * The targets as the server sees them: every space must be one the user may change (admins all,
 * operators their assigned ones), and every number must still be in its space (one
 * QueryChatappPhoneNumbers per space) — a client-supplied list is never trusted as it is. A
 * webhook change that clears what CAMS holds now (URLs with HTTP off, queues with the queue off)
 * needs the user's confirmation, checked against the same read.
 */
export async function checkTargets(
  user: SessionUser,
  targets: BulkTarget[],
  webhook?: { httpFlag: "Y" | "N"; queueFlag: "Y" | "N"; confirmed: boolean },
): Promise<PrepareProblem | null> {
  const allowed = new Set((await writableSpaces(user)).map((s) => s.id));
  const forbidden = targets.filter((t) => !allowed.has(t.spaceId)).map((t) => t.spaceId);
  if (forbidden.length) return { kind: "forbidden", spaceIds: forbidden };
  let missing = 0;
  let clears = 0;
  for (const t of targets) {
    // A CAMS failure here propagates: the action shows it explained, with its request id.
    const present = new Map((await queryNumbers(t.spaceId)).map((n) => [n.phoneNumber, n]));
    const chosen = new Set(t.phoneNumbers);
    for (const p of chosen) {
      const n = present.get(p);
      if (!n) missing++;
      else if (webhook) {
        const c = webhookClears(webhook, heldOf(n));
        if (c.urls || c.queues) clears++;
      }
    }
  }
  if (missing) return { kind: "notInSpace", missing };
  return clears && !webhook?.confirmed ? { kind: "unconfirmedClear", numbers: clears } : null;
}
