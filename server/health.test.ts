import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/server/test-support";
import { GET } from "@/app/api/health/route";
import { checkHealth } from "./health";
import { startSweepWorker } from "./inventory/worker";
import { startJobWorker } from "./jobs/worker";

const database = withTestDatabase();

const health = async () => {
  const res = await GET();
  return { status: res.status, body: (await res.json()) as Awaited<ReturnType<typeof checkHealth>> };
};

describe("/api/health", () => {
  it("is 503 while the workers have not started, 200 once both tick, 503 when one stalls or stops and when the database is down", async () => {
    let r = await health();
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ ok: false, database: { ok: true }, jobWorker: { state: "stopped", lastTickAt: null }, inventoryWorker: { state: "stopped" } });

    const jobs = startJobWorker({ pollMs: 50 });
    const sweep = startSweepWorker({ pollMs: 50 });
    for (let i = 0; i < 100 && r.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      r = await health();
    }
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.jobWorker.state).toBe("ok");
    expect(r.body.inventoryWorker.state).toBe("ok");
    expect(Date.parse(r.body.jobWorker.lastTickAt!)).toBeGreaterThan(Date.now() - 5_000);
    // Nothing but states, times and the database's answer time: no ids, hosts or errors.
    expect(Object.keys(r.body).sort()).toEqual(["database", "inventoryWorker", "jobWorker", "ok"]);

    // A loop that has not gone round within the allowed age is a stall.
    expect(await checkHealth({ maxTickAgeMs: -1 })).toMatchObject({ ok: false, jobWorker: { state: "stalled" } });

    await sweep.stop();
    r = await health();
    expect(r.status).toBe(503);
    expect(r.body.inventoryWorker.state).toBe("stopped");
    await jobs.stop();

    await database.close();
    r = await health();
    expect(r.status).toBe(503);
    expect(r.body.database.ok).toBe(false);
  });
});
