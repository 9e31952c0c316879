"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { QRCodeSVG } from "qrcode.react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useAuthErrorText } from "@/components/auth-error-text";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyableCode, CopyButton } from "@/components/ui/copy-button";
import { Form } from "@/components/ui/form";
import { FormAlert, InputField } from "@/components/ui/input-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { authClient } from "@/lib/auth-client";
import { totpConfirmSchema, type TotpConfirmInput } from "@/lib/schemas/two-factor";
import { PasswordStep } from "./password-step";

type Pending = { totpURI: string; backupCodes: string[] };

/** The base32 secret inside an otpauth:// URI, in groups of four for typing it in by hand. */
function secretOf(uri: string): string {
  const secret = new URL(uri).searchParams.get("secret") ?? "";
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/**
 * Setting up two-factor sign-in: the password, then the QR code (drawn here, never fetched) and
 * the first code from the app, then the recovery codes, shown once. Two-factor is on from the
 * moment the first code matched; `onDone` runs when the user has seen the recovery codes.
 */
export function TwoFactorSetup({ onDone, onEnabled }: { onDone: () => void; onEnabled?: () => void }) {
  const t = useTranslations("twoFactor");
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  if (!pending) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-muted-foreground">{t("setupPasswordHint")}</p>
        <PasswordStep
          submitLabel={t("continue")}
          run={async (password) => {
            const { data, error } = await authClient.twoFactor.enable({ password, method: "totp" });
            if (error) return error;
            if (data && "totpURI" in data) setPending({ totpURI: data.totpURI, backupCodes: data.backupCodes });
            return null;
          }}
        />
      </div>
    );
  }
  if (!confirmed)
    return (
      <ScanStep
        uri={pending.totpURI}
        onConfirmed={() => {
          setConfirmed(true);
          onEnabled?.();
        }}
      />
    );
  return <RecoveryCodes codes={pending.backupCodes} onDone={onDone} />;
}

function ScanStep({ uri, onConfirmed }: { uri: string; onConfirmed: () => void }) {
  const t = useTranslations("twoFactor");
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TotpConfirmInput>({ resolver: zodResolver(totpConfirmSchema), defaultValues: { code: "" } });
  const secret = secretOf(uri);
  async function onSubmit(raw: TotpConfirmInput) {
    setError(null);
    let err;
    try {
      ({ error: err } = await authClient.twoFactor.verifyTotp({ code: totpConfirmSchema.parse(raw).code }));
    } catch {
      err = { status: 0 };
    }
    if (!err) return onConfirmed();
    if (err.code === "INVALID_CODE") form.setError("code", { message: authErrorText(err) }, { shouldFocus: true });
    else setError(authErrorText(err));
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">{t("scanHint")}</p>
      <div className="flex justify-center">
        <div className="rounded-md bg-white p-3">
          <QRCodeSVG value={uri} size={176} marginSize={0} role="img" aria-label={t("qrLabel")} />
        </div>
      </div>
      <div className="space-y-1 text-sm">
        <p className="text-muted-foreground">{t("manualHint")}</p>
        <CopyableCode
          value={secret}
          copyText={secret.replace(/\s/g, "")}
          label={t("copySecret")}
          copiedLabel={t("copied")}
          testId="totp-secret"
          className="rounded bg-muted px-2 py-1 text-xs"
        />
      </div>
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
          <FormAlert>{error}</FormAlert>
          <InputField control={form.control} name="code" label={t("firstCode")} autoComplete="one-time-code" inputMode="numeric" autoFocus />
          <SubmitButton pending={form.formState.isSubmitting}>{t("turnOn")}</SubmitButton>
        </form>
      </Form>
    </div>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("twoFactor");
  return (
    <div className="space-y-4">
      <Alert role="status">
        <AlertDescription>{t("isOn")}</AlertDescription>
      </Alert>
      <p className="text-sm">{t("recoveryCodesHint")}</p>
      <ul className="grid grid-cols-2 gap-1 rounded-md border p-3 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex flex-wrap justify-between gap-2">
        <CopyButton text={codes.join("\n")} label={t("copyCodes")} copiedLabel={t("copied")} showLabel variant="outline" />
        <Button onClick={onDone}>{t("savedCodes")}</Button>
      </div>
    </div>
  );
}
