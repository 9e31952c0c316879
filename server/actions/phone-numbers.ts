"use server";

import { countryByIso } from "@/lib/phone";
import { addPhoneNumberSchema, phoneRefSchema, requestCodeSchema, verifyCodeSchema } from "@/lib/schemas/phone-numbers";
import { camsForSpace } from "@/server/cams/for-space";
import { getDb } from "@/server/db";
import { requireNumberOfSpace } from "@/server/inventory/membership";
import { readBackSpace } from "@/server/inventory/sync";
import { ActionError } from "./errors";
import { camsChange, spaceWriteActionClient } from "./safe-action";

// Every call is scoped to the space's own CustSpaceId (camsChange), after the action client has
// checked the caller may write in that space and the inventory that the number is the space's.

export const addPhoneNumberAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.add" })
  .inputSchema(addPhoneNumberSchema)
  .action(async ({ parsedInput, ctx, metadata }) => {
    const country = countryByIso(parsedInput.country);
    if (!country) throw new ActionError("unknownCountry");
    const input = { cc: country.cc, phoneNumber: parsedInput.nationalNumber, verifiedName: parsedInput.verifiedName };
    const full = country.cc + parsedInput.nationalNumber;
    // AddChatappPhoneNumber is sent once: the client never retries it, so a lost answer cannot add twice.
    const { requestId } = await camsChange({ ctx, metadata }, { target: full, input }, (cams) => cams.addPhoneNumber(input));
    await readBackSpace(getDb(), ctx.spaceId);
    return { spaceId: ctx.spaceId, phoneNumber: full, requestId: requestId ?? null };
  });

export const requestVerificationCodeAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.requestVerifyCode" })
  .inputSchema(requestCodeSchema)
  .action(async ({ parsedInput: { spaceId: _s, ...input }, ctx, metadata }) => {
    void _s;
    await requireNumberOfSpace(getDb(), ctx.spaceId, input.phoneNumber);
    const { requestId } = await camsChange({ ctx, metadata }, { target: input.phoneNumber, input }, (cams) => cams.getVerifyCode(input));
    return { sentAt: Date.now(), requestId: requestId ?? null };
  });

export const verifyPhoneNumberAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.verify" })
  .inputSchema(verifyCodeSchema)
  .action(async ({ parsedInput: { phoneNumber, code }, ctx, metadata }) => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, phoneNumber);
    // The code itself stays out of the audit log.
    const { requestId } = await camsChange({ ctx, metadata }, { target: phoneNumber, input: { phoneNumber } }, (cams) =>
      cams.verifyAndRegister({ phoneNumber, verifyCode: code }),
    );
    await readBackSpace(getDb(), ctx.spaceId);
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
  .action(async ({ parsedInput: { phoneNumber }, ctx, metadata }) => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, phoneNumber);
    const { requestId } = await camsChange({ ctx, metadata }, { target: phoneNumber, input: { phoneNumber } }, (cams) =>
      cams.registerPhoneNumber({ phoneNumber }),
    );
    await readBackSpace(getDb(), ctx.spaceId);
    return { requestId: requestId ?? null };
  });

export const deregisterPhoneNumberAction = spaceWriteActionClient
  .metadata({ name: "phoneNumbers.deregister" })
  .inputSchema(phoneRefSchema)
  .action(async ({ parsedInput: { phoneNumber }, ctx, metadata }) => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, phoneNumber);
    const { requestId } = await camsChange({ ctx, metadata }, { target: phoneNumber, input: { phoneNumber } }, (cams) =>
      cams.deregisterPhoneNumber({ phoneNumber }),
    );
    await readBackSpace(getDb(), ctx.spaceId);
    return { requestId: requestId ?? null };
  });
