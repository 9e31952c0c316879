"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { returnValidationErrors } from "next-safe-action";
import { V } from "@/lib/schemas/common";
import { createSpaceSchema, deleteSpaceSchema, updateSpaceSchema } from "@/lib/schemas/spaces";
import { audited } from "@/server/audit";
import { getSpace, isUniqueViolation } from "@/server/data/spaces";
import { getDb } from "@/server/db";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { ActionError } from "./errors";
import { adminActionClient } from "./safe-action";

async function assertAccount(accountId: string | null) {
  if (!accountId) return;
  const [a] = await getDb().select({ id: cloudAccounts.id }).from(cloudAccounts).where(eq(cloudAccounts.id, accountId));
  if (!a) throw new ActionError("cloudAccountGone");
}

export const createSpaceAction = adminActionClient
  .metadata({ name: "spaces.create" })
  .inputSchema(createSpaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    await assertAccount(parsedInput.accountId);
    try {
      const row = await audited({ actor: ctx.user, operation: "spaces.create", target: parsedInput.custSpaceId, input: parsedInput }, async () => {
        const [r] = await getDb().insert(spaces).values(parsedInput).returning({ id: spaces.id });
        return r!;
      });
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
    const { spaceId, ...patch } = parsedInput;
    if (!(await getSpace(spaceId))) throw new ActionError("spaceGone");
    await assertAccount(patch.accountId);
    try {
      await audited({ actor: ctx.user, spaceId, operation: "spaces.update", target: spaceId, input: parsedInput }, () =>
        getDb().update(spaces).set(patch).where(eq(spaces.id, spaceId)),
      );
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
