import "server-only";
import * as $Cams from "@alicloud/cams20200606";
import { z } from "zod";
import {
  createQrCodeInput,
  phoneInput,
  qrCodeRefInput,
  qrCodeSchema,
  updateQrCodeInput,
  type CreateQrCodeInput,
  type PhoneInput,
  type QrCode,
  type QrCodeRefInput,
  type UpdateQrCodeInput,
} from "@/lib/cams/wire";
import type { Caller, CamsResult } from "./call";

const qrList = z.array(qrCodeSchema);

/** Message QR codes (deep links) of a phone number. */
export function qrOperations(c: Caller) {
  return {
    /** CreatePhoneMessageQrdl (5 QPS). Not idempotent: a repeat would create a second code. */
    async createQrCode(raw: CreateQrCodeInput): Promise<CamsResult<QrCode>> {
      const i = c.input("CreatePhoneMessageQrdl", createQrCodeInput, raw);
      const custSpaceId = c.spaceFor("CreatePhoneMessageQrdl", i.custSpaceId);
      return c.call({
        operation: "CreatePhoneMessageQrdl",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.createPhoneMessageQrdlWithOptions(new $Cams.CreatePhoneMessageQrdlRequest({ ...i, custSpaceId }), rt),
        parse: (b) => qrCodeSchema.parse(b.data),
      });
    },

    /** ListPhoneMessageQrdl (5 QPS). */
    async listQrCodes(raw: PhoneInput): Promise<CamsResult<QrCode[]>> {
      const i = c.input("ListPhoneMessageQrdl", phoneInput, raw);
      const custSpaceId = c.spaceFor("ListPhoneMessageQrdl", i.custSpaceId);
      return c.call({
        operation: "ListPhoneMessageQrdl",
        phone: i.phoneNumber,
        custSpaceId,
        share: { ...i, custSpaceId },
        send: (sdk, rt) =>
          sdk.listPhoneMessageQrdlWithOptions(new $Cams.ListPhoneMessageQrdlRequest({ ...i, custSpaceId }), rt),
        parse: (b) => qrList.parse(b.data ?? []),
      });
    },

    /** UpdatePhoneMessageQrdl (5 QPS). CAMS may retire the old code: the UI warns first. */
    async updateQrCode(raw: UpdateQrCodeInput): Promise<CamsResult<QrCode>> {
      const i = c.input("UpdatePhoneMessageQrdl", updateQrCodeInput, raw);
      const custSpaceId = c.spaceFor("UpdatePhoneMessageQrdl", i.custSpaceId);
      return c.call({
        operation: "UpdatePhoneMessageQrdl",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.updatePhoneMessageQrdlWithOptions(new $Cams.UpdatePhoneMessageQrdlRequest({ ...i, custSpaceId }), rt),
        parse: (b) => qrCodeSchema.parse(b.data),
      });
    },

    /** DeletePhoneMessageQrdl (5 QPS). */
    async deleteQrCode(raw: QrCodeRefInput): Promise<CamsResult<null>> {
      const i = c.input("DeletePhoneMessageQrdl", qrCodeRefInput, raw);
      const custSpaceId = c.spaceFor("DeletePhoneMessageQrdl", i.custSpaceId);
      return c.call({
        operation: "DeletePhoneMessageQrdl",
        phone: i.phoneNumber,
        custSpaceId,
        send: (sdk, rt) =>
          sdk.deletePhoneMessageQrdlWithOptions(new $Cams.DeletePhoneMessageQrdlRequest({ ...i, custSpaceId }), rt),
        parse: () => null,
      });
    },
  };
}
