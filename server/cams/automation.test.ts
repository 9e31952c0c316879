import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkClient } from "@/server/sandbox/testing";
import { startFixture } from "./test-utils";

/**
 * The automation and message-log operations SDK 1.4.2 lacks, through the client's generic callApi
 * against the real sandbox over HTTP: arrays go as JSON strings and arrive exactly as sent.
 */

const SPACE = "space-auto";
let fx: Awaited<ReturnType<typeof startFixture>>;
let phone: string;

type Json = Record<string, unknown>;
const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${fx.sandbox.url}/_sandbox/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
};

/** Sends again after a System.LimitControl (5 QPS; this file is not about throttling). */
async function paced<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if ((e as { code?: string }).code !== "System.LimitControl" || i > 30) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** A raw call with the query as given (no client-side zod), as another tool would send it. */
async function raw(action: string, query: Record<string, string>): Promise<Json> {
  const params = new $OpenApi.Params({
    action, version: "2020-06-06", protocol: "HTTP", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
  });
  const res = await paced(() =>
    sdkClient(fx.sandbox).callApi(params, new $OpenApi.OpenApiRequest({ query: { CustSpaceId: `${SPACE}-n`, ...query } }), new $Util.RuntimeOptions({})),
  );
  return res.body as Json;
}

beforeAll(async () => {
  fx = await startFixture([SPACE]);
  await fx.control.addSpace(`${SPACE}-2`, 0);
  const sp = await control("POST", "spaces", { custSpaceId: `${SPACE}-n`, numbers: 1 });
  expect(sp.status).toBe(201);
  const detail = await control("GET", `spaces/${SPACE}-n`);
  phone = (detail.json.phoneNumbers as { phoneNumber: string }[])[0]!.phoneNumber;
});
afterAll(() => fx.close());

const bare = () => fx.client({ space: `${SPACE}-n` });
/** The client with each method paced past System.LimitControl. */
const client = () => {
  const c = bare();
  return {
    getAutomation: (i: Parameters<typeof c.getAutomation>[0]) => paced(() => c.getAutomation(i)),
    updateAutomation: (i: Parameters<typeof c.updateAutomation>[0]) => paced(() => c.updateAutomation(i)),
    listMessages: (i: Parameters<typeof c.listMessages>[0]) => paced(() => c.listMessages(i)),
  };
};

describe("Get/UpdateConversationalAutomation through callApi", () => {
  it("sends Prompts and Commands as JSON strings that the sandbox decodes exactly as sent, and reads them back", async () => {
    const prompts = ['Where is my order? "now" & then', "营业时间 = 9-18 + 周末?", "100% sure / a,b;c"];
    const commands = [
      { commandName: "help", commandDescription: "What I can do: orders & bookings" },
      { commandName: "订单", commandDescription: "查看订单状态 «quoted» 'single'" },
    ];
    const empty = await client().getAutomation({ phoneNumber: phone });
    expect(empty.data).toEqual({ phoneNumber: phone, enableWelcomeMessage: false, prompts: [], commands: [] });

    const res = await client().updateAutomation({ phoneNumber: phone, enableWelcomeMessage: true, prompts, commands });
    expect(res.requestId).toMatch(/^[0-9A-F-]{36}$/);
    const held = await control("GET", `numbers/${phone}/automation`);
    expect(held.json).toEqual({
      enableWelcomeMessage: true,
      prompts,
      commands: commands.map((c) => ({ CommandName: c.commandName, CommandDescription: c.commandDescription })),
    });
    const back = await client().getAutomation({ phoneNumber: phone });
    expect(back.data).toEqual({ phoneNumber: phone, enableWelcomeMessage: true, prompts, commands });

    // An absent array is left as it is; an empty one clears.
    await client().updateAutomation({ phoneNumber: phone, enableWelcomeMessage: false });
    expect((await client().getAutomation({ phoneNumber: phone })).data).toMatchObject({ enableWelcomeMessage: false, prompts });
    await client().updateAutomation({ phoneNumber: phone, prompts: [], commands: [] });
    expect((await client().getAutomation({ phoneNumber: phone })).data).toMatchObject({ prompts: [], commands: [] });
  });

  it("the client refuses what WhatsApp would before any call: 5 ice breakers, 81 characters, emoji", async () => {
    await fx.control.resetCalls();
    for (const prompts of [["a", "b", "c", "d", "e"], ["x".repeat(81)], ["Hi 👋"]]) {
      await expect(client().updateAutomation({ phoneNumber: phone, prompts })).rejects.toMatchObject({ code: "Request.Invalid" });
    }
    await expect(
      client().updateAutomation({ phoneNumber: phone, commands: [{ commandName: "n".repeat(33), commandDescription: "d" }] }),
    ).rejects.toMatchObject({ code: "Request.Invalid" });
    expect((await fx.control.calls()).total).toBe(0);
    // The edges themselves pass.
    await client().updateAutomation({
      phoneNumber: phone,
      prompts: ["a", "b", "c", "x".repeat(80)],
      commands: Array.from({ length: 30 }, (_, i) => ({ commandName: `c${i}`.padEnd(32, "x"), commandDescription: "d".repeat(256) })),
    });
    const back = await client().getAutomation({ phoneNumber: phone });
    expect(back.data.prompts).toHaveLength(4);
    expect(back.data.commands).toHaveLength(30);
  });

  it("the sandbox refuses bad arrays in the vendor's style, and a refused call changes nothing", async () => {
    await raw("UpdateConversationalAutomation", { PhoneNumber: phone, Prompts: '["kept"]', Commands: "[]" });
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ Prompts: "not json" }, "InvalidParameter.Prompts", /JSON array/],
      [{ Prompts: '{"a":1}' }, "InvalidParameter.Prompts", /JSON array/],
      [{ Prompts: JSON.stringify(["1", "2", "3", "4", "5"]) }, "InvalidParameter.Prompts", /At most 4/],
      [{ Prompts: JSON.stringify(["x".repeat(81)]) }, "InvalidParameter.Prompts", /1-80 characters \(got 81\)/],
      [{ Prompts: JSON.stringify(["Hello 😀"]) }, "InvalidParameter.Prompts", /emoji/],
      [{ Commands: JSON.stringify(Array.from({ length: 31 }, (_, i) => ({ CommandName: `c${i}`, CommandDescription: "d" }))) }, "InvalidParameter.Commands", /At most 30/],
      [{ Commands: JSON.stringify([{ CommandName: "n".repeat(33), CommandDescription: "d" }]) }, "InvalidParameter.Commands", /1-32 characters/],
      [{ Commands: JSON.stringify([{ CommandName: "ok", CommandDescription: "d".repeat(257) }]) }, "InvalidParameter.Commands", /1-256 characters/],
      [{ Commands: JSON.stringify([{ CommandName: "🚀", CommandDescription: "d" }]) }, "InvalidParameter.Commands", /emoji/],
      [{ Commands: '["help"]' }, "InvalidParameter.Commands", /object/],
      [{ EnableWelcomeMessage: "yes" }, "InvalidParameter.EnableWelcomeMessage", /true or false/],
    ];
    for (const [query, code, message] of cases) {
      const body = await raw("UpdateConversationalAutomation", { PhoneNumber: phone, EnableWelcomeMessage: "true", ...query });
      expect(body.Code, JSON.stringify(query)).toBe(code);
      expect(String(body.Message)).toMatch(message);
      expect(body.RequestId).toEqual(expect.any(String));
    }
    expect((await control("GET", `numbers/${phone}/automation`)).json).toMatchObject({ enableWelcomeMessage: false, prompts: ["kept"] });
    // A number of another space is not the caller's to read there.
    const other = await raw("GetConversationalAutomation", { PhoneNumber: phone, CustSpaceId: `${SPACE}-2` }).catch((e: { code?: string }) => ({ Code: e.code }));
    expect(other.Code).toBe("Unknown.ResourceOwnerId");
  });
});

describe("ListChatappMessage through callApi", () => {
  const base = Date.UTC(2026, 10, 1, 12);
  beforeAll(async () => {
    const messages = Array.from({ length: 45 }, (_, i) => ({
      eventAction: i % 3 === 0 ? "UP" : "DOWN",
      userNumber: i % 2 ? "447700900101" : "447700900102",
      templateCode: i % 3 === 0 ? "" : i % 2 ? "order_update" : "promo",
      messageStatus: i % 3 === 0 ? "received" : i % 5 === 0 ? "failed" : "delivered",
      failReason: i % 3 !== 0 && i % 5 === 0 ? "131047:Re-engagement message" : "",
      message: `m${i}`,
      sendTime: base + i * 3_600_000,
    }));
    expect((await control("POST", `numbers/${phone}/messages`, { messages })).status).toBe(201);
  });

  it("pages with Page as a JSON string, newest first; a page shorter than its size is the last", async () => {
    const page = (index: number) => client().listMessages({ businessNumber: phone, page: { index, size: 20 } });
    const [p1, p2, p3, p4] = [await page(1), await page(2), await page(3), await page(4)];
    expect([p1.data.length, p2.data.length, p3.data.length, p4.data.length]).toEqual([20, 20, 5, 0]);
    expect(p1.data[0]).toMatchObject({ message: "m44", businessNumber: phone, eventAction: "DOWN" });
    const ids = [...p1.data, ...p2.data, ...p3.data].map((m) => m.messageId);
    expect(new Set(ids).size).toBe(45);
  });

  it("filters by direction, status, template, user number and time range", async () => {
    const list = (f: Record<string, unknown>) => client().listMessages({ businessNumber: phone, page: { index: 1, size: 100 }, ...f });
    expect((await list({ eventAction: "UP" })).data.every((m) => m.eventAction === "UP")).toBe(true);
    expect((await list({ eventAction: "UP" })).data).toHaveLength(15);
    const failed = (await list({ messageStatus: "failed" })).data;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((m) => m.failReason?.startsWith("131047"))).toBe(true);
    expect((await list({ templateCode: "order_update" })).data.every((m) => m.templateCode === "order_update")).toBe(true);
    expect((await list({ userNumber: "447700900101" })).data).toHaveLength(22);
    const ranged = (await list({ startTime: base + 10 * 3_600_000, endTime: base + 19 * 3_600_000 })).data;
    expect(ranged.map((m) => m.message)).toEqual(Array.from({ length: 10 }, (_, i) => `m${19 - i}`));
  });

  it("refuses a bad Page in the vendor's style", async () => {
    const body = await raw("ListChatappMessage", { BusinessNumber: phone, ChannelType: "whatsapp", Page: '{"Index":0,"Size":20}' });
    expect(body.Code).toBe("InvalidParameter.Page");
    const notJson = await raw("ListChatappMessage", { BusinessNumber: phone, ChannelType: "whatsapp", Page: "1" });
    expect(notJson.Code).toBe("InvalidParameter.Page");
  });
});
