"use client";

import { Clock, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormState, useWatch, type UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { checkEncryptionPublicKey } from "@/lib/pem";
import { estimateSeconds, profileSetOf, type BulkKind, type BulkNumber, type CreateBulkJobInput, type JobChange } from "@/lib/schemas/bulk";
import { isKnownUnverified } from "@/lib/schemas/encryption-keys";
import { durationFormatter } from "./format";
import { JobChangeList } from "./job-change";
import { WebhookAfter } from "./review-after";
import type { SpaceOption } from "./step-numbers";

/**
 * Step 3: how many numbers in which spaces, what changes, and how long it will take at the
 * limiter's pace (each cloud account has its own budget, so accounts run side by side).
 */
export function StepReview({
  form,
  spaces,
  numbersOf,
  rates,
  qps,
}: {
  form: UseFormReturn<CreateBulkJobInput>;
  spaces: SpaceOption[];
  numbersOf: (spaceId: string) => BulkNumber[];
  rates: Record<BulkKind, number>;
  qps: Record<BulkKind, number>;
}) {
  const t = useTranslations("bulk");
  const tAll = useTranslations();
  const duration = durationFormatter(t);
  const v = useWatch({ control: form.control });
  const { errors } = useFormState({ control: form.control });
  const kind = v.kind ?? "webhook";
  const targets = (v.targets ?? []).map((x) => ({ spaceId: x?.spaceId ?? "", phoneNumbers: (x?.phoneNumbers ?? []).filter(Boolean) as string[] }));
  const total = targets.reduce((n, x) => n + x.phoneNumbers.length, 0);
  const perAccount = new Map<string, number>();
  for (const x of targets) {
    const acc = spaces.find((s) => s.id === x.spaceId)?.accountId ?? x.spaceId;
    perAccount.set(acc, (perAccount.get(acc) ?? 0) + x.phoneNumbers.length);
  }
  const seconds = estimateSeconds([...perAccount.values()], rates[kind]);
  const key = kind === "encryption_key" ? checkEncryptionPublicKey(v.publicKey ?? "") : null;
  const change: JobChange =
    kind === "webhook"
      ? { kind, statusCallbackUrl: v.statusCallbackUrl ?? "", upCallbackUrl: v.upCallbackUrl ?? "", httpFlag: v.httpFlag ?? "N", queueFlag: v.queueFlag ?? "N" }
      : kind === "automation"
        ? {
            kind,
            enableWelcomeMessage: !!v.enableWelcomeMessage,
            prompts: (v.prompts ?? []).map((p) => (p?.text ?? "").trim()),
            commands: (v.commands ?? []).map((c) => ({ name: (c?.name ?? "").trim(), description: (c?.description ?? "").trim() })),
          }
        : kind === "profile"
          ? {
              kind,
              set: profileSetOf({
                profileChosen: (v.profileChosen ?? []).filter(Boolean) as string[],
                about: v.about ?? "",
                description: v.description ?? "",
                address: v.address ?? "",
                email: v.email ?? "",
                vertical: v.vertical ?? "",
                websites: (v.websites ?? []).map((w) => w ?? ""),
              }).set,
            }
          : { kind, fingerprint: key?.ok ? key.fingerprint : "—" };
  const unverified =
    kind === "encryption_key"
      ? targets.reduce((n, x) => n + numbersOf(x.spaceId).filter((p) => x.phoneNumbers.includes(p.phoneNumber) && isKnownUnverified(p.codeVerificationStatus)).length, 0)
      : 0;
  const targetsError = errors.targets?.message ?? errors.targets?.root?.message;

  return (
    <div className="space-y-6">
      <section aria-labelledby="review-numbers" className="space-y-2">
        <h3 id="review-numbers" className="font-medium">
          {t("review.numbers")}
        </h3>
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("review.space")}</TableHead>
                <TableHead className="text-right">{t("review.count")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {targets.map((x) => (
                <TableRow key={x.spaceId}>
                  <TableCell>{spaces.find((s) => s.id === x.spaceId)?.name ?? x.spaceId}</TableCell>
                  <TableCell className="text-right tabular-nums">{x.phoneNumbers.length}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell>{t("review.total")}</TableCell>
                <TableCell className="text-right tabular-nums" data-testid="review-total">
                  {total}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      </section>
      <section aria-labelledby="review-change" className="space-y-2">
        <h3 id="review-change" className="font-medium">
          {t("review.change", { kind: t(`kinds.${kind}`) })}
        </h3>
        <JobChangeList change={change} />
      </section>
      {change.kind === "webhook" ? (
        <WebhookAfter
          form={form}
          change={change}
          numbers={targets.flatMap((x) => numbersOf(x.spaceId).filter((p) => x.phoneNumbers.includes(p.phoneNumber)).map((p) => p.callbacks))}
        />
      ) : null}
      <div className="flex items-start gap-3 rounded-lg border bg-muted/40 p-4" data-testid="review-estimate">
        <Clock className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
        <div className="space-y-1 text-sm">
          <p className="font-medium">{t("review.estimate", { time: duration(seconds) })}</p>
          <p className="text-muted-foreground">
            {t("review.estimateHow", { rate: rates[kind], qps: qps[kind], share: Math.round((rates[kind] / qps[kind]) * 100), accounts: perAccount.size })}
          </p>
        </div>
      </div>
      {unverified ? (
        <Alert variant="warning">
          <TriangleAlert aria-hidden="true" />
          <AlertTitle>{t("review.unverifiedTitle", { n: unverified })}</AlertTitle>
          <AlertDescription>{t("review.unverifiedBody")}</AlertDescription>
        </Alert>
      ) : null}
      {targetsError ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{tAll.has(targetsError) ? tAll(targetsError) : targetsError}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
