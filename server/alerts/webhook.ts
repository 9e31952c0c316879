import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import type { AllowedNetwork } from "@/lib/allowed-networks";
import type { TestDeliveryOutcome } from "@/lib/schemas/webhooks";
import { postGuarded, type Resolver } from "@/server/webhook-test-delivery";
import type { AlertDetail } from "./detail";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const TIMESTAMP_HEADER = "X-Cams-Admin-Timestamp";
export const SIGNATURE_HEADER = "X-Cams-Admin-Signature";

/** A new endpoint secret: shown once, stored encrypted; the HMAC key is the whole string. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

export function alertBody(d: AlertDetail): string {
  return JSON.stringify({
    id: String(d.id),
    kind: d.kind,
    state: d.state,
    spaceId: d.spaceId,
    spaceName: d.spaceName,
    phoneNumber: d.phoneNumber,
    field: d.field,
    oldValue: d.oldValue,
    newValue: d.newValue,
    observedAt: d.observedAt.toISOString(),
  });
}

/** "sha256=<hex>" over "<timestamp>.<raw body>": the timestamp is signed too, so a receiver can refuse replays. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Posts one alert through the same SSRF guard as the test delivery; never throws for the receiver's faults. */
export async function postAlertWebhook(o: { url: string; secret: string; detail: AlertDetail; allowedNetworks: AllowedNetwork[]; resolve?: Resolver; now?: number }): Promise<TestDeliveryOutcome> {
  const body = alertBody(o.detail);
  const timestamp = Math.floor((o.now ?? Date.now()) / 1000);
  return postGuarded({
    url: o.url,
    body,
    allowedNetworks: o.allowedNetworks,
    resolve: o.resolve,
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    headers: {
      "user-agent": "CAMS-Admin-Alerts/1.0",
      [TIMESTAMP_HEADER.toLowerCase()]: String(timestamp),
      [SIGNATURE_HEADER.toLowerCase()]: signature(o.secret, timestamp, body),
    },
  });
}
