"use client";

import { CheckCheck, MessageCircle, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatPhoneNumber } from "@/lib/phone";
import { cn } from "@/lib/utils";
import { WhatsAppText } from "./whatsapp-text";

/**
 * The chat as the customer sees it after scanning: the business's name at the top and the
 * prefilled message, ready to send. Colours follow WhatsApp's light theme so it reads as "their
 * phone", whatever the console's theme.
 */
export function ChatPreview({ businessName, phone, message, className }: { businessName: string | null; phone: string; message: string; className?: string }) {
  const t = useTranslations("qrCodes.preview");
  const name = businessName || formatPhoneNumber(phone);
  const text = message.trim();
  return (
    <div className={cn("w-full max-w-xs overflow-hidden rounded-2xl border shadow-sm", className)} data-testid="chat-preview">
      <div className="flex items-center gap-2 bg-[#075e54] px-3 py-2 text-white">
        <div aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-white/20 text-sm font-semibold">
          {name.slice(0, 1).toUpperCase()}
        </div>
        <div className="min-w-0">
          <p className="truncate text-sm font-medium">{name}</p>
          <p className="truncate text-xs text-white/80">{t("businessAccount")}</p>
        </div>
      </div>
      <div className="flex min-h-40 flex-col justify-end gap-2 bg-[#efeae2] p-3">
        <p className="mx-auto rounded-md bg-[#fff5c4] px-2 py-1 text-center text-[11px] text-[#54656f]">{t("notice")}</p>
        {text ? (
          <div className="ml-auto max-w-[85%] rounded-lg rounded-tr-none bg-[#d9fdd3] px-2.5 py-1.5 text-sm text-[#111b21] shadow-sm">
            <p className="break-words whitespace-pre-wrap" data-testid="chat-preview-message">
              <WhatsAppText text={text} />
            </p>
            <p className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-[#4a5a63]">
              {t("time")}
              <CheckCheck className="size-3.5 text-[#027eb5]" aria-hidden="true" />
            </p>
          </div>
        ) : (
          <p className="text-center text-xs text-[#4a5a63]">{t("empty")}</p>
        )}
      </div>
      <div className="flex items-center gap-2 bg-[#f0f2f5] px-2 py-2">
        <p className="min-w-0 flex-1 truncate rounded-full bg-white px-3 py-1.5 text-sm text-[#4a5a63]">{t("composer")}</p>
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-[#00a884] text-white">
          <Send className="size-4" />
        </span>
      </div>
    </div>
  );
}

/** A button that opens the preview for one code. */
export function ChatPreviewButton({ businessName, phone, message, code }: { businessName: string | null; phone: string; message: string; code: string }) {
  const t = useTranslations("qrCodes.preview");
  const tc = useTranslations("qrCodes");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={t("openLabel", { code })}>
          <MessageCircle aria-hidden="true" />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")} className="sm:max-w-sm">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <ChatPreview businessName={businessName} phone={phone} message={message} className="mx-auto" />
      </DialogContent>
    </Dialog>
  );
}
