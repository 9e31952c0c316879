"use client";

import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ActionServerError } from "@/lib/action-error";
import { explainCamsError } from "@/lib/cams/errors";

type Explained = { title: string; body: string; action?: string; code?: string; requestId?: string; ref?: string };

function useExplain() {
  const locale = useLocale() === "zh-CN" ? "zh-CN" : "en";
  const t = useTranslations("common");
  return (error: ActionServerError): Explained => {
    if (error.code) {
      const e = explainCamsError(error.code, locale);
      return { title: e.title, body: e.explanation, action: e.action, code: error.code, requestId: error.requestId };
    }
    if (error.ref) return { title: t("somethingWrong"), body: t("genericError"), ref: error.ref };
    if (error.httpStatus === 403) return { title: t("notAllowed"), body: error.message };
    return { title: error.message, body: "" };
  };
}

function Details({ e }: { e: Explained }) {
  const t = useTranslations("common");
  return (
    <>
      {e.body ? <p>{e.body}</p> : null}
      {e.action ? <p>{e.action}</p> : null}
      {e.code || e.requestId || e.ref ? (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs">
          {e.code ? (
            <>
              <dt>{t("errorCode")}</dt>
              <dd>{e.code}</dd>
            </>
          ) : null}
          {e.requestId ? (
            <>
              <dt>{t("requestId")}</dt>
              <dd className="break-all">{e.requestId}</dd>
            </>
          ) : null}
          {e.ref ? (
            <>
              <dt>{t("reference")}</dt>
              <dd>{e.ref}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </>
  );
}

/** The explained error of a failed action, shown inside the form (what was typed stays). */
export function ActionErrorAlert({ error }: { error?: ActionServerError }) {
  const explain = useExplain();
  if (!error) return null;
  const e = explain(error);
  return (
    <Alert variant="destructive" role="alert">
      <AlertTitle>{e.title}</AlertTitle>
      <AlertDescription>
        <Details e={e} />
      </AlertDescription>
    </Alert>
  );
}

/** The same explanation as a toast, for actions without a form. */
export function useToastActionError() {
  const explain = useExplain();
  return (error: ActionServerError | undefined, fallback?: string) => {
    if (!error) {
      if (fallback) toast.error(fallback);
      return;
    }
    const e = explain(error);
    toast.error(e.title, { description: <Details e={e} />, duration: 10_000 });
  };
}
