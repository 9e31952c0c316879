import "server-only";
import {
  businessProfileDto,
  healthStatusInput,
  healthStatusSchema,
  modifyBusinessProfileInput,
  uploadAuthorizationInput,
  uploadAuthorizationSchema,
} from "@/lib/cams/wire-profile";
import { phoneInput } from "@/lib/cams/wire";
import { defineOperation, noData } from "./define";

/** A number's business profile, the upload authorization for its picture, and its health. */
export const profileOperations = {
  /** QueryPhoneBusinessProfile (10 QPS); the vertical normalized to its code. */
  queryProfile: defineOperation({
    name: "QueryPhoneBusinessProfile",
    input: phoneInput,
    parse: (b) => businessProfileDto.parse(b.data ?? {}),
  }),
  /** ModifyPhoneBusinessProfile (10 QPS); the SDK sends Websites as one JSON string. */
  modifyProfile: defineOperation({ name: "ModifyPhoneBusinessProfile", input: modifyBusinessProfileInput, parse: noData }),
  /** GetChatappUploadAuthorization (5 QPS): temporary OSS credentials, secrets. Never shared between callers. */
  uploadAuthorization: defineOperation({
    name: "GetChatappUploadAuthorization",
    input: uploadAuthorizationInput,
    parse: (b) => uploadAuthorizationSchema.parse(b.data),
  }),
  /** GetWhatsappHealthStatus (5 QPS); not in SDK 1.4.2. */
  healthStatus: defineOperation({
    name: "GetWhatsappHealthStatus",
    input: healthStatusInput,
    via: "rpc",
    share: true,
    parse: (b) => healthStatusSchema.parse(b.data ?? {}),
  }),
};
