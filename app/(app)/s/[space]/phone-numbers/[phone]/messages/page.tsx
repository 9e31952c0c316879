import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MessageFilters } from "@/components/messages/message-filters";
import { MessageLogError } from "@/components/messages/message-log-error";
import { MessageTable } from "@/components/messages/message-table";
import { messageFilterSchema, messagePageQuerySchema, type MessagePageResponse } from "@/lib/schemas/messages";
import { fullPhoneField } from "@/lib/schemas/phone-numbers";
import type { ActionServerError } from "@/lib/action-error";
import { listMessagePage } from "@/server/data/messages";
import { pageSpaceAccess } from "@/server/data/phone-numbers";
import { getDb } from "@/server/db";
import { isNumberOfSpace } from "@/server/inventory/membership";
import { toShownError } from "@/server/safe-error";
import { TitledSection } from "@/components/ui/titled-section";

type Props = { params: Promise<{ space: string; phone: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_KEYS = ["direction", "status", "template", "user", "from", "to"] as const;

/**
 * The number's "Messages" tab: ListChatappMessage under the URL's filters, one page per render
 * (CAMS gives no total: a page shorter than its size is the last), and the filtered CSV.
 */
export default async function NumberMessagesPage({ params, searchParams }: Props) {
  const { space, phone } = await params;
  if (space === "all" || !fullPhoneField.safeParse(phone).success) notFound();
  await pageSpaceAccess(space);
  if (!(await isNumberOfSpace(getDb(), space, phone))) notFound();
  const raw = await searchParams;
  const sp = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const t = await getTranslations("messageLog");

  const filter = messageFilterSchema.safeParse(sp);
  const page = messagePageQuerySchema.safeParse(sp).data?.page ?? 1;
  const invalid: Record<string, string> = {};
  if (!filter.success) for (const issue of filter.error.issues) invalid[String(issue.path[0])] ??= issue.message;

  const query = new URLSearchParams(FILTER_KEYS.flatMap((k) => (sp[k] ? [[k, sp[k]!]] : [])));
  const base = `/s/${space}/phone-numbers/${phone}/messages`;
  const href = (p: number) => `${base}?${new URLSearchParams([...query, ...(p > 1 ? [["page", String(p)]] : [])]).toString()}`;
  let result: MessagePageResponse | null = null;
  let error: ActionServerError | null = null;
  if (filter.success) {
    try {
      result = await listMessagePage(space, phone, filter.data, page);
    } catch (err) {
      error = toShownError(err, { what: "messages.page" });
    }
  }
  return (
    <TitledSection id="number-messages-title" title={t("title")} description={t("description")}>
      <MessageFilters exportHref={`/api/spaces/${encodeURIComponent(space)}/messages/${phone}/export?${query.toString()}`} invalid={invalid} />
      {error ? <MessageLogError error={error} /> : null}
      {result ? (
        <MessageTable
          rows={result.rows}
          page={page}
          filtered={query.size > 0}
          prevHref={page > 1 ? href(page - 1) : null}
          nextHref={result.hasNext ? href(page + 1) : null}
        />
      ) : null}
    </TitledSection>
  );
}
