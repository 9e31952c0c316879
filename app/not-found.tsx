import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** A URL no route matches (outside the app's sections): a plain 404 with the way to the start page. */
export default async function RootNotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-muted-foreground">{t("body")}</p>
      <Link href="/" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus-visible:outline-2 focus-visible:outline-ring">
        {t("home")}
      </Link>
    </main>
  );
}
