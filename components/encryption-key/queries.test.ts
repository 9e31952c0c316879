// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { runAction, seededClient } from "@/components/test-support/invalidation";
import { encryptionKeyKeys, phoneNumberKeys } from "@/lib/query-keys";
import { useRefreshKeys } from "./queries";

const P = "8613800000001";
const Q = "8613800000002";
const all = [
  encryptionKeyKeys.detail("s1", P),
  encryptionKeyKeys.detail("s1", Q),
  encryptionKeyKeys.list("s1"),
  encryptionKeyKeys.detail("s2", P),
  encryptionKeyKeys.list("s2"),
  phoneNumberKeys.detail("s1", P),
  encryptionKeyKeys.allPage({ page: 2 }),
];

describe("useRefreshKeys", () => {
  it("after a key change: that number's key, its space's list and the All-spaces pages (which show the last change)", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useRefreshKeys, "succeeds", (refresh) => refresh.changed("s1", P));
    expect(invalidated()).toEqual([encryptionKeyKeys.detail("s1", P), encryptionKeyKeys.list("s1"), encryptionKeyKeys.allPage({ page: 2 })]);
  });

  it("after a refused key change: nothing", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useRefreshKeys, "fails", (refresh) => refresh.changed("s1", P));
    expect(invalidated()).toEqual([]);
  });

  it("refresh: one number's key, or every key and the list of one space", async () => {
    const one = seededClient(all);
    await renderHook(useRefreshKeys, { wrapper: one.wrapper }).result.current.one("s1", P);
    expect(one.invalidated()).toEqual([encryptionKeyKeys.detail("s1", P)]);

    const space = seededClient(all);
    await renderHook(useRefreshKeys, { wrapper: space.wrapper }).result.current.space("s1");
    expect(space.invalidated()).toEqual([encryptionKeyKeys.detail("s1", P), encryptionKeyKeys.detail("s1", Q), encryptionKeyKeys.list("s1")]);
  });
});
