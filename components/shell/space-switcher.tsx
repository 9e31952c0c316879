"use client";

import { useTranslations } from "next-intl";
import { useParams, usePathname, useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Select, SelectContent, SelectGroup, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { rememberSpaceAction } from "@/server/actions/preferences";

export interface ShellSpace {
  id: string;
  name: string;
  role: "admin" | "operator" | "viewer";
  sandbox: boolean;
}

export function SpaceSwitcher({ spaces, current, canAll }: { spaces: ShellSpace[]; current: string | null; canAll: boolean }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const pathname = usePathname();
  const params = useParams<{ space?: string }>();
  if (spaces.length === 0) return <span className="text-sm text-muted-foreground">{t("noSpaces")}</span>;

  function select(id: string) {
    void rememberSpaceAction({ spaceId: id });
    // Stay in the same section when it is space-scoped; otherwise just remember the choice.
    const m = pathname.match(/^\/s\/[^/]+\/([^/]+)/);
    if (params.space && m) router.push(`/s/${id}/${m[1]}`);
    else if (pathname === "/" || params.space) router.push(`/s/${id}/phone-numbers`);
    else router.refresh();
  }

  const currentSpace = spaces.find((s) => s.id === current);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <Select value={current ?? undefined} onValueChange={select}>
        <SelectTrigger aria-label={t("switchSpace")} className="w-48 max-w-[55vw] sm:w-64" data-testid="space-switcher">
          <SelectValue placeholder={t("switchSpace")} />
        </SelectTrigger>
        <SelectContent>
          {canAll ? (
            <>
              <SelectItem value="all">{t("allSpaces")}</SelectItem>
              <SelectSeparator />
            </>
          ) : null}
          <SelectGroup>
            {spaces.map((s) => (
              <SelectItem key={s.id} value={s.id}>
                {s.name}
              </SelectItem>
            ))}
          </SelectGroup>
        </SelectContent>
      </Select>
      {currentSpace?.sandbox ? <Badge variant="warning">{t("sandboxBadge")}</Badge> : null}
      {currentSpace && currentSpace.role !== "admin" ? (
        <Badge variant="outline" className="hidden sm:inline-flex">
          {currentSpace.role === "operator" ? t("roleOperator") : t("roleViewer")}
        </Badge>
      ) : null}
    </div>
  );
}
