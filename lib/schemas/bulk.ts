import { z } from "zod";
import type { ActionServerError } from "@/lib/action-error";
import { checkEncryptionPublicKey } from "@/lib/pem";
import { KEY_ISSUE_MESSAGE, KEY_ORIGINS } from "@/lib/schemas/encryption-keys";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { callbackUrlField, FLAGS, WV, type Flag } from "@/lib/schemas/webhooks";
import { idField } from "./common";

/**
 * Bulk operations: one form (pick numbers → choose the change → review) and the job actions.
 * Messages are translation keys (messages/<locale>/bulk.json under bulk.validation, plus the
 * webhook and key messages of those features), so one schema speaks both languages.
 */
export const BV = {
  noNumbers: "bulk.validation.noNumbers",
  tooMany: "bulk.validation.tooMany",
  duplicateSpace: "bulk.validation.duplicateSpace",
  kind: "bulk.validation.kind",
  notInSpace: "bulk.validation.notInSpace",
} as const;

export const BULK_KINDS = ["webhook", "encryption_key"] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

/** The CAMS operation each kind calls, for its rate limit. */
export const BULK_OPERATION = { webhook: "UpdatePhoneWebhook", encryption_key: "UpdatePhoneEncryptionPublicKey" } as const;

/** One job holds at most this many numbers: ~21 min of webhooks, ~42 min of keys at the limiter's pace. */
export const MAX_JOB_ITEMS = 10_000;

export const JOB_STATUSES = ["queued", "running", "paused", "cancelled", "done"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ITEM_STATUSES = ["pending", "running", "ok", "failed", "cancelled"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The numbers of one space a job changes. */
export const bulkTargetSchema = z.object({
  spaceId: idField,
  phoneNumbers: z.array(fullPhoneField).min(1, { error: BV.noNumbers }).max(MAX_JOB_ITEMS, { error: BV.tooMany }),
});
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

export const bulkTargetsField = z
  .array(bulkTargetSchema)
  .min(1, { error: BV.noNumbers })
  .max(500, { error: BV.tooMany })
  .superRefine((targets, ctx) => {
    if (new Set(targets.map((t) => t.spaceId)).size !== targets.length) ctx.addIssue({ code: "custom", message: BV.duplicateSpace });
    const total = targets.reduce((n, t) => n + new Set(t.phoneNumbers).size, 0);
    if (total > MAX_JOB_ITEMS) ctx.addIssue({ code: "custom", message: BV.tooMany });
  });

/**
 * The whole form. Flat rather than a union on `kind` so react-hook-form keeps both parts while the
 * user switches between them; only the chosen kind's fields are checked.
 */
export const createBulkJobSchema = z
  .object({
    kind: z.enum(BULK_KINDS, { error: BV.kind }),
    targets: bulkTargetsField,
    statusCallbackUrl: callbackUrlField,
    upCallbackUrl: callbackUrlField,
    httpFlag: z.enum(FLAGS, { error: WV.flag }),
    queueFlag: z.enum(FLAGS, { error: WV.flag }),
    publicKey: z.string().max(64 * 1024, { error: KEY_ISSUE_MESSAGE.tooLong }),
    origin: z.enum(KEY_ORIGINS).catch("pasted"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "webhook") {
      // Same rule as the number's webhook form: HTTP receipts need somewhere to go.
      if (v.httpFlag === "Y" && !v.statusCallbackUrl && !v.upCallbackUrl) {
        ctx.addIssue({ code: "custom", path: ["statusCallbackUrl"], message: WV.urlRequired });
        ctx.addIssue({ code: "custom", path: ["upCallbackUrl"], message: WV.urlRequired });
      }
      return;
    }
    const r = checkEncryptionPublicKey(v.publicKey);
    if (!r.ok) ctx.addIssue({ code: "custom", path: ["publicKey"], message: KEY_ISSUE_MESSAGE[r.issue] });
  });
export type CreateBulkJobInput = z.input<typeof createBulkJobSchema>;
export type CreateBulkJobParsed = z.output<typeof createBulkJobSchema>;

/** Fields each wizard step owns, validated before moving on. */
export const STEP_FIELDS = {
  webhook: ["statusCallbackUrl", "upCallbackUrl", "httpFlag", "queueFlag"],
  encryption_key: ["publicKey"],
} as const;

export const jobRefSchema = z.object({ jobId: idField });

// ---- what a job changes, as stored (jobs.params) and shown ----

export interface WebhookParams {
  statusCallbackUrl: string;
  upCallbackUrl: string;
  httpFlag: Flag;
  queueFlag: Flag;
}

/** A public key is not secret; the PEM is kept so the worker can send it, the fingerprint to show it. */
export interface KeyParams {
  publicKey: string;
  fingerprint: string;
  origin: (typeof KEY_ORIGINS)[number];
}

/** What the browser sees of a job's change: never the PEM itself, just its fingerprint. */
export type JobChange = ({ kind: "webhook" } & WebhookParams) | { kind: "encryption_key"; fingerprint: string };

// ---- DTOs of the read endpoints ----

export interface JobSummary {
  id: string;
  kind: BulkKind;
  status: JobStatus;
  createdByEmail: string;
  change: JobChange;
  total: number;
  ok: number;
  failed: number;
  cancelled: number;
  spaces: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobProgress extends JobSummary {
  pending: number;
  running: number;
  /** Retryable failures put back in the queue, and throttled answers among them. */
  retries: number;
  throttled: number;
  /** Numbers finished per second over the last few seconds; null before there is any. */
  throughput: number | null;
  /** The client limiter's pace for this operation, per cloud account. */
  rate: number;
  /** Distinct cloud accounts the job's spaces use (each has its own budget). */
  accounts: number;
  serverTime: string;
}

export interface JobItemRow {
  spaceId: string;
  spaceName: string | null;
  phoneNumber: string;
  status: ItemStatus;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  requestId: string | null;
  finishedAt: string | null;
}

export const ITEM_FILTERS = ["all", "failed", "ok", "pending", "cancelled"] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];
export const ITEMS_PAGE_SIZE = 50;

export interface JobItemsPage {
  items: JobItemRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BulkNumber {
  phoneNumber: string;
  verifiedName: string | null;
  status: string | null;
  codeVerificationStatus: string | null;
}

/** One space's numbers for the picker, or why they could not be read. */
export type BulkSpaceNumbers =
  | { spaceId: string; spaceName: string; account: string | null; ok: true; numbers: BulkNumber[] }
  | {
      spaceId: string;
      spaceName: string;
      account: string | null;
      ok: false;
      error: ActionServerError;
    };

export interface BulkNumbersResponse {
  spaces: BulkSpaceNumbers[];
  fetchedAt: string;
}

/**
 * Seconds a job needs at the limiter's pace (numbers ÷ rate): cloud accounts have separate
 * budgets and run side by side, so the account with the most numbers decides.
 */
export function estimateSeconds(perAccount: number[], rate: number): number {
  return Math.max(0, ...perAccount) / rate;
}

/**
 * Pre-selection from other pages' links: `items=<spaceId>:<phone>,…` (explicit numbers) or
 * `spaces=<id>,<id>&status=CONNECTED` (every number of those spaces, optionally one status).
 */
export function parsePreselection(params: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k][0] : params[k]) ?? "";
  const kind = BULK_KINDS.find((k) => k === one("kind")) ?? null;
  const items = new Map<string, string[]>();
  for (const pair of one("items").split(",").filter(Boolean).slice(0, MAX_JOB_ITEMS)) {
    const [spaceId, phone] = pair.split(":");
    if (!spaceId || !phone || !idField.safeParse(spaceId).success || !fullPhoneField.safeParse(phone).success) continue;
    items.set(spaceId, [...(items.get(spaceId) ?? []), phone]);
  }
  const spaces = one("spaces")
    .split(",")
    .filter((s) => idField.safeParse(s).success)
    .slice(0, 500);
  const status = /^[A-Z_]{1,40}$/.test(one("status")) ? one("status") : null;
  return {
    kind,
    items: items.size ? Object.fromEntries(items) : null,
    spaces: items.size ? [...items.keys()] : spaces,
    status: items.size ? null : status,
  };
}
export type Preselection = ReturnType<typeof parsePreselection>;
