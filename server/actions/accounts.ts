"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { accountIdSchema, createAccountSchema, updateAccountSchema } from "@/lib/schemas/accounts";
import { audited } from "@/server/audit";
import { testAccountConnection } from "@/server/data/account-connection";
import { encryptSecret } from "@/server/crypto";
import { getDb } from "@/server/db";
import { cloudAccounts } from "@/server/db/schema";
import { ActionError } from "./errors";
import { adminActionClient } from "./safe-action";

// The secret goes in and is encrypted at once; no action ever returns it.
export const createAccountAction = adminActionClient
  .metadata({ name: "accounts.create" })
  .inputSchema(createAccountSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { accessKeySecret, ...rest } = parsedInput;
    const row = await audited({ actor: ctx.user, operation: "accounts.create", target: rest.accessKeyId, input: rest }, async () => {
      // The id is chosen here: the ciphertext is bound to its row.
      const id = crypto.randomUUID();
      const [r] = await getDb()
        .insert(cloudAccounts)
        .values({ ...rest, id, accessKeySecretEnc: encryptSecret(accessKeySecret, { table: "cloud_accounts", id }) })
        .returning({ id: cloudAccounts.id });
      return r!;
    });
    revalidatePath("/settings", "layout");
    return { id: row.id };
  });

export const updateAccountAction = adminActionClient
  .metadata({ name: "accounts.update" })
  .inputSchema(updateAccountSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { accountId, accessKeySecret, ...rest } = parsedInput;
    const [existing] = await getDb().select({ id: cloudAccounts.id }).from(cloudAccounts).where(eq(cloudAccounts.id, accountId));
    if (!existing) throw new ActionError("accountGone");
    await audited(
      { actor: ctx.user, operation: "accounts.update", target: rest.accessKeyId, input: { ...rest, secretReplaced: accessKeySecret !== "" } },
      () =>
        getDb()
          .update(cloudAccounts)
          .set({ ...rest, ...(accessKeySecret ? { accessKeySecretEnc: encryptSecret(accessKeySecret, { table: "cloud_accounts", id: accountId }) } : {}) })
          .where(eq(cloudAccounts.id, accountId)),
    );
    revalidatePath("/settings", "layout");
    return { ok: true };
  });

export const deleteAccountAction = adminActionClient
  .metadata({ name: "accounts.delete" })
  .inputSchema(accountIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await audited({ actor: ctx.user, operation: "accounts.delete", target: parsedInput.accountId, input: parsedInput }, () =>
      getDb().delete(cloudAccounts).where(eq(cloudAccounts.id, parsedInput.accountId)),
    );
    revalidatePath("/settings", "layout");
    return { ok: true };
  });

/** A cheap read (QueryChatappPhoneNumbers) with the stored credentials. */
export const testAccountConnectionAction = adminActionClient
  .metadata({ name: "accounts.testConnection" })
  .inputSchema(accountIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    return audited({ actor: ctx.user, operation: "accounts.testConnection", target: parsedInput.accountId, input: parsedInput }, () =>
      testAccountConnection(parsedInput.accountId),
    );
  });
