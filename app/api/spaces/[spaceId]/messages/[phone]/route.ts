import { messageFilterSchema, messagePageQuerySchema } from "@/lib/schemas/messages";
import { ActionError } from "@/server/actions/errors";
import { numberRoute } from "@/server/auth/number-route";
import { listMessagePage } from "@/server/data/messages";

/** One page of a number's message log: ?page=&direction=&status=&template=&user=&from=&to= (UTC days). */
export const GET = numberRoute("read", "messages.page", (spaceId, phone, req) => {
  const params = Object.fromEntries(req.nextUrl.searchParams);
  const filter = messageFilterSchema.safeParse(params);
  const page = messagePageQuerySchema.safeParse(params);
  if (!filter.success || !page.success) throw new ActionError("badFilter", { httpStatus: 400 });
  return listMessagePage(spaceId, phone, filter.data, page.data.page);
});
