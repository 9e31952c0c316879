import "server-only";
import { z } from "zod";
import { createQrCodeInput, phoneInput, qrCodeRefInput, qrCodeSchema, updateQrCodeInput } from "@/lib/cams/wire";
import { defineOperation, noData } from "./define";

const qrList = z.array(qrCodeSchema);

/** Message QR codes (deep links) of a phone number. */
export const qrOperations = {
  /** CreatePhoneMessageQrdl (5 QPS). Not idempotent: a repeat would create a second code. */
  createQrCode: defineOperation({
    name: "CreatePhoneMessageQrdl",
    input: createQrCodeInput,
    parse: (b) => qrCodeSchema.parse(b.data),
  }),
  /** ListPhoneMessageQrdl (5 QPS). */
  listQrCodes: defineOperation({
    name: "ListPhoneMessageQrdl",
    input: phoneInput,
    share: true,
    parse: (b) => qrList.parse(b.data ?? []),
  }),
  /** UpdatePhoneMessageQrdl (5 QPS). CAMS may retire the old code: the UI warns first. */
  updateQrCode: defineOperation({
    name: "UpdatePhoneMessageQrdl",
    input: updateQrCodeInput,
    parse: (b) => qrCodeSchema.parse(b.data),
  }),
  /** DeletePhoneMessageQrdl (5 QPS). */
  deleteQrCode: defineOperation({ name: "DeletePhoneMessageQrdl", input: qrCodeRefInput, parse: noData }),
};
