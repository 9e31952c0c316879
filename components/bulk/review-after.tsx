"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { clearCounts, type CreateBulkJobInput, type HeldWebhook, type WebhookParams } from "@/lib/schemas/bulk";

/** Of the chosen numbers, how many hold a value now (for "each number keeps its own"). */
const countSet = (numbers: HeldWebhook[], pick: (n: HeldWebhook) => string | null) => numbers.filter((n) => !!pick(n)).length;

/**
 * The review of a webhook job: what CAMS will hold on the chosen numbers afterwards, worked out
 * from what they hold now (a blank URL keeps each number's own; HTTP off clears both URLs; queue
 * off removes the queues), and a confirmation whenever that clears something a number holds.
 */
export function WebhookAfter({ form, change, numbers }: { form: UseFormReturn<CreateBulkJobInput>; change: WebhookParams; numbers: HeldWebhook[] }) {
  const t = useTranslations("bulk.after");
  const off = change.httpFlag === "N";
  const url = (sent: string, pick: (n: HeldWebhook) => string | null) => {
    if (off) return <span className="font-medium text-warning">{t("cleared")}</span>;
    if (sent) return <span className="font-mono text-xs break-all sm:text-sm">{sent}</span>;
    return <span className="text-muted-foreground">{t("kept", { set: countSet(numbers, pick), total: numbers.length })}</span>;
  };
  const clears = clearCounts(change, numbers);
  const rows: [string, React.ReactNode][] = [
    [t("statusUrl"), url(change.statusCallbackUrl, (n) => n.statusCallbackUrl)],
    [t("upUrl"), url(change.upCallbackUrl, (n) => n.upCallbackUrl)],
    [t("http"), off ? t("httpOff") : t("httpOn")],
    [t("queue"), change.queueFlag === "Y" ? t("queueOn") : t("queueOff")],
  ];
  return (
    <section aria-labelledby="review-after" className="space-y-3">
      <h3 id="review-after" className="font-medium">
        {t("title")}
      </h3>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="review-after">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground">{t("readBackNote")}</p>
      {clears.numbers ? (
        <Alert variant="warning" data-testid="review-clears">
          <TriangleAlert aria-hidden="true" />
          <AlertTitle>{t("clearsTitle", { n: clears.numbers, total: numbers.length })}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc space-y-1 pl-4">
              {clears.urls ? <li>{t("clearsUrls", { n: clears.urls })}</li> : null}
              {clears.queues ? <li>{t("clearsQueues", { n: clears.queues })}</li> : null}
            </ul>
            <FormField
              control={form.control}
              name="confirmClear"
              render={({ field }) => (
                <FormItem className="mt-3">
                  <div className="flex items-start gap-2">
                    <FormControl>
                      <Checkbox checked={field.value === true} onCheckedChange={(v) => {
                          field.onChange(v === true);
                          if (v === true) form.clearErrors("confirmClear");
                        }} onBlur={field.onBlur} ref={field.ref} />
                    </FormControl>
                    <FormLabel className="leading-snug font-medium text-foreground">{t("confirm", { n: clears.numbers })}</FormLabel>
                  </div>
                  <FormMessage />
                </FormItem>
              )}
            />
          </AlertDescription>
        </Alert>
      ) : null}
    </section>
  );
}
