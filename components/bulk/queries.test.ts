// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { runAction, seededClient } from "@/components/test-support/invalidation";
import { bulkKeys } from "@/lib/query-keys";
import { useInvalidateJobs } from "./queries";

const job = [bulkKeys.job("j1"), bulkKeys.items("j1", "all", 1), bulkKeys.items("j1", "failed", 2)];
const all = [bulkKeys.jobs(), ...job, bulkKeys.job("j2"), bulkKeys.items("j2", "all", 1), bulkKeys.numbers("s1", null)];

describe("useInvalidateJobs", () => {
  it("after a job was paused, resumed, cancelled or retried: the jobs list and that job's figures and items", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateJobs, "succeeds", (invalidate) => invalidate("j1"));
    expect(invalidated()).toEqual([bulkKeys.jobs(), ...job]);
  });

  it("after a job was started: the jobs list only", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateJobs, "succeeds", (invalidate) => invalidate());
    expect(invalidated()).toEqual([bulkKeys.jobs()]);
  });

  it("after a refused change: nothing", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateJobs, "fails", (invalidate) => invalidate("j1"));
    expect(invalidated()).toEqual([]);
  });
});
