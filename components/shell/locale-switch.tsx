"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { setLocaleAction } from "@/server/actions/preferences";

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/** A compact language switch for pages without the user menu (sign-in, setup). */
export function LocaleSwitch() {
  const current = useLocale();
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <nav aria-label={t("language")} className="flex gap-3 text-sm">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          disabled={pending || l === current}
          aria-current={l === current ? "true" : undefined}
          onClick={() =>
            start(async () => {
              await setLocaleAction({ locale: l });
              router.refresh();
            })
          }
          className="rounded px-1 text-muted-foreground underline-offset-4 hover:underline disabled:font-semibold disabled:text-foreground disabled:no-underline focus-visible:outline-2 focus-visible:outline-ring"
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </nav>
  );
}
