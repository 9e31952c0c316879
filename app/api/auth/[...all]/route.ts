import { toNextJsHandler } from "better-auth/next-js";
import { currentAuth } from "@/server/auth/auth";
import { ensureMigrated } from "@/server/db";

// Built per request on first use: `next build` must not open the database.
async function handle(req: Request) {
  await ensureMigrated();
  const { GET, POST } = toNextJsHandler(await currentAuth());
  return req.method === "GET" ? GET(req) : POST(req);
}

export const GET = handle;
export const POST = handle;
