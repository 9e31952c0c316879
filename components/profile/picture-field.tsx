"use client";

import { ImageUp } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useController, type Control } from "react-hook-form";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useFileDrop } from "@/components/use-file-drop";
import { PICTURE, pictureIssue, pictureIssueKey, type UpdateProfileInput } from "@/lib/schemas/profile";
import { cn } from "@/lib/utils";
import { uploadProfilePictureAction } from "@/server/actions/profile";

/**
 * The profile picture: dropped or chosen (checked here first, then on the server before anything
 * is sent, and uploaded to OSS with the space's upload authorization), or given as a URL; with a
 * preview. The uploaded file's URL goes into the field and is saved with the rest of the profile.
 */
export function PictureField({ control, spaceId, phone, readOnly }: { control: Control<UpdateProfileInput>; spaceId: string; phone: string; readOnly: boolean }) {
  const t = useTranslations();
  const tp = useTranslations("profile.picture");
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [issue, setIssue] = useState<string | null>(null);
  const { field } = useController({ control, name: "profilePictureUrl" });
  const upload = useAction(uploadProfilePictureAction, {
    onSuccess: ({ data }) => {
      if (data) field.onChange(data.url);
    },
  });
  const serverIssue = upload.result.validationErrors?.file?._errors?.[0];

  async function take(file: File | undefined) {
    if (!file || readOnly) return;
    upload.reset();
    // Same checks as the server's, so a wrong picture costs no upload.
    const found = pictureIssue(new Uint8Array(await file.arrayBuffer()), file.type || undefined);
    if (found) return setIssue(pictureIssueKey(found));
    setIssue(null);
    upload.execute({ spaceId, phoneNumber: phone, file });
  }

  const drop = useFileDrop(take);
  const url = field.value ?? "";
  const shownIssue = issue ?? serverIssue ?? null;
  return (
    <div className="space-y-3" data-testid="picture-field">
      <p className="text-sm font-medium">{tp("title")}</p>
      <div className="flex flex-wrap items-start gap-4">
        <div className="flex size-32 shrink-0 items-center justify-center overflow-hidden rounded-full border bg-muted" data-testid="picture-preview">
          {url ? (
            // eslint-disable-next-line @next/next/no-img-element -- any URL CAMS may hold; not optimizable
            <img src={url} alt={tp("previewAlt")} className="size-full object-cover" referrerPolicy="no-referrer" />
          ) : (
            <span className="px-2 text-center text-xs text-muted-foreground">{tp("none")}</span>
          )}
        </div>
        {readOnly ? null : (
          <div
            className={cn(
              "flex min-h-32 min-w-64 flex-1 flex-col items-center justify-center gap-2 rounded-md border-2 border-dashed p-4 text-center text-sm",
              drop.over && "border-primary bg-primary/5",
            )}
            data-testid="picture-drop"
            {...drop.dropProps}
          >
            <ImageUp className="size-6 text-muted-foreground" aria-hidden="true" />
            <p>{tp("drop")}</p>
            <p className="text-xs text-muted-foreground">{tp("rules", { min: PICTURE.minPx, mb: PICTURE.maxBytes / 1024 / 1024 })}</p>
            <input
              ref={fileInput}
              id={inputId}
              type="file"
              accept={PICTURE.types.join(",")}
              className="sr-only"
              aria-label={tp("choose")}
              data-testid="picture-file"
              onChange={(e) => {
                void take(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
            <Button type="button" variant="outline" size="sm" onClick={() => fileInput.current?.click()} disabled={upload.isPending}>
              {upload.isPending ? <Spinner /> : null}
              {upload.isPending ? tp("uploading") : tp("choose")}
            </Button>
          </div>
        )}
      </div>
      {shownIssue ? (
        <p role="alert" className="text-sm font-medium text-destructive" data-testid="picture-issue">
          {t.has(shownIssue) ? t(shownIssue) : shownIssue}
        </p>
      ) : null}
      <ActionErrorAlert error={upload.result.serverError} />
      {upload.hasSucceeded && upload.result.data ? (
        <p className="text-xs text-muted-foreground" role="status" data-testid="picture-uploaded">
          {tp("uploaded", { width: upload.result.data.width, height: upload.result.data.height, kb: Math.round(upload.result.data.bytes / 1024) })}
        </p>
      ) : null}
      <FormField
        control={control}
        name="profilePictureUrl"
        render={({ field: f }) => (
          <FormItem>
            <FormLabel>{tp("url")}</FormLabel>
            <FormControl>
              <Input type="url" inputMode="url" placeholder="https://" readOnly={readOnly} {...f} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
    </div>
  );
}
