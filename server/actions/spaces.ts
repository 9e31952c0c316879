"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { returnValidationErrors } from "next-safe-action";
import { V } from "@/lib/schemas/common";
import { createSpaceSchema, deleteSpaceSchema, updateSpaceSchema } from "@/lib/schemas/spaces";
import { audited } from "@/server/audit";
import { checkSpaceThroughAccount } from "@/server/data/account-connection";
import { getSpace, isUniqueViolation } from "@/server/data/spaces";
import { getDb } from "@/server/db";
import { resetSpace } from "@/server/inventory/store";
import { wakeSweepWorker } from "@/server/inventory/worker";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { ActionError } from "./errors";
import { adminActionClient } from "./safe-action";

async function assertAccount(accountId: string | null) {
  if (!accountId) return;
  const [a] = await getDb().select({ id: cloudAccounts.id }).from(cloudAccounts).where(eq(cloudAccounts.id, accountId));
  if (!a) throw new ActionError("cloudAccountGone");
}

/**
 * A space is saved only once its account reaches the CustSpaceId in CAMS (one cheap read), unless
 * the user saw CAMS's answer and chose "Save anyway" (`force`, kept in the audit input). A failed
 * check throws the CamsError: the form explains it and offers to save anyway.
 */
async function checkUnlessForced({ accountId, custSpaceId, force }: { accountId: string | null; custSpaceId: string; force?: boolean }) {
  if (accountId && !force) await checkSpaceThroughAccount(accountId, custSpaceId);
}

export const createSpaceAction = adminActionClient
  .metadata({ name: "spaces.create" })
  .inputSchema(createSpaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    await assertAccount(parsedInput.accountId);
    try {
      const { force: _force, ...values } = parsedInput;
      void _force;
      const row = await audited({ actor: ctx.user, operation: "spaces.create", target: parsedInput.custSpaceId, input: parsedInput }, async () => {
        await checkUnlessForced(parsedInput);
        const [r] = await getDb().insert(spaces).values(values).returning({ id: spaces.id });
        return r!;
      });
      // A new space is swept at once.
      await resetSpace(getDb(), row.id);
      wakeSweepWorker();
      revalidatePath("/", "layout");
      return { id: row.id };
    } catch (e) {
      if (isUniqueViolation(e)) returnValidationErrors(createSpaceSchema, { custSpaceId: { _errors: [V.custSpaceIdTaken] } });
      throw e;
    }
  });

export const updateSpaceAction = adminActionClient
  .metadata({ name: "spaces.update" })
  .inputSchema(updateSpaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { spaceId, force, ...patch } = parsedInput;
    const before = await getSpace(spaceId);
    if (!before) throw new ActionError("spaceGone");
    await assertAccount(patch.accountId);
    // A rename alone asks CAMS nothing.
    const relinked = before.custSpaceId !== patch.custSpaceId || before.accountId !== patch.accountId;
    try {
      await audited({ actor: ctx.user, spaceId, operation: "spaces.update", target: spaceId, input: parsedInput }, async () => {
        if (relinked) await checkUnlessForced({ ...patch, force });
        await getDb().update(spaces).set(patch).where(eq(spaces.id, spaceId));
        // What the inventory holds is another space's now: forget it and sweep this one at once.
        if (relinked) await resetSpace(getDb(), spaceId);
      });
      if (relinked) wakeSweepWorker();
    } catch (e) {
      if (isUniqueViolation(e)) returnValidationErrors(updateSpaceSchema, { custSpaceId: { _errors: [V.custSpaceIdTaken] } });
      throw e;
    }
    revalidatePath("/", "layout");
    return { ok: true };
  });

export const deleteSpaceAction = adminActionClient
  .metadata({ name: "spaces.delete" })
  .inputSchema(deleteSpaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const space = await getSpace(parsedInput.spaceId);
    if (!space) throw new ActionError("spaceGone");
    // The confirmation asks for the name: a typo or a stale page cannot delete the wrong space.
    if (parsedInput.confirmName.trim() !== space.name) {
      returnValidationErrors(deleteSpaceSchema, { confirmName: { _errors: [V.confirmName] } });
    }
    await audited({ actor: ctx.user, spaceId: space.id, operation: "spaces.delete", target: space.custSpaceId, input: { name: space.name } }, () =>
      getDb().delete(spaces).where(eq(spaces.id, space.id)),
    );
    revalidatePath("/", "layout");
    return { ok: true };
  });
