/**
 * What the change history records of a number, and what explains a change. Shared by the server
 * (server/alerts/history.ts decides a change's source) and the UI (labels, filters).
 */

/** The number fields QueryChatappPhoneNumbers answers that the history follows. */
export const NUMBER_FIELDS = [
  "status",
  "qualityRating",
  "messagingLimitTier",
  "nameStatus",
  "newNameStatus",
  "verifiedName",
  "codeVerificationStatus",
  "statusCallbackUrl",
  "upCallbackUrl",
  "statusQueue",
  "upQueue",
] as const;

/** Every field of the history: the number's own, and whether it is there at all ("present"/null). */
export const HISTORY_FIELDS = [...NUMBER_FIELDS, "presence"] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export const HISTORY_SOURCES = ["console", "outside", "cams"] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/**
 * Settings this console manages: a change of one that no change of ours explains is drift
 * ("outside"). The other fields are CAMS's and WhatsApp's to set ("cams").
 */
export const MANAGED_FIELDS: ReadonlySet<HistoryField> = new Set(["statusCallbackUrl", "upCallbackUrl", "statusQueue", "upQueue", "presence"]);

const WEBHOOK_FIELDS: HistoryField[] = ["statusCallbackUrl", "upCallbackUrl", "statusQueue", "upQueue"];

/** The audit operations (server actions and bulk items) that change each field of a number. */
export const EXPLAINED_BY: Readonly<Record<string, readonly HistoryField[]>> = {
  "webhooks.updatePhone": WEBHOOK_FIELDS,
  "bulk.webhook": WEBHOOK_FIELDS,
  "phoneNumbers.add": ["presence", "status", "codeVerificationStatus", "verifiedName", "nameStatus"],
  "phoneNumbers.verify": ["codeVerificationStatus", "status"],
  "phoneNumbers.register": ["status"],
  "phoneNumbers.deregister": ["status"],
};

export const operationsExplaining = (field: HistoryField): string[] =>
  Object.entries(EXPLAINED_BY)
    .filter(([, fields]) => fields.includes(field))
    .map(([op]) => op);

export const isHistoryField = (v: string): v is HistoryField => (HISTORY_FIELDS as readonly string[]).includes(v);
