"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ActionServerError } from "@/lib/action-error";
import { CAMS_ERRORS_NAMESPACE, explainCamsError, type CamsErrorExplanation } from "@/lib/i18n/cams-errors";

export type Explained = { title: string; body: string; action?: string; code?: string; requestId?: string; ref?: string };

/** A CAMS error code in the user's language (messages/<locale>/camsErrors.json). */
export function useExplainCamsError(): (code: string) => CamsErrorExplanation {
  const t = useTranslations(CAMS_ERRORS_NAMESPACE);
  return (code) => explainCamsError(code, t);
}

/** Message keys are plain names; anything else (or a key this build lacks) falls back to the English text. */
const SERVER_KEY = /^[a-z][A-Za-z0-9]*$/;

/** Any shown error (action or read) in the user's language: title, body, suggested action, and what to quote. */
export function useExplainError(): (error: ActionServerError) => Explained {
  const t = useTranslations("common");
  const ts = useTranslations("serverErrors");
  const explainCode = useExplainCamsError();
  return (error: ActionServerError): Explained => {
    if (error.code) {
      const e = explainCode(error.code);
      return { title: e.title, body: e.explanation, action: e.action, code: error.code, requestId: error.requestId };
    }
    if (error.ref) return { title: t("somethingWrong"), body: t("genericError"), ref: error.ref };
    const text = error.key && SERVER_KEY.test(error.key) && ts.has(error.key) ? ts(error.key, error.params) : error.message;
    if (error.httpStatus === 403) return { title: t("notAllowed"), body: text };
    return { title: text, body: "" };
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
  const explain = useExplainError();
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
  const explain = useExplainError();
  return (error: ActionServerError | undefined, fallback?: string) => {
    if (!error) {
      if (fallback) toast.error(fallback);
      return;
    }
    const e = explain(error);
    toast.error(e.title, { description: <Details e={e} />, duration: 10_000 });
  };
}
