import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Logo } from "@/components/shell/logo";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 px-4 py-10">
      <div className="flex flex-col items-center gap-2 text-center">
        <Logo className="size-10" />
        <p className="text-lg font-semibold">{t("name")}</p>
        <p className="text-sm text-muted-foreground">{t("tagline")}</p>
      </div>
      <div className="w-full max-w-sm">{children}</div>
      <LocaleSwitch />
    </main>
  );
}
