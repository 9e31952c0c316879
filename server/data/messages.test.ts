import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { session, withSandboxRoles } = await import("@/server/test-support");

const pageRoute = await import("@/app/api/spaces/[spaceId]/messages/[phone]/route");
const exportRoute = await import("@/app/api/spaces/[spaceId]/messages/[phone]/export/route");
const { exportMessages, sentAtOf } = await import("./messages");

/**
 * The message log through its route handlers, against the real sandbox over HTTP and PGlite: pages
 * without a total (a short page is the last), filters, and the CSV streamed page by page.
 */
let phone = "";
const SPACE = `msg-${crypto.randomUUID().slice(0, 6)}`;
const BASE = Date.UTC(2026, 10, 1, 8);
const TOTAL = 130;

const { f, sb, api } = withSandboxRoles([SPACE, 1]);
beforeAll(async () => {
  phone = (await api.numbers(SPACE))[0]!.phoneNumber;
  const messages = Array.from({ length: TOTAL }, (_, i) => ({
    eventAction: i % 4 === 0 ? "UP" : "DOWN",
    userNumber: i % 2 ? "447700900101" : "447700900102",
    templateCode: i % 4 === 0 ? "" : "order_update",
    messageStatus: i % 4 === 0 ? "received" : i % 10 === 1 ? "failed" : "read",
    failReason: i % 10 === 1 ? "131047:Re-engagement message" : "",
    message: i === 7 ? '=HYPERLINK("x") "quoted", 你好' : `message ${i}`,
    sendTime: BASE + i * 600_000,
  }));
  const res = await fetch(`${sb.url}/_sandbox/numbers/${phone}/messages`, { method: "POST", body: JSON.stringify({ messages }) });
  expect(res.status).toBe(201);
});

const call = (mod: { GET: (req: NextRequest, ctx: never) => Promise<Response> }, rest: string, query = "") =>
  mod.GET(new NextRequest(`http://localhost/api/spaces/${f.spaceId}/messages/${phone}${rest}?${query}`), {
    params: Promise.resolve({ spaceId: f.spaceId, phone }),
  } as never);

describe("a number's message log", () => {
  it("pages of 20, newest first, and a page shorter than 20 is the last", async () => {
    session.user = f.viewer;
    const first = await call(pageRoute, "", "");
    expect(first.status).toBe(200);
    const p1 = await first.json();
    expect(p1).toMatchObject({ page: 1, size: 20, hasNext: true });
    expect(p1.rows[0]).toMatchObject({ message: `message ${TOTAL - 1}`, sentAt: new Date(BASE + (TOTAL - 1) * 600_000).toISOString() });
    const last = await (await call(pageRoute, "", "page=7")).json();
    expect(last.rows).toHaveLength(TOTAL - 6 * 20);
    expect(last.hasNext).toBe(false);
  });

  it("filters by direction, status, template, customer and UTC days; a failure carries its code", async () => {
    session.user = f.viewer;
    const failed = await (await call(pageRoute, "", "status=failed&direction=DOWN")).json();
    expect(failed.rows.length).toBe(13);
    expect(failed.rows.every((r: { failCode: string; status: string }) => r.failCode === "131047" && r.status === "failed")).toBe(true);
    const user = await (await call(pageRoute, "", "user=447700900101&template=order_update")).json();
    expect(user.rows.every((r: { userNumber: string; templateCode: string }) => r.userNumber === "447700900101" && r.templateCode === "order_update")).toBe(true);
    const day = await (await call(pageRoute, "", "from=2026-11-01&to=2026-11-01")).json();
    // 08:00 to 23:59 UTC of that day at one every 10 minutes: 96 messages, so a full first page.
    expect(day.rows.every((r: { sentAt: string }) => r.sentAt.startsWith("2026-11-01"))).toBe(true);
    expect(day.hasNext).toBe(true);
  });

  it("refuses a bad filter with 400 before any CAMS call", async () => {
    session.user = f.viewer;
    const res = await call(pageRoute, "", "user=abc");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ key: "badFilter" });
    expect((await call(exportRoute, "/export", "from=2026-13-01")).status).toBe(400);
  });

  it("exports the filtered rows as CSV, every page, quoted and defused", async () => {
    session.user = f.viewer;
    const res = await call(exportRoute, "/export", "direction=DOWN");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="messages-${phone}-`));
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("sent_at,direction,status,user_number,message_type,template_code,template_name,message,fail_reason,fail_explanation,message_id,conversation_id");
    // Every DOWN message across two pages of 100, and nothing else.
    // 33 of the 130 are UP (i % 4 === 0): the header and 97 rows.
    expect(lines).toHaveLength(1 + 97);
    expect(lines.slice(1).every((l) => l.split(",")[1] === '"DOWN"')).toBe(true);
    const seven = lines.find((l) => l.includes("HYPERLINK"))!;
    expect(seven).toContain(`"'=HYPERLINK(""x"") ""quoted"", 你好"`);
    const failed = lines.find((l) => l.includes("131047"))!;
    expect(failed).toContain("more than 24 hours passed");
  });

  it("the export stops at its row limit", async () => {
    const pages: number[] = [];
    for await (const rows of exportMessages(f.spaceId, phone, {}, 120)) pages.push(rows.length);
    expect(pages).toEqual([100, 20]);
  });
});

describe("sentAtOf", () => {
  it("reads epoch ms, epoch s and a zone-less time as Beijing time", () => {
    expect(sentAtOf("1764576000000")).toBe("2025-12-01T08:00:00.000Z");
    expect(sentAtOf("1764576000")).toBe("2025-12-01T08:00:00.000Z");
    expect(sentAtOf("2025-12-01 16:00:00")).toBe("2025-12-01T08:00:00.000Z");
    expect(sentAtOf("2025-12-01T08:00:00Z")).toBe("2025-12-01T08:00:00.000Z");
    expect(sentAtOf("soon")).toBeNull();
    expect(sentAtOf(null)).toBeNull();
  });
});
