// @vitest-environment happy-dom
import { dehydrate, hydrate, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import { createElement, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runAction, seededClient } from "@/components/test-support/invalidation";
import { HttpError, makeQueryClient } from "@/lib/query-client";
import { phoneNumberKeys, qrCodeKeys, webhookKeys } from "@/lib/query-keys";
import type { PhoneListResponse } from "@/lib/schemas/phone-numbers";
import { phoneListQuery, useInvalidatePhone, usePhoneList } from "./queries";

const P = "8613800000001";
const lists = [phoneNumberKeys.list("s1"), phoneNumberKeys.list("s1", { status: "CONNECTED" }), phoneNumberKeys.list("s2"), phoneNumberKeys.allSpaces()];
const others = [
  phoneNumberKeys.detail("s1", "8613800000002"),
  phoneNumberKeys.detail("s2", P),
  phoneNumberKeys.metrics("s1", P, "DAY"),
  phoneNumberKeys.sandboxCode("s1", P),
  webhookKeys.list("s1"),
  qrCodeKeys.number("s1", P),
];
const all = [...lists, phoneNumberKeys.detail("s1", P), ...others];

describe("useInvalidatePhone", () => {
  it("after a change to a number: every number list and that number's page, nothing else", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidatePhone, "succeeds", (invalidate) => invalidate("s1", P));
    expect(invalidated()).toEqual([...lists, phoneNumberKeys.detail("s1", P)]);
  });

  it("after a number was added (no page yet): the lists only", async () => {
    const { wrapper, invalidated } = seededClient(all);
    const { result } = renderHook(useInvalidatePhone, { wrapper });
    await result.current("s1");
    expect(invalidated()).toEqual(lists);
  });

  it("after a refused change: nothing", async () => {
    const { wrapper, invalidated } = seededClient(all);
    const settled = await runAction(wrapper, useInvalidatePhone, "fails", (invalidate) => invalidate("s1", P));
    expect(settled.hasErrored).toBe(true);
    expect(invalidated()).toEqual([]);
  });
});

describe("phoneListQuery: one factory for the server's prefetch and the browser's hook", () => {
  const body: PhoneListResponse = { numbers: [], fetchedAt: "2026-01-01T00:00:00.000Z" };
  const wrap = (client: QueryClient) =>
    function Wrapper({ children }: { children: ReactNode }) {
      return createElement(QueryClientProvider, { client }, children);
    };
  afterEach(() => vi.unstubAllGlobals());

  /** What the server page does: prefetch with its own fetcher, then hand the dehydrated state over. */
  async function serverRender(fetcher: () => Promise<PhoneListResponse>) {
    const server = makeQueryClient();
    await server.prefetchQuery(phoneListQuery("s1", "CONNECTED", fetcher));
    const browser = makeQueryClient();
    hydrate(browser, dehydrate(server));
    return browser;
  }

  it("a prefetched list is the hook's data at once: same key, no request from the browser", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const browser = await serverRender(async () => body);
    const { result } = renderHook(() => usePhoneList("s1", "CONNECTED"), { wrapper: wrap(browser) });
    expect(result.current.data).toEqual(body);
    expect(result.current.isStale).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a failed prefetch is not handed over: the browser asks its route once (no retry) and gets the explained error", async () => {
    const explained = { message: "Throttled", key: "cams", code: "System.LimitControl" };
    const fetch = vi.fn(async () => new Response(JSON.stringify(explained), { status: 502, headers: { "content-type": "application/json" } }));
    vi.stubGlobal("fetch", fetch);
    const browser = await serverRender(async () => {
      throw new Error("CAMS failed");
    });
    expect(browser.getQueryCache().getAll()).toHaveLength(0);
    const { result } = renderHook(() => usePhoneList("s1", "CONNECTED"), { wrapper: wrap(browser) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((fetch.mock.calls[0] as unknown[])[0]).toBe("/api/spaces/s1/phone-numbers?status=CONNECTED");
    expect(result.current.error).toBeInstanceOf(HttpError);
    expect((result.current.error as HttpError).body).toEqual(explained);
  });
});
