"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { ArrowLeft, ArrowRight, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { BV, clearCounts, createBulkJobSchema, STEP_FIELDS, type BulkKind, type BulkSpaceNumbers, type Preselection } from "@/lib/schemas/bulk";
import { createBulkJobAction } from "@/server/actions/bulk";
import { useBulkNumbers, useInvalidateJobs } from "./queries";
import { initialSelection, offered, targetsOf, type Selection } from "./selection";
import { StepChange } from "./step-change";
import { StepNumbers, type SpaceOption } from "./step-numbers";
import { StepReview } from "./step-review";
import { Stepper } from "./stepper";

const STEPS = ["numbers", "change", "review"] as const;

/**
 * Pick numbers → choose the change → review → start. Everything typed lives in one react-hook-form
 * form (the same schema the action parses); going back and forth loses nothing.
 */
export function NewJobWizard({
  spaces,
  rates,
  qps,
  preselection,
}: {
  spaces: SpaceOption[];
  rates: Record<BulkKind, number>;
  qps: Record<BulkKind, number>;
  preselection: Preselection;
}) {
  const t = useTranslations("bulk.wizard");
  const router = useRouter();
  const invalidateJobs = useInvalidateJobs();
  const [step, setStep] = useState(0);
  const [sel, setSel] = useState<Selection>(() => initialSelection(preselection, new Set(spaces.map((s) => s.id))));
  const [pickError, setPickError] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(createBulkJobAction, zodResolver(createBulkJobSchema), {
    formProps: {
      mode: "onTouched",
      defaultValues: {
        kind: preselection.kind ?? "webhook",
        targets: [],
        statusCallbackUrl: "",
        upCallbackUrl: "",
        httpFlag: "Y",
        queueFlag: "N",
        publicKey: "",
        origin: "pasted",
        enableWelcomeMessage: false,
        prompts: [],
        commands: [],
        profileChosen: [],
        about: "",
        description: "",
        address: "",
        email: "",
        vertical: "",
        websites: ["", ""],
        confirmClear: false,
      },
    },
    actionProps: {
      onSuccess: ({ data }) => {
        if (!data) return;
        void invalidateJobs();
        router.push(`/bulk/${data.jobId}`);
      },
    },
  });

  const queries = useBulkNumbers(sel.spaceIds, sel.status);
  const results = sel.spaceIds.map((spaceId, i) => {
    const q = queries[i];
    return { spaceId, data: q?.data?.spaces[0], loading: !!q?.isPending, error: q?.error ?? null, refetch: () => void q?.refetch() };
  });
  const loaded = results.map((r) => r.data).filter((d): d is BulkSpaceNumbers => !!d);
  const targets = targetsOf(sel, loaded);
  const chosen = targets.reduce((n, x) => n + x.phoneNumbers.length, 0);

  /** Numbers of the job whose URLs or queues the webhook change would clear (the review asks to confirm). */
  function clearing(): number {
    const v = form.getValues();
    if (v.kind !== "webhook") return 0;
    const held = v.targets.flatMap((x) => {
      const d = loaded.find((r) => r.spaceId === x.spaceId);
      return d ? offered(sel, d).filter((p) => x.phoneNumbers.includes(p.phoneNumber)).map((p) => p.callbacks) : [];
    });
    return clearCounts({ httpFlag: v.httpFlag, queueFlag: v.queueFlag }, held).numbers;
  }

  function go(next: number) {
    // A confirmation is for the review it was given on: coming back to the review asks again.
    if (next === 2) form.setValue("confirmClear", false);
    setStep(next);
    // Move focus to the new step's title so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => heading.current?.focus());
  }

  async function onNext() {
    if (step === 0) {
      if (chosen === 0) return setPickError(true);
      setPickError(false);
      form.setValue("targets", targets, { shouldValidate: true });
      return go(1);
    }
    const kind = form.getValues("kind");
    if (await form.trigger([...STEP_FIELDS[kind]])) go(2);
  }

  return (
    <Form {...form}>
      <form
        // Enter in a field before the review step moves on; only the review step starts the job.
        onSubmit={(e) => {
          if (step === 2) {
            if (clearing() > 0 && !form.getValues("confirmClear")) {
              e.preventDefault();
              form.setError("confirmClear", { type: "custom", message: BV.confirmClear }, { shouldFocus: true });
              return;
            }
            return void handleSubmitWithAction(e);
          }
          e.preventDefault();
          void onNext();
        }}
        noValidate className="space-y-6" aria-label={t("title")}>
        <Stepper steps={STEPS.map((s) => t(`steps.${s}`))} current={step} label={t("progress")} />
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 ref={heading} tabIndex={-1} className="outline-none">
                {t(`steps.${STEPS[step]}`)}
              </h2>
            </CardTitle>
            <CardDescription>{t(`stepHelp.${STEPS[step]}`)}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {step === 0 ? <StepNumbers spaces={spaces} sel={sel} onChange={setSel} results={results} /> : null}
            {step === 1 ? <StepChange form={form} /> : null}
            {step === 2 ? (
              <StepReview
                form={form}
                spaces={spaces}
                rates={rates}
                qps={qps}
                numbersOf={(id) => {
                  const d = loaded.find((r) => r.spaceId === id);
                  return d ? offered(sel, d) : [];
                }}
              />
            ) : null}
            {pickError && step === 0 && chosen === 0 ? (
              <p role="alert" className="text-sm text-destructive">
                {t("nothingChosen")}
              </p>
            ) : null}
            <ActionErrorAlert error={action.result.serverError} />
          </CardContent>
          <CardFooter className="flex flex-wrap items-center justify-between gap-2 border-t pt-6">
            <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="wizard-chosen">
              {t("chosen", { n: step === 0 ? chosen : form.getValues("targets").reduce((n, x) => n + x.phoneNumbers.length, 0) })}
            </p>
            <div className="flex gap-2">
              {step > 0 ? (
                <Button type="button" variant="outline" onClick={() => go(step - 1)} disabled={action.isPending}>
                  <ArrowLeft aria-hidden="true" />
                  {t("back")}
                </Button>
              ) : null}
              {step < 2 ? (
                <Button type="button" onClick={() => void onNext()}>
                  {t("next")}
                  <ArrowRight aria-hidden="true" />
                </Button>
              ) : (
                <SubmitButton pending={action.isPending}>
                  <Play aria-hidden="true" />
                  {t("start")}
                </SubmitButton>
              )}
            </div>
          </CardFooter>
        </Card>
      </form>
    </Form>
  );
}
