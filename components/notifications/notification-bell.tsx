"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { AuditTime } from "@/components/audit/audit-time";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { isHistoryField } from "@/lib/history";
import { formatPhoneNumber } from "@/lib/phone";
import { fetchJson } from "@/lib/query-client";
import { notificationKeys } from "@/lib/query-keys";
import type { NotificationDto, NotificationsResponse } from "@/lib/schemas/alerts";
import { cn } from "@/lib/utils";
import { markNotificationsReadAction } from "@/server/actions/alerts";

/** Checked again every half minute, and when the window regains focus. */
const POLL_MS = 30_000;

function Item({ n, onOpen }: { n: NotificationDto; onOpen: () => void }) {
  const t = useTranslations("alerts");
  const th = useTranslations("history");
  const field = isHistoryField(n.field) ? th(`fields.${n.field}`) : n.field;
  return (
    <li>
      <Link
        href={`/s/${n.spaceId}/phone-numbers/${n.phoneNumber}/history`}
        onClick={onOpen}
        data-testid="notification"
        data-kind={n.kind}
        data-state={n.state}
        className={cn("block rounded-md px-2 py-1.5 text-sm hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring", !n.read && "bg-accent/50")}
      >
        <span className="flex items-center gap-2 font-medium">
          {!n.read ? <span className="size-2 shrink-0 rounded-full bg-primary" aria-label={t("unreadOne")} /> : null}
          {t(`${n.state === "recovery" ? "recovery" : "alert"}.${n.kind}`)}
        </span>
        <span className="block tabular-nums text-muted-foreground">
          {formatPhoneNumber(n.phoneNumber)} · {n.spaceName ?? ""}
        </span>
        <span className="block truncate text-xs text-muted-foreground">
          {field}: {n.oldValue ?? "—"} → {n.newValue ?? "—"} · <AuditTime at={n.createdAt} />
        </span>
      </Link>
    </li>
  );
}

/** The header's bell: unread count, the newest alerts and recoveries, each linked to the number's history. */
export function NotificationBell() {
  const t = useTranslations("alerts");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => fetchJson<NotificationsResponse>("/api/notifications", { signal }),
    refetchInterval: POLL_MS,
  });
  const markRead = useAction(markNotificationsReadAction, { onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }) });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" data-testid="notification-bell" aria-label={unread ? t("bellUnread", { count: unread }) : t("bell")}>
          <Bell className="size-5" aria-hidden="true" />
          {unread ? (
            <span data-testid="notification-count" className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-white tabular-nums">
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-2">
        <div className="flex items-center justify-between px-2 pb-1">
          <h2 className="text-sm font-semibold">{t("title")}</h2>
          {unread ? (
            <Button variant="ghost" size="sm" disabled={markRead.isPending} onClick={() => markRead.execute({ all: true })}>
              {t("markAllRead")}
            </Button>
          ) : null}
        </div>
        {list.isError ? (
          <p className="px-2 py-3 text-sm text-destructive">{t("loadFailed")}</p>
        ) : items.length === 0 ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">{list.isPending ? t("loading") : t("empty")}</p>
        ) : (
          <ul className="max-h-96 space-y-0.5 overflow-y-auto" aria-label={t("title")}>
            {items.map((n) => (
              <Item
                key={n.id}
                n={n}
                onOpen={() => {
                  setOpen(false);
                  if (!n.read) markRead.execute({ ids: [n.id] });
                }}
              />
            ))}
          </ul>
        )}
      </PopoverContent>
    </Popover>
  );
}
