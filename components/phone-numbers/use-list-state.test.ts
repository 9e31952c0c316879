// @vitest-environment happy-dom
import { act, renderHook, waitFor } from "@testing-library/react";
import { withNuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import { describe, expect, it } from "vitest";
import { useListState } from "./use-list-state";

function setup(searchParams: string) {
  const updates: UrlUpdateEvent[] = [];
  const { result } = renderHook(() => useListState(), {
    wrapper: withNuqsTestingAdapter({ searchParams, hasMemory: true, rateLimitFactor: 1, onUrlUpdate: (e) => void updates.push(e) }),
  });
  return { result, updates };
}

describe("the phone list's URL state", () => {
  it("reads a link's view", () => {
    const { result } = setup("?q=acme&status=CONNECTED&quality=RED&sort=tier&dir=desc&page=3");
    expect(result.current.state).toEqual({ q: "acme", status: "CONNECTED", quality: "RED", sort: "tier", dir: "desc", page: 3 });
  });

  it("falls back to the defaults for values it does not know", () => {
    const { result } = setup(`?q=${"x".repeat(150)}&status=<b>&quality=RED%20GREEN&sort=price&dir=up&page=-2`);
    expect(result.current.state).toEqual({ q: "x".repeat(100), status: "", quality: "", sort: "number", dir: "asc", page: 1 });
    for (const page of ["0", "1.5", "2x", ""]) expect(setup(`?page=${page}`).result.current.state.page).toBe(1);
  });

  it("writes only what differs from the defaults, shallow, replacing the history entry", async () => {
    const { result, updates } = setup("?page=2");
    act(() => result.current.update({ status: "CONNECTED" }));
    await waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0]!.queryString).toBe("?status=CONNECTED");
    expect(updates[0]!.options).toMatchObject({ shallow: true, history: "replace" });
    expect(result.current.state.page).toBe(1);
    act(() => result.current.toggleSort("name"));
    await waitFor(() => expect(updates.at(-1)!.queryString).toBe("?status=CONNECTED&sort=name"));
    act(() => result.current.toggleSort("name"));
    await waitFor(() => expect(updates.at(-1)!.queryString).toBe("?status=CONNECTED&sort=name&dir=desc"));
    act(() => result.current.update({ page: 4 }));
    await waitFor(() => expect(updates.at(-1)!.queryString).toBe("?status=CONNECTED&sort=name&dir=desc&page=4"));
    act(() => result.current.reset());
    await waitFor(() => expect(updates.at(-1)!.queryString).toBe(""));
    expect(result.current.state).toMatchObject({ status: "", sort: "number", page: 1 });
  });

  it("shows each keystroke at once and writes the URL once typing pauses", async () => {
    const { result, updates } = setup("");
    for (const q of ["v", "ve", "ver"]) act(() => result.current.update({ q }));
    expect(result.current.state.q).toBe("ver");
    expect(updates).toHaveLength(0);
    await waitFor(() => expect(updates.map((u) => u.queryString)).toEqual(["?q=ver"]));
  });
});
