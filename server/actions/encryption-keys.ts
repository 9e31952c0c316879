"use server";

import { returnValidationErrors } from "next-safe-action";
import { checkEncryptionPublicKey } from "@/lib/pem";
import { KEY_ISSUE_MESSAGE, updateEncryptionKeySchema } from "@/lib/schemas/encryption-keys";
import { currentFingerprint, KEY_UPDATE_OPERATION, nodeAcceptsRsa2048, readBackKey } from "@/server/data/encryption-keys";
import { getDb } from "@/server/db";
import { requireNumberOfSpace } from "@/server/inventory/membership";
import { camsChange, spaceWriteActionClient } from "./safe-action";

/**
 * UpdatePhoneEncryptionPublicKey. By the time the body runs, the input schema has re-run the
 * shared validator: a private key (or anything but an RSA-2048 SPKI key) was refused as a field
 * error before this point and never reached a log or the audit table. The audit records
 * fingerprints only, never the PEM.
 */
export const updateEncryptionKeyAction = spaceWriteActionClient
  .metadata({ name: KEY_UPDATE_OPERATION })
  .inputSchema(updateEncryptionKeySchema)
  .action(async ({ parsedInput: { phoneNumber, publicKey, origin }, ctx, metadata }) => {
    const checked = checkEncryptionPublicKey(publicKey);
    // Defence in depth: a second, independent parser must agree before anything is sent.
    if (!checked.ok || !nodeAcceptsRsa2048(checked.pem)) {
      returnValidationErrors(updateEncryptionKeySchema, { publicKey: { _errors: [KEY_ISSUE_MESSAGE.malformed] } });
    }
    await requireNumberOfSpace(getDb(), ctx.spaceId, phoneNumber);
    const oldFingerprint = await currentFingerprint(ctx.spaceId, phoneNumber);
    const input = { phoneNumber, oldFingerprint, newFingerprint: checked.fingerprint, keyType: "RSA", bits: checked.info.bits, origin };
    const { requestId } = await camsChange({ ctx, metadata }, { target: phoneNumber, input }, (cams) =>
      cams.updateEncryptionPublicKey({ phoneNumber, encryptionPublicKey: checked.pem }),
    );
    await readBackKey(ctx.spaceId, phoneNumber);
    return { phoneNumber, oldFingerprint, newFingerprint: checked.fingerprint, requestId: requestId ?? null };
  });
