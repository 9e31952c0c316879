"use client";

import { FileQuestion } from "lucide-react";
import Link from "@/components/ui/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * The 404 inside the app shell, with a way back. `inSpace`: rendered below the space's layout, so
 * the space itself is one the caller may open and its phone list is the way back; otherwise the
 * start page (which picks a space the caller may open).
 */
export function NotFoundPanel({ inSpace = false }: { inSpace?: boolean }) {
  const t = useTranslations("notFound");
  const params = useParams<{ space?: string }>();
  const back = inSpace && params.space ? { href: `/s/${params.space}/phone-numbers`, label: t("backToSpace") } : { href: "/", label: t("home") };
  return (
    <div className="py-6" data-testid="not-found">
      <EmptyState
        icon={<FileQuestion />}
        titleAs="h2"
        title={<span className="text-lg">{t("title")}</span>}
        description={t(inSpace ? "bodyInSpace" : "body")}
        action={
          <Button asChild>
            <Link href={back.href}>{back.label}</Link>
          </Button>
        }
      />
    </div>
  );
}
