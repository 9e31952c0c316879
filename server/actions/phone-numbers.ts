"use server";

import { countryByIso } from "@/lib/phone";
import { addPhoneNumberSchema, phoneRefSchema, requestCodeSchema, verifyCodeSchema } from "@/lib/schemas/phone-numbers";
import { audited } from "@/server/audit";
import { camsForSpace } from "@/server/cams/for-space";
import { getDb } from "@/server/db";
import { ActionError } from "./errors";
import { spaceWriteActionClient } from "./safe-action";

// Every call is scoped to the space's own CustSpaceId (camsForSpace), after the action client has
// checked the caller may write in that space: a number of another space cannot be reached from here.

export const addPhoneNumberAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.add" })
  .inputSchema(addPhoneNumberSchema)
  .action(async ({ parsedInput, ctx }) => {
    const country = countryByIso(parsedInput.country);
    if (!country) throw new ActionError("unknownCountry");
    const input = { cc: country.cc, phoneNumber: parsedInput.nationalNumber, verifiedName: parsedInput.verifiedName };
    const full = country.cc + parsedInput.nationalNumber;
    // AddChatappPhoneNumber is sent once: the client never retries it, so a lost answer cannot add twice.
    const { requestId } = await audited(
      { actor: ctx.user, spaceId: ctx.spaceId, operation: "phoneNumbers.add", target: full, input },
      async () => (await camsForSpace(getDb(), ctx.spaceId)).client.addPhoneNumber(input),
    );
    return { spaceId: ctx.spaceId, phoneNumber: full, requestId: requestId ?? null };
  });

export const requestVerificationCodeAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.requestVerifyCode" })
  .inputSchema(requestCodeSchema)
  .action(async ({ parsedInput: { spaceId: _s, ...input }, ctx }) => {
    void _s;
    const { requestId } = await audited(
      { actor: ctx.user, spaceId: ctx.spaceId, operation: "phoneNumbers.requestVerifyCode", target: input.phoneNumber, input },
      async () => (await camsForSpace(getDb(), ctx.spaceId)).client.getVerifyCode(input),
    );
    return { sentAt: Date.now(), requestId: requestId ?? null };
  });

export const verifyPhoneNumberAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.verify" })
  .inputSchema(verifyCodeSchema)
  .action(async ({ parsedInput: { phoneNumber, code }, ctx }) => {
    // The code itself stays out of the audit log.
    const { requestId } = await audited(
      { actor: ctx.user, spaceId: ctx.spaceId, operation: "phoneNumbers.verify", target: phoneNumber, input: { phoneNumber } },
      async () => (await camsForSpace(getDb(), ctx.spaceId)).client.verifyAndRegister({ phoneNumber, verifyCode: code }),
    );
    let codeVerificationStatus: string | null = null;
    try {
      const { client } = await camsForSpace(getDb(), ctx.spaceId);
      codeVerificationStatus = (await client.getVerificationStatus({ phoneNumber })).data.codeVerificationStatus;
    } catch {
      // Verified already; the page refreshes the status on its own.
    }
    return { codeVerificationStatus, requestId: requestId ?? null };
  });

export const registerPhoneNumberAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.register" })
  .inputSchema(phoneRefSchema)
  .action(async ({ parsedInput: { phoneNumber }, ctx }) => {
    const { requestId } = await audited(
      { actor: ctx.user, spaceId: ctx.spaceId, operation: "phoneNumbers.register", target: phoneNumber, input: { phoneNumber } },
      async () => (await camsForSpace(getDb(), ctx.spaceId)).client.registerPhoneNumber({ phoneNumber }),
    );
    return { requestId: requestId ?? null };
  });

export const deregisterPhoneNumberAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.deregister" })
  .inputSchema(phoneRefSchema)
  .action(async ({ parsedInput: { phoneNumber }, ctx }) => {
    const { requestId } = await audited(
      { actor: ctx.user, spaceId: ctx.spaceId, operation: "phoneNumbers.deregister", target: phoneNumber, input: { phoneNumber } },
      async () => (await camsForSpace(getDb(), ctx.spaceId)).client.deregisterPhoneNumber({ phoneNumber }),
    );
    return { requestId: requestId ?? null };
  });
