import "server-only";
import * as $Cams from "@alicloud/cams20200606";
import { z } from "zod";
import {
  addPhoneNumberInput,
  getVerifyCodeInput,
  phoneInput,
  phoneNumberInfoSchema,
  queryPhoneNumbersInput,
  verificationStatusSchema,
  verifyAndRegisterInput,
  type AddPhoneNumberInput,
  type GetVerifyCodeInput,
  type PhoneInput,
  type PhoneNumberInfo,
  type QueryPhoneNumbersInput,
  type VerificationStatus,
  type VerifyAndRegisterInput,
} from "@/lib/cams/wire";
import type { Caller, CamsResult } from "./call";

const phoneList = z.array(phoneNumberInfoSchema);

/** Phone-number lifecycle: add, list, verify, register, deregister. */
export function phoneOperations(c: Caller) {
  return {
    /** AddChatappPhoneNumber (10 QPS). Not idempotent: never retried. */
    async addPhoneNumber(raw: AddPhoneNumberInput): Promise<CamsResult<null>> {
      const i = c.input("AddChatappPhoneNumber", addPhoneNumberInput, raw);
      const custSpaceId = c.spaceFor("AddChatappPhoneNumber", i.custSpaceId);
      return c.call({
        operation: "AddChatappPhoneNumber",
        phone: `${i.cc}${i.phoneNumber}`,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.addChatappPhoneNumberWithOptions(
            new $Cams.AddChatappPhoneNumberRequest({ ...i, custSpaceId }),
            rt,
          ),
        parse: () => null,
      });
    },

    /** QueryChatappPhoneNumbers (10 QPS). */
    async queryPhoneNumbers(raw: QueryPhoneNumbersInput = {}): Promise<CamsResult<PhoneNumberInfo[]>> {
      const i = c.input("QueryChatappPhoneNumbers", queryPhoneNumbersInput, raw);
      const custSpaceId = c.spaceFor("QueryChatappPhoneNumbers", i.custSpaceId);
      return c.call({
        operation: "QueryChatappPhoneNumbers",
        custSpaceId,
        share: { ...i, custSpaceId },
        send: (sdk, rt) =>
          sdk.queryChatappPhoneNumbersWithOptions(new $Cams.QueryChatappPhoneNumbersRequest({ ...i, custSpaceId }), rt),
        parse: (b) => phoneList.parse(b.phoneNumbers ?? []),
      });
    },

    /** GetChatappVerifyCode (10 QPS). Sends an SMS or voice call each time: never retried. */
    async getVerifyCode(raw: GetVerifyCodeInput): Promise<CamsResult<null>> {
      const i = c.input("GetChatappVerifyCode", getVerifyCodeInput, raw);
      const custSpaceId = c.spaceFor("GetChatappVerifyCode", i.custSpaceId);
      return c.call({
        operation: "GetChatappVerifyCode",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.getChatappVerifyCodeWithOptions(new $Cams.GetChatappVerifyCodeRequest({ ...i, custSpaceId }), rt),
        parse: () => null,
      });
    },

    /** ChatappVerifyAndRegister (10 QPS). */
    async verifyAndRegister(raw: VerifyAndRegisterInput): Promise<CamsResult<null>> {
      const i = c.input("ChatappVerifyAndRegister", verifyAndRegisterInput, raw);
      const custSpaceId = c.spaceFor("ChatappVerifyAndRegister", i.custSpaceId);
      return c.call({
        operation: "ChatappVerifyAndRegister",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.chatappVerifyAndRegisterWithOptions(new $Cams.ChatappVerifyAndRegisterRequest({ ...i, custSpaceId }), rt),
        parse: () => null,
      });
    },

    /** ChatappPhoneNumberRegister (10 QPS). */
    async registerPhoneNumber(raw: PhoneInput): Promise<CamsResult<null>> {
      const i = c.input("ChatappPhoneNumberRegister", phoneInput, raw);
      const custSpaceId = c.spaceFor("ChatappPhoneNumberRegister", i.custSpaceId);
      return c.call({
        operation: "ChatappPhoneNumberRegister",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.chatappPhoneNumberRegisterWithOptions(
            new $Cams.ChatappPhoneNumberRegisterRequest({ ...i, custSpaceId }),
            rt,
          ),
        parse: () => null,
      });
    },

    /** ChatappPhoneNumberDeregister (10 QPS). */
    async deregisterPhoneNumber(raw: PhoneInput): Promise<CamsResult<null>> {
      const i = c.input("ChatappPhoneNumberDeregister", phoneInput, raw);
      const custSpaceId = c.spaceFor("ChatappPhoneNumberDeregister", i.custSpaceId);
      return c.call({
        operation: "ChatappPhoneNumberDeregister",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.chatappPhoneNumberDeregisterWithOptions(
            new $Cams.ChatappPhoneNumberDeregisterRequest({ ...i, custSpaceId }),
            rt,
          ),
        parse: () => null,
      });
    },

    /** GetPhoneNumberVerificationStatus (10 QPS). */
    async getVerificationStatus(raw: PhoneInput): Promise<CamsResult<VerificationStatus>> {
      const i = c.input("GetPhoneNumberVerificationStatus", phoneInput, raw);
      const custSpaceId = c.spaceFor("GetPhoneNumberVerificationStatus", i.custSpaceId);
      return c.call({
        operation: "GetPhoneNumberVerificationStatus",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.getPhoneNumberVerificationStatusWithOptions(
            new $Cams.GetPhoneNumberVerificationStatusRequest({ ...i, custSpaceId }),
            rt,
          ),
        parse: (b) => verificationStatusSchema.parse(b.data),
      });
    },
  };
}
