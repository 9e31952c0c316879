import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { machineAddress } from "@/e2e/helpers/machine-address";
import { NV } from "@/lib/schemas/webhooks";
import { auditEvents } from "@/server/db/schema";
import { session, withRoles } from "@/server/test-support";
import { getSetting, setSetting, SETTING } from "@/server/data/settings";
import { allowedPrivateNetworks } from "@/server/data/webhooks";
import { sendTestEventAction, setAllowedNetworksAction } from "./webhooks";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const HOST = machineAddress();
const { database, f } = withRoles();
let receiver: http.Server;
let url = "";
let hits = 0;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      hits++;
      res.writeHead(200, { "content-type": "application/json" }).end('{"internal":"do-not-show"}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, HOST, r));
  url = `http://${HOST}:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
});

const auditOf = async (operation: string) => database.db.select().from(auditEvents).where(eq(auditEvents.operation, operation)).orderBy(auditEvents.id);

describe("allowed private networks (Settings → Network)", () => {
  it("the former switch's stored `true` counts as an empty list", async () => {
    await setSetting("allow_private_webhook_addresses", true);
    expect(await allowedPrivateNetworks()).toEqual([]);
  });

  it("an admin saves the list in canonical form; it is stored and audited", async () => {
    session.user = f.admin;
    const r = await setAllowedNetworksAction({ networks: "10.20.0.0/16\n\n192.168.1.10/32:8443,8080\nFD12:3456:0::/48 port 443\n10.20.0.0/16" });
    expect(r.data).toEqual({ networks: ["10.20.0.0/16", "192.168.1.10/32 ports 8080,8443", "fd12:3456::/48 ports 443"] });
    expect(await getSetting(SETTING.allowedPrivateNetworks)).toEqual([
      { cidr: "10.20.0.0/16", ports: [] },
      { cidr: "192.168.1.10/32", ports: [8080, 8443] },
      { cidr: "fd12:3456::/48", ports: [443] },
    ]);
    const [row] = (await auditOf("webhooks.allowedNetworks")).slice(-1);
    expect(row).toMatchObject({ outcome: "ok", target: "settings", input: { networks: r.data!.networks } });
  });

  it("refuses loopback and link-local entries at the field, and keeps the stored list", async () => {
    session.user = f.admin;
    const lo = await setAllowedNetworksAction({ networks: "10.0.0.0/8\n127.0.0.0/8" });
    expect(lo.validationErrors?.networks?._errors).toEqual([NV.loopback]);
    const ll = await setAllowedNetworksAction({ networks: "169.254.0.0/16" });
    expect(ll.validationErrors?.networks?._errors).toEqual([NV.linkLocal]);
    const many = await setAllowedNetworksAction({ networks: Array.from({ length: 51 }, (_, i) => `10.1.${i}.0/24`).join("\n") });
    expect(many.validationErrors?.networks?._errors).toEqual([NV.tooMany]);
    expect((await allowedPrivateNetworks()).map((n) => n.cidr)).toEqual(["10.20.0.0/16", "192.168.1.10/32", "fd12:3456::/48"]);
  });

  it("only admins change it", async () => {
    for (const who of [f.operator, f.viewer]) {
      session.user = who;
      expect((await setAllowedNetworksAction({ networks: "10.0.0.0/8" })).serverError?.httpStatus).toBe(403);
    }
    expect((await allowedPrivateNetworks()).length).toBe(3);
  });

  it("a test event to this machine's address is refused until the admin lists it, then reaches it without showing the body", async () => {
    session.user = f.operator;
    const before = await sendTestEventAction({ spaceId: f.spaceId, kind: "status", url });
    expect(before.data).toMatchObject({ kind: "refused", reason: "blocked", address: HOST, rule: "notListed" });
    expect(hits).toBe(0);

    session.user = f.admin;
    expect((await setAllowedNetworksAction({ networks: `10.20.0.0/16\n${HOST}/32` })).data?.networks).toEqual(["10.20.0.0/16", `${HOST}/32`]);

    session.user = f.operator;
    const after = await sendTestEventAction({ spaceId: f.spaceId, kind: "status", url });
    expect(after.data).toMatchObject({ kind: "answered", status: 200, bodyHidden: true, bodyPreview: "" });
    expect(JSON.stringify(after)).not.toContain("do-not-show");
    expect(hits).toBe(1);
    const audits = await auditOf("webhooks.testDelivery");
    expect(audits.map((a) => [a.outcome, a.errorCode, (a.input as { allowedNetworks: number }).allowedNetworks])).toEqual([
      ["error", "Refused.blocked", 3],
      ["ok", null, 2],
    ]);
  });
});
