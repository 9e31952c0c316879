"use server";

import { returnValidationErrors } from "next-safe-action";
import type { ActionServerError } from "@/lib/action-error";
import type { ModifyBusinessProfileInput } from "@/lib/cams/wire-profile";
import {
  checkHealthSchema,
  imageSize,
  pictureIssue,
  pictureIssueKey,
  profileDiff,
  PV,
  updateProfileSchema,
  uploadPictureSchema,
  type PictureUploadResult,
  type ProfileSaveResult,
  type ProfileValues,
} from "@/lib/schemas/profile";
import { audited } from "@/server/audit";
import { camsForSpace } from "@/server/cams/for-space";
import { withLane } from "@/server/cams/lane";
import { uploadPicture } from "@/server/cams/oss-upload";
import { getDb } from "@/server/db";
import { getHealth, readProfile } from "@/server/data/profile";
import { requireNumberOfSpace } from "@/server/inventory/membership";
import { toShownError } from "@/server/safe-error";
import { camsChange, spaceReadActionClient, spaceWriteActionClient } from "./safe-action";

/** Only the fields that change go to CAMS (an absent parameter leaves a field as it is). */
function changedInput(phone: string, changes: ReturnType<typeof profileDiff>): ModifyBusinessProfileInput {
  const input: ModifyBusinessProfileInput = { phoneNumber: phone };
  for (const c of changes) {
    if (c.field === "websites") input.websites = c.to as string[];
    else if (c.field === "vertical") input.vertical = c.to as NonNullable<ModifyBusinessProfileInput["vertical"]>;
    else input[c.field] = c.to as string;
  }
  return input;
}

export const updateProfileAction = spaceWriteActionClient
  .metadata({ name: "profile.update" })
  .inputSchema(updateProfileSchema)
  .action(async ({ parsedInput: p, ctx, metadata }): Promise<ProfileSaveResult> => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, p.phoneNumber);
    const next: ProfileValues = { about: p.about, address: p.address, description: p.description, email: p.email, vertical: p.vertical, websites: p.websites, profilePictureUrl: p.profilePictureUrl };
    // The diff is against what CAMS holds now, not what the form loaded: a change made elsewhere meanwhile is not undone.
    const old = await readProfile(ctx.spaceId, p.phoneNumber);
    if (old.vertical && !next.vertical) returnValidationErrors(updateProfileSchema, { vertical: { _errors: [PV.verticalRequired] } });
    const changes = profileDiff(old, next).filter((c) => !(c.field === "vertical" && !c.to));
    const readAt = () => new Date().toISOString();
    if (!changes.length) return { requestId: null, changed: [], now: old, readError: null, readAt: readAt() };
    const input = changedInput(p.phoneNumber, changes);
    const { requestId } = await camsChange(
      { ctx, metadata },
      { target: p.phoneNumber, input: { ...input, before: Object.fromEntries(changes.map((c) => [c.field, c.from])) } },
      (cams) => cams.modifyProfile(input),
    );
    let now = null;
    let readError: ActionServerError | null = null;
    try {
      now = await withLane("change", () => readProfile(ctx.spaceId, p.phoneNumber, "readback"));
    } catch (err) {
      readError = toShownError(err, { what: "profile.readBack" });
    }
    return { requestId: requestId ?? null, changed: changes.map((c) => c.field), now, readError, readAt: readAt() };
  });

/**
 * The picture goes to OSS under the space's upload authorization; its URL then goes into the form
 * (saved with the profile). Checked here before any call: JPG or PNG, square, ≥ 192 px, ≤ 5 MB.
 */
export const uploadProfilePictureAction = spaceWriteActionClient
  .metadata({ name: "profile.uploadPicture" })
  .inputSchema(uploadPictureSchema)
  .action(async ({ parsedInput: p, ctx, metadata }): Promise<PictureUploadResult> => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, p.phoneNumber);
    const bytes = Buffer.from(await p.file.arrayBuffer());
    const issue = pictureIssue(bytes, p.file.type || undefined);
    const size = imageSize(bytes);
    if (issue || !size) returnValidationErrors(uploadPictureSchema, { file: { _errors: [pictureIssueKey(issue ?? "unreadable")] } });
    const audit = { type: size.type, width: size.width, height: size.height, bytes: bytes.length };
    const { url } = await audited(
      { actor: ctx.user, spaceId: ctx.spaceId, operation: metadata.name, target: p.phoneNumber, input: audit },
      async () => uploadPicture((await camsForSpace(getDb(), ctx.spaceId)).client, { bytes, type: size.type }),
    );
    return { url, width: size.width, height: size.height, bytes: bytes.length };
  });

/** "Check now": GetWhatsappHealthStatus read and stored. A read: not audited. */
export const checkHealthAction = spaceReadActionClient
  .metadata({ name: "profile.checkHealth" })
  .inputSchema(checkHealthSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, p.phoneNumber);
    return { health: await getHealth(ctx.spaceId, p.phoneNumber, { live: true }) };
  });
