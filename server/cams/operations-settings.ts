import "server-only";
import { z } from "zod";
import {
  encryptionKeyInfoSchema,
  getPhoneNumberMetricInput,
  metricPointSchema,
  phoneInput,
  updateAccountWebhookInput,
  updateEncryptionPublicKeyInput,
  updatePhoneWebhookInput,
} from "@/lib/cams/wire";
import { defineOperation, noData } from "./define";

const metricList = z.array(metricPointSchema);

/** Per-number settings and reads: encryption key, webhooks, metrics (the business profile: operations-profile.ts). */
export const settingsOperations = {
  /** GetPhoneEncryptionPublicKey (5 QPS). */
  getEncryptionPublicKey: defineOperation({
    name: "GetPhoneEncryptionPublicKey",
    input: phoneInput,
    share: true,
    parse: (b) => encryptionKeyInfoSchema.parse(b.data),
  }),
  /** UpdatePhoneEncryptionPublicKey (5 QPS). The PEM is sent, never logged. */
  updateEncryptionPublicKey: defineOperation({
    name: "UpdatePhoneEncryptionPublicKey",
    input: updateEncryptionPublicKeyInput,
    parse: noData,
  }),
  /** UpdatePhoneWebhook (10 QPS). */
  updatePhoneWebhook: defineOperation({ name: "UpdatePhoneWebhook", input: updatePhoneWebhookInput, parse: noData }),
  /** UpdateAccountWebhook (10 QPS). */
  updateAccountWebhook: defineOperation({ name: "UpdateAccountWebhook", input: updateAccountWebhookInput, parse: noData }),
  /** GetChatappPhoneNumberMetric (50 QPS). Start/End are epoch milliseconds. */
  getPhoneNumberMetric: defineOperation({
    name: "GetChatappPhoneNumberMetric",
    input: getPhoneNumberMetricInput,
    parse: (b) => metricList.parse(b.data ?? []),
  }),
};
