import { eq } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { auditEvents } from "@/server/db/schema";
import { withTestDatabase } from "@/server/test-support";
import { CLIENT_ADDRESS_HEADER } from "@/server/client-address";
import { recordAudit } from "./index";

// The request as the socket stamp left it, plus a forwarding header the client made up.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "6.6.6.6" }),
}));

const database = withTestDatabase();

it("an audit event carries the request's stamped client address, not a forwarded one", async () => {
  const target = `addr-${crypto.randomUUID()}`;
  await recordAudit({ actor: null, operation: "auth.signIn", target, outcome: "ok" });
  await recordAudit({ actor: null, operation: "auth.signIn", target, outcome: "ok", clientAddress: null });
  const rows = await database.db.select({ a: auditEvents.clientAddress }).from(auditEvents).where(eq(auditEvents.target, target)).orderBy(auditEvents.id);
  expect(rows.map((r) => r.a)).toEqual(["203.0.113.9", null]);
});
