import "server-only";
import * as $Cams from "@alicloud/cams20200606";
import { z } from "zod";
import {
  businessProfileSchema,
  encryptionKeyInfoSchema,
  getPhoneNumberMetricInput,
  metricPointSchema,
  phoneInput,
  updateAccountWebhookInput,
  updateEncryptionPublicKeyInput,
  updatePhoneWebhookInput,
  type BusinessProfile,
  type EncryptionKeyInfo,
  type GetPhoneNumberMetricInput,
  type MetricPoint,
  type PhoneInput,
  type UpdateAccountWebhookInput,
  type UpdateEncryptionPublicKeyInput,
  type UpdatePhoneWebhookInput,
} from "@/lib/cams/wire";
import type { Caller, CamsResult } from "./call";

const metricList = z.array(metricPointSchema);

/** Per-number settings and reads: encryption key, webhooks, business profile, metrics. */
export function settingsOperations(c: Caller) {
  return {
    /** GetPhoneEncryptionPublicKey (5 QPS). */
    async getEncryptionPublicKey(raw: PhoneInput): Promise<CamsResult<EncryptionKeyInfo>> {
      const i = c.input("GetPhoneEncryptionPublicKey", phoneInput, raw);
      const custSpaceId = c.spaceFor("GetPhoneEncryptionPublicKey", i.custSpaceId);
      return c.call({
        operation: "GetPhoneEncryptionPublicKey",
        phone: i.phoneNumber,
        custSpaceId,
        share: { ...i, custSpaceId },
        send: (sdk, rt) =>
          sdk.getPhoneEncryptionPublicKeyWithOptions(
            new $Cams.GetPhoneEncryptionPublicKeyRequest({ ...i, custSpaceId }),
            rt,
          ),
        parse: (b) => encryptionKeyInfoSchema.parse(b.data),
      });
    },

    /** UpdatePhoneEncryptionPublicKey (5 QPS). The PEM is sent, never logged. */
    async updateEncryptionPublicKey(raw: UpdateEncryptionPublicKeyInput): Promise<CamsResult<null>> {
      const i = c.input("UpdatePhoneEncryptionPublicKey", updateEncryptionPublicKeyInput, raw);
      const custSpaceId = c.spaceFor("UpdatePhoneEncryptionPublicKey", i.custSpaceId);
      return c.call({
        operation: "UpdatePhoneEncryptionPublicKey",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.updatePhoneEncryptionPublicKeyWithOptions(
            new $Cams.UpdatePhoneEncryptionPublicKeyRequest({ ...i, custSpaceId }),
            rt,
          ),
        parse: () => null,
      });
    },

    /** UpdatePhoneWebhook (10 QPS). */
    async updatePhoneWebhook(raw: UpdatePhoneWebhookInput): Promise<CamsResult<null>> {
      const i = c.input("UpdatePhoneWebhook", updatePhoneWebhookInput, raw);
      const custSpaceId = c.spaceFor("UpdatePhoneWebhook", i.custSpaceId);
      return c.call({
        operation: "UpdatePhoneWebhook",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.updatePhoneWebhookWithOptions(new $Cams.UpdatePhoneWebhookRequest({ ...i, custSpaceId }), rt),
        parse: () => null,
      });
    },

    /** UpdateAccountWebhook (10 QPS). */
    async updateAccountWebhook(raw: UpdateAccountWebhookInput): Promise<CamsResult<null>> {
      const i = c.input("UpdateAccountWebhook", updateAccountWebhookInput, raw);
      const custSpaceId = c.spaceFor("UpdateAccountWebhook", i.custSpaceId);
      return c.call({
        operation: "UpdateAccountWebhook",
        custSpaceId,
        send: (sdk, rt) =>
          sdk.updateAccountWebhookWithOptions(new $Cams.UpdateAccountWebhookRequest({ ...i, custSpaceId }), rt),
        parse: () => null,
      });
    },

    /** QueryPhoneBusinessProfile (10 QPS). */
    async queryBusinessProfile(raw: PhoneInput): Promise<CamsResult<BusinessProfile>> {
      const i = c.input("QueryPhoneBusinessProfile", phoneInput, raw);
      const custSpaceId = c.spaceFor("QueryPhoneBusinessProfile", i.custSpaceId);
      return c.call({
        operation: "QueryPhoneBusinessProfile",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.queryPhoneBusinessProfileWithOptions(new $Cams.QueryPhoneBusinessProfileRequest({ ...i, custSpaceId }), rt),
        parse: (b) => businessProfileSchema.parse(b.data),
      });
    },

    /** GetChatappPhoneNumberMetric (50 QPS). Start/End are epoch milliseconds. */
    async getPhoneNumberMetric(raw: GetPhoneNumberMetricInput): Promise<CamsResult<MetricPoint[]>> {
      const i = c.input("GetChatappPhoneNumberMetric", getPhoneNumberMetricInput, raw);
      const custSpaceId = c.spaceFor("GetChatappPhoneNumberMetric", i.custSpaceId);
      return c.call({
        operation: "GetChatappPhoneNumberMetric",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.getChatappPhoneNumberMetricWithOptions(
            new $Cams.GetChatappPhoneNumberMetricRequest({ ...i, custSpaceId }),
            rt,
          ),
        parse: (b) => metricList.parse(b.data ?? []),
      });
    },
  };
}
