"use client";

import { Download, KeySquare, TriangleAlert } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { ActionErrorAlert } from "@/components/action-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { checkEncryptionPublicKey, toPublicKeyPem } from "@/lib/pem";
import { updateEncryptionKeyAction } from "@/server/actions/encryption-keys";
import { FingerprintChange } from "./fingerprint-change";

/** What the dialog keeps: a blob URL for the private key (its only copy) and the public half to upload. */
type Pair = { downloadUrl: string; publicKey: string; fingerprint: string };

function pemOf(label: string, der: Uint8Array): string {
  let bin = "";
  for (const b of der) bin += String.fromCharCode(b);
  return [`-----BEGIN ${label}-----`, ...(btoa(bin).match(/.{1,64}/g) ?? []), `-----END ${label}-----`, ""].join("\n");
}

/**
 * RSA-OAEP 2048 (what WhatsApp Flows decrypts with), made by WebCrypto in this browser. The
 * private key becomes a Blob behind an object URL for the download and is otherwise dropped:
 * never in state, storage, a request or a log.
 */
async function generatePair(): Promise<Pair> {
  const pair = await crypto.subtle.generateKey(
    { name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["encrypt", "decrypt"],
  );
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
  const checked = checkEncryptionPublicKey(toPublicKeyPem(spki));
  if (!checked.ok) throw new Error(`generated key refused: ${checked.issue}`);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  const downloadUrl = URL.createObjectURL(new Blob([pemOf("PRIVATE KEY", pkcs8)], { type: "application/x-pem-file" }));
  return { downloadUrl, publicKey: checked.pem, fingerprint: checked.fingerprint };
}

function BusyButton({ busy, disabled, children, onClick }: { busy: boolean; disabled?: boolean; children: React.ReactNode; onClick: () => void }) {
  return (
    <Button onClick={onClick} disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy ? <Spinner /> : null}
      {children}
    </Button>
  );
}

const canGenerate = () => typeof window !== "undefined" && window.isSecureContext && !!window.crypto?.subtle;

export function KeyGenerateDialog({ phone, spaceId, currentFingerprint, onUpdated }: { phone: string; spaceId: string; currentFingerprint: string | null; onUpdated: () => void }) {
  const t = useTranslations("encryptionKeys.generate");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [pair, setPair] = useState<Pair | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [downloaded, setDownloaded] = useState(false);
  const [stored, setStored] = useState(false);
  const [step, setStep] = useState<"intro" | "store" | "upload">("intro");
  const upload = useAction(updateEncryptionKeyAction, {
    onSuccess: () => {
      toast.success(t("success"));
      reset(false);
      onUpdated();
    },
  });

  // The object URL is the private key's last trace in this page: revoke it when done or replaced.
  useEffect(() => () => (pair ? URL.revokeObjectURL(pair.downloadUrl) : undefined), [pair]);

  function reset(next: boolean) {
    setOpen(next);
    if (next) return;
    setPair(null);
    setDownloaded(false);
    setStored(false);
    setFailed(false);
    setStep("intro");
    upload.reset();
  }

  async function generate() {
    setBusy(true);
    setFailed(false);
    try {
      setPair(await generatePair());
      setStep("store");
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  const stepNo = { intro: 1, store: 2, upload: 3 }[step];
  return (
    <Dialog open={open} onOpenChange={(o) => !upload.isPending && reset(o)}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <KeySquare aria-hidden="true" />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")} className="sm:max-w-xl">
        <DialogHeader>
          <p className="text-xs font-medium text-muted-foreground">{t("step", { n: stepNo })}</p>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("intro")}</DialogDescription>
        </DialogHeader>

        {step === "intro" ? (
          <>
            {!canGenerate() ? <Alert variant="warning"><AlertTitle>{t("unsupported")}</AlertTitle></Alert> : null}
            {failed ? <Alert variant="destructive"><AlertTitle>{t("failed")}</AlertTitle></Alert> : null}
            <DialogFooter>
              <BusyButton onClick={generate} busy={busy} disabled={!canGenerate()}>
                {t("generate")}
              </BusyButton>
            </DialogFooter>
          </>
        ) : null}

        {step === "store" && pair ? (
          <>
            <Alert variant="warning">
              <TriangleAlert aria-hidden="true" />
              <AlertTitle className="line-clamp-none">{t("warningTitle")}</AlertTitle>
              <AlertDescription>{t("warningBody")}</AlertDescription>
            </Alert>
            <a
              href={pair.downloadUrl}
              download={`whatsapp-flows-private-key-${phone}.pem`}
              className={buttonVariants({ variant: downloaded ? "outline" : "default" })}
              onClick={() => setDownloaded(true)}
            >
              <Download aria-hidden="true" />
              {downloaded ? t("downloadAgain") : t("download")}
            </a>
            <div className="flex items-start gap-2">
              <Checkbox id="key-stored" checked={stored} disabled={!downloaded} onCheckedChange={(v) => setStored(v === true)} aria-describedby="key-stored-hint" />
              <div className="grid gap-1">
                <Label htmlFor="key-stored">{t("stored")}</Label>
                <p id="key-stored-hint" className="text-xs text-muted-foreground">
                  {downloaded ? t("storedHint") : t("downloadFirst")}
                </p>
              </div>
            </div>
            <DialogFooter>
              <Button onClick={() => setStep("upload")} disabled={!stored}>
                {t("next")}
              </Button>
            </DialogFooter>
          </>
        ) : null}

        {step === "upload" && pair ? (
          <>
            <p className="text-sm">{t("uploadBody")}</p>
            <FingerprintChange oldFingerprint={currentFingerprint} newFingerprint={pair.fingerprint} />
            <ActionErrorAlert error={upload.result.serverError} />
            {upload.result.validationErrors ? <Alert variant="destructive"><AlertTitle>{t("refused")}</AlertTitle></Alert> : null}
            <DialogFooter>
              <Button variant="outline" onClick={() => setStep("store")} disabled={upload.isPending}>
                {tc("back")}
              </Button>
              <BusyButton
                busy={upload.isPending}
                onClick={() => upload.execute({ spaceId, phoneNumber: phone, publicKey: pair.publicKey, origin: "generated" })}
              >
                {t("upload")}
              </BusyButton>
            </DialogFooter>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
