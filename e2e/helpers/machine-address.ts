import os from "node:os";

/**
 * This machine's first non-internal IPv4 address (e.g. 192.0.2.2 on eth0). Outgoing deliveries
 * never reach loopback, so tests start their receivers here and allow `<address>/32`. Shared by
 * the Vitest and Playwright suites; it imports nothing of the app.
 */
export function machineAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  throw new Error(
    "This machine has no non-loopback IPv4 address (os.networkInterfaces() lists only internal ones). " +
      "Webhook delivery tests need one: loopback receivers are always refused by the SSRF guard.",
  );
}
