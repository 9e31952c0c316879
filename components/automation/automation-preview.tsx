"use client";

import { useTranslations } from "next-intl";
import { formatPhoneNumber } from "@/lib/phone";

interface Props {
  businessName: string | null;
  phone: string;
  welcome: boolean;
  prompts: string[];
  commands: { name: string; description: string }[];
}

/**
 * A new chat as the customer sees it: the ice breakers offered as buttons, and the menu "/" opens.
 * WhatsApp's light colours, whatever the console's theme, so it reads as "their phone".
 */
export function AutomationPreview({ businessName, phone, welcome, prompts, commands }: Props) {
  const t = useTranslations("automation.preview");
  const name = businessName || formatPhoneNumber(phone);
  const shownPrompts = prompts.map((p) => p.trim()).filter(Boolean);
  const shownCommands = commands.filter((c) => c.name.trim());
  return (
    <div className="w-full max-w-xs overflow-hidden rounded-2xl border shadow-sm" data-testid="automation-preview" aria-label={t("label")} role="figure">
      <div className="flex items-center gap-2 bg-[#075e54] px-3 py-2 text-white">
        <div aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-white/20 text-sm font-semibold">
          {name.slice(0, 1).toUpperCase()}
        </div>
        <p className="min-w-0 truncate text-sm font-medium">{name}</p>
      </div>
      <div className="flex min-h-48 flex-col justify-end gap-2 bg-[#efeae2] p-3 text-[#111b21]">
        <p className="mx-auto rounded-md bg-[#fff5c4] px-2 py-1 text-center text-[11px] text-[#54656f]">{welcome ? t("welcomeOn") : t("welcomeOff")}</p>
        {shownPrompts.length ? (
          <div className="space-y-1.5" data-testid="preview-prompts">
            <p className="text-center text-[11px] text-[#54656f]">{t("promptsHint")}</p>
            {shownPrompts.map((p, i) => (
              <p key={i} className="mx-auto w-[90%] rounded-full border border-[#00a884] bg-white px-3 py-1 text-center text-sm break-words text-[#008069]">
                {p}
              </p>
            ))}
          </div>
        ) : (
          <p className="text-center text-xs text-[#4a5a63]">{t("noPrompts")}</p>
        )}
        {shownCommands.length ? (
          <div className="rounded-lg bg-white p-2 shadow-sm" data-testid="preview-commands">
            <p className="mb-1 text-[11px] text-[#54656f]">{t("commandsHint")}</p>
            <ul className="max-h-40 space-y-1 overflow-y-auto">
              {shownCommands.map((c, i) => (
                <li key={i} className="text-sm">
                  <span className="font-mono font-medium">/{c.name}</span>
                  <span className="block truncate text-xs text-[#4a5a63]">{c.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="bg-[#f0f2f5] px-2 py-2">
        <p className="rounded-full bg-white px-3 py-1.5 text-sm text-[#4a5a63]">{shownCommands.length ? t("composerCommands") : t("composer")}</p>
      </div>
    </div>
  );
}
