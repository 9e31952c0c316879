import "server-only";
import { z } from "zod";
import {
  addPhoneNumberInput,
  getVerifyCodeInput,
  phoneInput,
  phoneNumberInfoSchema,
  queryPhoneNumbersInput,
  verificationStatusSchema,
  verifyAndRegisterInput,
} from "@/lib/cams/wire";
import { defineOperation, noData } from "./define";

const phoneList = z.array(phoneNumberInfoSchema);

/** Phone-number lifecycle: add, list, verify, register, deregister. */
export const phoneOperations = {
  /** AddChatappPhoneNumber (10 QPS). Not idempotent: never retried. */
  addPhoneNumber: defineOperation({
    name: "AddChatappPhoneNumber",
    input: addPhoneNumberInput,
    phone: (i) => `${i.cc}${i.phoneNumber}`,
    parse: noData,
  }),
  /** QueryChatappPhoneNumbers (10 QPS). */
  queryPhoneNumbers: defineOperation({
    name: "QueryChatappPhoneNumbers",
    input: queryPhoneNumbersInput,
    share: true,
    parse: (b) => phoneList.parse(b.phoneNumbers ?? []),
  }),
  /** GetChatappVerifyCode (10 QPS). Sends an SMS or voice call each time: never retried. */
  getVerifyCode: defineOperation({ name: "GetChatappVerifyCode", input: getVerifyCodeInput, parse: noData }),
  /** ChatappVerifyAndRegister (10 QPS). */
  verifyAndRegister: defineOperation({ name: "ChatappVerifyAndRegister", input: verifyAndRegisterInput, parse: noData }),
  /** ChatappPhoneNumberRegister (10 QPS). */
  registerPhoneNumber: defineOperation({ name: "ChatappPhoneNumberRegister", input: phoneInput, parse: noData }),
  /** ChatappPhoneNumberDeregister (10 QPS). */
  deregisterPhoneNumber: defineOperation({ name: "ChatappPhoneNumberDeregister", input: phoneInput, parse: noData }),
  /** GetPhoneNumberVerificationStatus (10 QPS). */
  getVerificationStatus: defineOperation({
    name: "GetPhoneNumberVerificationStatus",
    input: phoneInput,
    parse: (b) => verificationStatusSchema.parse(b.data),
  }),
};
