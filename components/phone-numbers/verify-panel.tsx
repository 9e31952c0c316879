"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { phoneNumberKeys } from "@/lib/query-keys";
import { VERIFY_LOCALES, VERIFY_METHODS } from "@/lib/schemas/phone-numbers";
import { requestVerificationCodeAction } from "@/server/actions/phone-numbers";
import { VerifyCodeForm } from "@/components/phone-numbers/verify-code-form";
import { useCodeCooldown } from "@/components/phone-numbers/use-code-cooldown";

type Method = (typeof VERIFY_METHODS)[number];
type Lang = (typeof VERIFY_LOCALES)[number];

function Choice<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: { value: T; label: string }[]; onChange: (v: T) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="size-4 accent-primary" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Guided verification: choose SMS or voice and a language, request the code, enter it. */
export function VerifyPanel({ spaceId, phone, sandbox, autoFocus }: { spaceId: string; phone: string; sandbox: boolean; autoFocus: boolean }) {
  const t = useTranslations("phoneNumbers.verify");
  const qc = useQueryClient();
  const [method, setMethod] = useState<Method>("SMS");
  const uiLocale = useLocale();
  const [lang, setLang] = useState<Lang>(uiLocale === "zh-CN" ? "zh_CN" : "en_US");
  const { sentAt, remaining, markSent, clear } = useCodeCooldown(spaceId, phone);
  const sendRef = useRef<HTMLButtonElement>(null);
  const request = useAction(requestVerificationCodeAction, {
    onSuccess: () => {
      markSent();
      void qc.invalidateQueries({ queryKey: phoneNumberKeys.sandboxCode(spaceId, phone) });
    },
  });

  useEffect(() => {
    if (autoFocus) sendRef.current?.focus();
  }, [autoFocus]);

  const send = () => request.execute({ spaceId, phoneNumber: phone, method, locale: lang });
  const sendLabel = remaining > 0 ? t("resendIn", { seconds: remaining }) : sentAt ? t("resend") : t("send");

  return (
    <Card aria-labelledby="verify-title" data-testid="verify-panel">
      <CardHeader>
        <CardTitle asHeading="h2" id="verify-title">
          {t("title")}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="space-y-6">
          <li className="space-y-4">
            <h3 className="font-medium">{t("step1")}</h3>
            <div className="flex flex-wrap gap-8">
              <Choice legend={t("method")} name="verify-method" value={method} onChange={setMethod} options={[{ value: "SMS", label: t("sms") }, { value: "VOICE", label: t("voice") }]} />
              <Choice legend={t("language")} name="verify-language" value={lang} onChange={setLang} options={[{ value: "en_US", label: t("english") }, { value: "zh_CN", label: t("chinese") }]} />
            </div>
            <ActionErrorAlert error={request.result.serverError} />
            <div className="flex flex-wrap items-center gap-3">
              <Button ref={sendRef} onClick={send} disabled={request.isPending || remaining > 0} aria-busy={request.isPending || undefined}>
                {request.isPending ? <Spinner /> : null}
                {sendLabel}
              </Button>
              {sentAt ? (
                <p className="text-sm text-muted-foreground" role="status">
                  {t(method === "VOICE" ? "sentVoice" : "sentSms")}
                </p>
              ) : null}
            </div>
          </li>
          {sentAt ? (
            <li className="space-y-4">
              <h3 className="font-medium">{t("step2")}</h3>
              <VerifyCodeForm spaceId={spaceId} phone={phone} sandbox={sandbox} onVerified={clear} />
            </li>
          ) : null}
        </ol>
      </CardContent>
    </Card>
  );
}
