import { useTranslations } from "next-intl";
import type { JobChange } from "@/lib/schemas/bulk";

/** What a job sets on every number, as a definition list (shared by the review step and the job page). */
export function JobChangeList({ change }: { change: JobChange }) {
  const t = useTranslations("bulk.change");
  const rows: [string, React.ReactNode, boolean][] =
    change.kind === "webhook"
      ? [
          [t("statusUrl"), change.statusCallbackUrl || <span className="text-muted-foreground">{t("unchanged")}</span>, !!change.statusCallbackUrl],
          [t("upUrl"), change.upCallbackUrl || <span className="text-muted-foreground">{t("unchanged")}</span>, !!change.upCallbackUrl],
          [t("http"), change.httpFlag === "Y" ? t("on") : t("off"), false],
          [t("queue"), change.queueFlag === "Y" ? t("on") : t("off"), false],
        ]
      : change.kind === "automation"
        ? [
            [t("welcome"), change.enableWelcomeMessage ? t("on") : t("off"), false],
            [t("prompts"), change.prompts.length ? <ol className="list-decimal pl-5">{change.prompts.map((p, i) => <li key={i}>{p}</li>)}</ol> : <span className="text-muted-foreground">{t("noneSet")}</span>, false],
            [
              t("commands"),
              change.commands.length ? (
                <ul>
                  {change.commands.map((c, i) => (
                    <li key={i}>
                      <span className="font-mono">/{c.name}</span> — {c.description}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-muted-foreground">{t("noneSet")}</span>
              ),
              false,
            ],
          ]
        : [[t("fingerprint"), change.fingerprint, true]];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="job-change">
      {rows.map(([k, v, mono]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className={mono ? "font-mono text-xs break-all sm:text-sm" : undefined}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
