// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { runAction, seededClient } from "@/components/test-support/invalidation";
import { phoneNumberKeys, qrCodeKeys, webhookKeys } from "@/lib/query-keys";
import { useInvalidatePhone } from "./queries";

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
