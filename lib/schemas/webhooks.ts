import { z } from "zod";
import type { ActionServerError } from "@/lib/action-error";
import { MAX_NETWORKS_TEXT, parseNetworkList, type NetworkIssue } from "@/lib/allowed-networks";
import { callbackUrlIssue } from "@/lib/url-safety";
import { idField } from "./common";
import { fullPhoneField } from "./phone-numbers";

/**
 * Webhook forms (number and space level), the test delivery and the allowed private networks. Messages are
 * translation keys (messages/<locale>/webhooks.json, under webhooks.validation), so one schema
 * gives field messages in both languages in the form and in the action.
 */
export const WV = {
  format: "webhooks.validation.format",
  scheme: "webhooks.validation.scheme",
  whitespace: "webhooks.validation.whitespace",
  credentials: "webhooks.validation.credentials",
  tooLong: "webhooks.validation.tooLong",
  host: "webhooks.validation.host",
  urlRequired: "webhooks.validation.urlRequired",
  statusUrlRequired: "webhooks.validation.statusUrlRequired",
  flag: "webhooks.validation.flag",
  testUrl: "webhooks.validation.testUrl",
} as const;

export const FLAGS = ["Y", "N"] as const;
export type Flag = (typeof FLAGS)[number];
const flagField = z.enum(FLAGS, { error: WV.flag });

/** An optional callback URL: "" means "none"; surrounding spaces from a paste are dropped first. */
export const callbackUrlField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const issue = v === "" ? null : callbackUrlIssue(v);
    if (issue) ctx.addIssue({ code: "custom", message: WV[issue] });
  });

export const phoneWebhookSchema = z
  .object({
    spaceId: idField,
    phoneNumber: fullPhoneField,
    /** StatusCallbackUrl: where CAMS posts delivery reports (sent, delivered, read, failed). */
    statusCallbackUrl: callbackUrlField,
    /** UpCallbackUrl: where CAMS posts messages customers send to the number. */
    upCallbackUrl: callbackUrlField,
    httpFlag: flagField,
    queueFlag: flagField,
  })
  .superRefine((v, ctx) => {
    // HTTP receipt without any address would leave CAMS nowhere to post (the sandbox refuses it too).
    if (v.httpFlag === "Y" && !v.statusCallbackUrl && !v.upCallbackUrl) {
      ctx.addIssue({ code: "custom", path: ["statusCallbackUrl"], message: WV.urlRequired });
      ctx.addIssue({ code: "custom", path: ["upCallbackUrl"], message: WV.urlRequired });
    }
  });
export type PhoneWebhookInput = z.input<typeof phoneWebhookSchema>;

export const accountWebhookSchema = z
  .object({
    spaceId: idField,
    statusCallbackUrl: callbackUrlField,
    httpFlag: flagField,
    queueFlag: flagField,
  })
  .superRefine((v, ctx) => {
    if (v.httpFlag === "Y" && !v.statusCallbackUrl) {
      ctx.addIssue({ code: "custom", path: ["statusCallbackUrl"], message: WV.statusUrlRequired });
    }
  });
export type AccountWebhookInput = z.input<typeof accountWebhookSchema>;

export const TEST_EVENT_KINDS = ["status", "inbound"] as const;
export type TestEventKind = (typeof TEST_EVENT_KINDS)[number];

export const testDeliverySchema = z.object({
  spaceId: idField,
  /** The number the sample is about; absent for the space-level webhook. */
  phoneNumber: fullPhoneField.optional(),
  kind: z.enum(TEST_EVENT_KINDS),
  url: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const issue = v === "" ? "testUrl" : callbackUrlIssue(v);
      if (issue) ctx.addIssue({ code: "custom", message: WV[issue] });
    }),
});
export type TestDeliveryInput = z.input<typeof testDeliverySchema>;

/** Field messages of the allowed-networks form, one per kind of refused line (webhooks.networks.validation). */
export const NV: Record<NetworkIssue | "tooLong", string> = {
  format: "webhooks.networks.validation.format",
  address: "webhooks.networks.validation.address",
  prefix: "webhooks.networks.validation.prefix",
  hostBits: "webhooks.networks.validation.hostBits",
  port: "webhooks.networks.validation.port",
  loopback: "webhooks.networks.validation.loopback",
  unspecified: "webhooks.networks.validation.unspecified",
  linkLocal: "webhooks.networks.validation.linkLocal",
  tooMany: "webhooks.networks.validation.tooMany",
  tooLong: "webhooks.networks.validation.tooLong",
};

/**
 * Settings → Network: one entry per line (lib/allowed-networks.ts). The message names the first
 * refused line's problem; the form shows which line it is. The action parses the text again.
 */
export const allowedNetworksSchema = z.object({
  networks: z
    .string({ error: NV.format })
    .max(MAX_NETWORKS_TEXT, { error: NV.tooLong })
    .superRefine((v, ctx) => {
      // Past the length limit the max() message is enough (and the text is not worth splitting).
      if (v.length > MAX_NETWORKS_TEXT) return;
      const first = parseNetworkList(v).issues[0];
      if (first) ctx.addIssue({ code: "custom", message: NV[first.issue] });
    }),
});
export type AllowedNetworksInput = z.input<typeof allowedNetworksSchema>;

// ---- DTOs the read endpoints and actions return ----

/**
 * One number's callback settings as CAMS holds them. QueryChatappPhoneNumbers returns the URLs and
 * the queue names but not the flags, so the flags are read off them: HTTP is on when a URL is set,
 * the queue when a queue name is.
 */
export interface WebhookRow {
  phoneNumber: string;
  verifiedName: string | null;
  status: string | null;
  statusCallbackUrl: string | null;
  upCallbackUrl: string | null;
  statusQueue: string | null;
  upQueue: string | null;
  httpFlag: Flag;
  queueFlag: Flag;
}

export interface SpaceWebhooksResponse {
  numbers: WebhookRow[];
  fetchedAt: string;
}

export type SpaceWebhooksResult =
  | { spaceId: string; spaceName: string; ok: true; numbers: WebhookRow[] }
  | { spaceId: string; spaceName: string; ok: false; error: ActionServerError };

export interface AllSpacesWebhooksResponse {
  spaces: SpaceWebhooksResult[];
  fetchedAt: string;
}

/** The space-level webhook as last saved from CAMS Admin (CAMS offers no operation to read it back). */
export interface AccountWebhookState {
  statusCallbackUrl: string | null;
  httpFlag: Flag;
  queueFlag: Flag;
  savedAt: string;
  savedBy: string;
  requestId: string | null;
}

export type BlockRule = "never" | "notListed" | "port";

export type TestDeliveryOutcome =
  | {
      kind: "answered";
      status: number;
      statusText: string;
      durationMs: number;
      address: string;
      contentType: string | null;
      /** Location of a redirect, which is shown, never followed. */
      location: string | null;
      bodyPreview: string;
      truncated: boolean;
      /**
       * A private destination (reached through an allowed network): only status and timing are
       * reported, never the body, headers or reason phrase, so the test event cannot be used to
       * read internal services.
       */
      bodyHidden: boolean;
      sent: string;
    }
  | {
      kind: "refused";
      reason: "url" | "blocked" | "dns";
      range?: string;
      address?: string;
      /** For "blocked": never allowed (loopback, link-local, metadata…), not in the allowed networks, or its port not listed. */
      rule?: BlockRule;
      port?: number;
      sent: string;
    }
  | { kind: "failed"; reason: "timeout" | "network" | "tls"; detail: string; durationMs: number; address: string; sent: string };
