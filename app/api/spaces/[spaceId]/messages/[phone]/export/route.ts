import { getTranslations } from "next-intl/server";
import { messageFilterSchema, type MessageRow } from "@/lib/schemas/messages";
import { ActionError } from "@/server/actions/errors";
import { numberRoute } from "@/server/auth/number-route";
import { csvHeaders, csvStream } from "@/server/csv";
import { exportMessages } from "@/server/data/messages";

const HEADER = [
  "sent_at", "direction", "status", "user_number", "message_type", "template_code", "template_name", "message", "fail_reason",
  "fail_explanation", "message_id", "conversation_id",
];

/** The filtered message log as CSV, read from CAMS page by page while the download streams. */
export const GET = numberRoute("read", "messages.export", async (spaceId, phone, req) => {
  const filter = messageFilterSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!filter.success) throw new ActionError("badFilter", { httpStatus: 400 });
  const t = await getTranslations("messageLog.fail");
  return new Response(
    csvStream(HEADER, exportMessages(spaceId, phone, filter.data), (m: MessageRow) => [
      m.sentAt,
      m.direction,
      m.status,
      m.userNumber,
      m.type,
      m.templateCode,
      m.templateName,
      m.message,
      m.failReason,
      m.failCode ? t(m.failCode) : null,
      m.messageId,
      m.conversationId,
    ]),
    { headers: csvHeaders(`messages-${phone}`) },
  );
});
