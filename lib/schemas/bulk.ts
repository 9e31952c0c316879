import { z } from "zod";
import type { ActionServerError } from "@/lib/action-error";
import { checkEncryptionPublicKey } from "@/lib/pem";
import { KEY_ISSUE_MESSAGE, KEY_ORIGINS } from "@/lib/schemas/encryption-keys";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import { callbackUrlField, FLAGS, WV, type Flag } from "@/lib/schemas/webhooks";
import { automationSettingsSchema, type AutomationDto } from "./automation";
import { idField } from "./common";
import { PROFILE_LIMITS, profileFields, PV, type Vertical } from "./profile";

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
  confirmClear: "bulk.validation.confirmClear",
  noProfileField: "bulk.validation.noProfileField",
} as const;

export const BULK_KINDS = ["webhook", "encryption_key", "automation", "profile"] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

/** The CAMS operation each kind calls, for its rate limit. */
export const BULK_OPERATION = {
  webhook: "UpdatePhoneWebhook",
  encryption_key: "UpdatePhoneEncryptionPublicKey",
  automation: "UpdateConversationalAutomation",
  profile: "ModifyPhoneBusinessProfile",
} as const;

const PROFILE_TEXT_BOUND = 8192;

/** Profile fields a bulk job can set (the picture is per number: it is uploaded for one). */
export const BULK_PROFILE_FIELDS = ["about", "description", "address", "email", "vertical", "websites"] as const;
export type BulkProfileField = (typeof BULK_PROFILE_FIELDS)[number];

/** What a profile job sends: only the chosen fields, each as the Profile tab would send it. */
export interface BulkProfileSet {
  about?: string;
  description?: string;
  address?: string;
  email?: string;
  vertical?: Vertical;
  websites?: string[];
}

/**
 * The chosen fields, checked with the Profile tab's own field schemas and normalized as it does
 * (trimmed, empty website slots dropped); unchosen ones are not looked at. The issues carry paths
 * relative to the form, so they land on the fields.
 */
export function profileSetOf(v: {
  profileChosen: readonly string[];
  about: string;
  description: string;
  address: string;
  email: string;
  vertical: string;
  websites: string[];
}): { set: BulkProfileSet; issues: { path: (string | number)[]; message: string }[] } {
  const set: BulkProfileSet = {};
  const issues: { path: (string | number)[]; message: string }[] = [];
  const chosen = BULK_PROFILE_FIELDS.filter((f) => v.profileChosen.includes(f));
  if (!chosen.length) issues.push({ path: ["profileChosen"], message: BV.noProfileField });
  for (const f of chosen) {
    // A category cannot be emptied once set, and a job cannot know each number's: "" is never sent.
    if (f === "vertical" && v.vertical === "") {
      issues.push({ path: ["vertical"], message: PV.verticalRequired });
      continue;
    }
    const r = profileFields[f].safeParse(v[f]);
    if (!r.success) {
      for (const i of r.error.issues) issues.push({ path: [f, ...i.path.map((x) => (typeof x === "symbol" ? String(x) : x))], message: i.message });
      continue;
    }
    if (f === "websites") set.websites = (r.data as string[]).filter(Boolean);
    else if (f === "vertical") set.vertical = r.data as Vertical;
    else set[f] = r.data as string;
  }
  return { set, issues };
}

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
    /** Automation: the whole state each number gets (the number's Automation tab's own fields). */
    enableWelcomeMessage: automationSettingsSchema.shape.enableWelcomeMessage.default(false),
    prompts: automationSettingsSchema.shape.prompts.default([]),
    commands: automationSettingsSchema.shape.commands.default([]),
    /**
     * Profile: which fields to set, and their values under the Profile tab's own names (so its
     * field components serve the form). Values of unchosen fields are ignored; chosen ones are
     * checked in the refinement below with the tab's schemas.
     */
    profileChosen: z.array(z.enum(BULK_PROFILE_FIELDS)).max(BULK_PROFILE_FIELDS.length).default([]),
    // Bounds on what is accepted at all, far above WhatsApp's limits, so a leftover value of an
    // unchosen field never blocks a job; the real limits are the tab's, checked when chosen.
    about: z.string().max(PROFILE_TEXT_BOUND).default(""),
    description: z.string().max(PROFILE_TEXT_BOUND).default(""),
    address: z.string().max(PROFILE_TEXT_BOUND).default(""),
    email: z.string().max(PROFILE_TEXT_BOUND).default(""),
    vertical: z.string().max(PROFILE_TEXT_BOUND).default(""),
    websites: z.array(z.string().max(PROFILE_TEXT_BOUND)).max(PROFILE_LIMITS.websites).default([]),
    /**
     * The user confirmed that the change clears settings CAMS holds (URLs with HTTP off, queues
     * with the queue off). The action checks it against what CAMS holds before creating the job.
     */
    confirmClear: z.boolean().default(false),
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
    if (v.kind === "automation") return;
    if (v.kind === "profile") {
      for (const i of profileSetOf(v).issues) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
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
  automation: ["enableWelcomeMessage", "prompts", "commands"],
  profile: ["profileChosen", ...BULK_PROFILE_FIELDS],
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

/** An automation job sets the whole state: the welcome switch, the ice breakers in order, the commands. */
export type AutomationParams = AutomationDto;

/** A profile job sets the chosen fields and leaves every other field of each number as it is. */
export interface ProfileParams {
  set: BulkProfileSet;
}

/** What the browser sees of a job's change: never the PEM itself, just its fingerprint. */
export type JobChange =
  | ({ kind: "webhook" } & WebhookParams)
  | { kind: "encryption_key"; fingerprint: string }
  | ({ kind: "automation" } & AutomationParams)
  | ({ kind: "profile" } & ProfileParams);

/** Stored params of any kind (jobs.params). */
export type JobParams = WebhookParams | KeyParams | AutomationParams | ProfileParams;

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
  /** Webhook jobs: the finished numbers grouped by what CAMS held when read back, largest group first. */
  heldAfter: { result: ItemResult; count: number }[];
}

/** One number's callback settings as CAMS returned them (QueryChatappPhoneNumbers). */
export interface HeldWebhook {
  statusCallbackUrl: string | null;
  upCallbackUrl: string | null;
  statusQueue: string | null;
  upQueue: string | null;
}

/** The callback fields of a QueryChatappPhoneNumbers row (empty strings count as not set). */
export const heldOf = (n: HeldWebhook): HeldWebhook => ({
  statusCallbackUrl: n.statusCallbackUrl || null,
  upCallbackUrl: n.upCallbackUrl || null,
  statusQueue: n.statusQueue || null,
  upQueue: n.upQueue || null,
});

/**
 * What the worker read back after an item's change (job_items.result): the values CAMS holds,
 * that the number is no longer listed, or that the read failed (the change itself was accepted).
 */
export type ItemResult =
  | { read: "ok"; held: HeldWebhook }
  | { read: "missing" }
  | { read: "failed"; code: string | null; message: string; requestId: string | null };

/** Fields of a number's webhook where what CAMS holds afterwards is not what the job asked for. */
export type WebhookField = "statusCallbackUrl" | "upCallbackUrl" | "http" | "queue";

const has = (v: string | null | undefined) => !!v;

/** Where the read-back disagrees with the change: a URL other than the one sent, HTTP or queue not as asked. */
export function heldDiffers(change: WebhookParams, held: HeldWebhook): WebhookField[] {
  const out: WebhookField[] = [];
  const off = change.httpFlag === "N";
  if (off ? has(held.statusCallbackUrl) : !!change.statusCallbackUrl && held.statusCallbackUrl !== change.statusCallbackUrl) out.push("statusCallbackUrl");
  if (off ? has(held.upCallbackUrl) : !!change.upCallbackUrl && held.upCallbackUrl !== change.upCallbackUrl) out.push("upCallbackUrl");
  if (!off && !has(held.statusCallbackUrl) && !has(held.upCallbackUrl)) out.push("http");
  if ((change.queueFlag === "Y") !== (has(held.statusQueue) || has(held.upQueue))) out.push("queue");
  return out;
}

/** What a webhook change will clear on a number that holds `now`: its URLs (HTTP off), its queues (queue off). */
export function webhookClears(change: Pick<WebhookParams, "httpFlag" | "queueFlag">, now: HeldWebhook): { urls: boolean; queues: boolean } {
  return {
    urls: change.httpFlag === "N" && (has(now.statusCallbackUrl) || has(now.upCallbackUrl)),
    queues: change.queueFlag === "N" && (has(now.statusQueue) || has(now.upQueue)),
  };
}

/** How many of the numbers a webhook change clears settings on: URLs (HTTP off), queues (queue off), either. */
export function clearCounts(change: Pick<WebhookParams, "httpFlag" | "queueFlag">, numbers: HeldWebhook[]) {
  let urls = 0;
  let queues = 0;
  let any = 0;
  for (const n of numbers) {
    const c = webhookClears(change, n);
    if (c.urls) urls++;
    if (c.queues) queues++;
    if (c.urls || c.queues) any++;
  }
  return { urls, queues, numbers: any };
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
  /** The read-back after the change; null before it finished, or for a job kind without one. */
  result: ItemResult | null;
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

/** The job page's one poll: the figures and the page of rows, read together so they always agree. */
export interface JobPageData extends JobItemsPage {
  job: JobProgress;
}

export interface BulkNumber {
  phoneNumber: string;
  verifiedName: string | null;
  status: string | null;
  codeVerificationStatus: string | null;
  /** Its callback settings now, so the review can say what a webhook change clears. */
  callbacks: HeldWebhook;
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
