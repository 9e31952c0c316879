import { useTranslations } from "next-intl";
import { BULK_PROFILE_FIELDS, type BulkProfileSet, type JobChange } from "@/lib/schemas/bulk";

/** One row per chosen profile field, in the form's order, and a last one for the rest. */
function useProfileRows(set: BulkProfileSet): [string, React.ReactNode, boolean][] {
  const t = useTranslations("bulk.change");
  const tp = useTranslations("profile");
  const cleared = <span className="text-muted-foreground">{t("cleared")}</span>;
  const rows: [string, React.ReactNode, boolean][] = [];
  for (const f of BULK_PROFILE_FIELDS) {
    const v = set[f];
    if (v === undefined) continue;
    const shown =
      f === "websites"
        ? (v as string[]).length
          ? <ul>{(v as string[]).map((w) => <li key={w} className="break-all">{w}</li>)}</ul>
          : cleared
        : f === "vertical"
          ? tp.has(`vertical.${v as string}`) ? tp(`vertical.${v as string}`) : (v as string)
          : (v as string)
            ? <span className="break-words whitespace-pre-wrap">{v as string}</span>
            : cleared;
    rows.push([tp(`form.fields.${f}`), shown, false]);
  }
  if (rows.length < BULK_PROFILE_FIELDS.length) rows.push([t("otherFields"), <span key="rest" className="text-muted-foreground">{t("unchangedEach")}</span>, false]);
  return rows;
}

/** What a job sets on every number, as a definition list (shared by the review step and the job page). */
export function JobChangeList({ change }: { change: JobChange }) {
  const t = useTranslations("bulk.change");
  const profileRows = useProfileRows(change.kind === "profile" ? change.set : {});
  const rows: [string, React.ReactNode, boolean][] =
    change.kind === "profile"
      ? profileRows
      : change.kind === "webhook"
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
