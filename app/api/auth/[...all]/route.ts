import { toNextJsHandler } from "better-auth/next-js";
import { currentAuth } from "@/server/auth/auth";
import { withoutTokens } from "@/server/auth/no-tokens";
import { ensureMigrated } from "@/server/db";

// Built per request on first use: `next build` must not open the database. The session lives in
// the httpOnly cookie only: no answer's body carries a token (server/auth/no-tokens.ts).
async function handle(req: Request) {
  await ensureMigrated();
  const { GET, POST } = toNextJsHandler(await currentAuth());
  return withoutTokens(await (req.method === "GET" ? GET(req) : POST(req)));
}

export const GET = handle;
export const POST = handle;
