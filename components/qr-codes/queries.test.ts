// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { runAction, seededClient } from "@/components/test-support/invalidation";
import { phoneNumberKeys, qrCodeKeys } from "@/lib/query-keys";
import { useInvalidateQrCodes } from "./queries";

const P = "8613800000001";
const all = [qrCodeKeys.number("s1", P), qrCodeKeys.number("s1", "8613800000002"), qrCodeKeys.number("s2", P), phoneNumberKeys.detail("s1", P), qrCodeKeys.allPage({ q: "", number: "", page: 2 })];

describe("useInvalidateQrCodes", () => {
  it("after a code was created, changed or deleted: that number's codes (the number tab and the space page read the same key) and the All-spaces pages", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateQrCodes, "succeeds", (invalidate) => invalidate("s1", P));
    expect(invalidated()).toEqual([qrCodeKeys.number("s1", P), qrCodeKeys.allPage({ q: "", number: "", page: 2 })]);
  });

  it("after a refused change: nothing", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateQrCodes, "fails", (invalidate) => invalidate("s1", P));
    expect(invalidated()).toEqual([]);
  });
});
