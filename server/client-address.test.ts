import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, installClientAddressStamp, parseTrustedProxies, resolveClientAddress } from "./client-address";

const cfg = (trusted?: string, header = "x-forwarded-for") => ({ trustedProxies: parseTrustedProxies(trusted), header });

describe("resolveClientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever the client forwards", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", cfg())).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", ["1.1.1.1", "2.2.2.2"], cfg())).toBe("203.0.113.7");
    expect(resolveClientAddress(undefined, "1.1.1.1", cfg())).toBe("unknown");
  });

  it("is the socket's peer when that peer is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", cfg("10.0.0.0/8"))).toBe("203.0.113.7");
  });

  it("walks a trusted proxy's chain from the right to the first untrusted address", () => {
    const c = cfg("10.0.0.0/8, 192.168.1.20");
    // The client wrote "6.6.6.6" itself; the proxies appended what they saw.
    expect(resolveClientAddress("10.1.2.3", "6.6.6.6, 198.51.100.9, 192.168.1.20", c)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.1.2.3", "198.51.100.9", c)).toBe("198.51.100.9");
    // Nothing forwarded, or only trusted hops: the nearest known address.
    expect(resolveClientAddress("10.1.2.3", undefined, c)).toBe("10.1.2.3");
    expect(resolveClientAddress("10.1.2.3", "10.9.9.9", c)).toBe("10.9.9.9");
    // Garbage in the chain stops the walk at the hop that passed it on.
    expect(resolveClientAddress("10.1.2.3", "1.1.1.1, not-an-ip", c)).toBe("10.1.2.3");
    expect(resolveClientAddress("::1", "2001:db8::5", cfg("::1"))).toBe("2001:db8::5");
  });

  it("reads the header the operator named", () => {
    expect(resolveClientAddress("10.0.0.1", "198.51.100.4", cfg("10.0.0.1", "x-real-ip"))).toBe("198.51.100.4");
  });

  it("refuses entries that are not addresses or ranges", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.lan")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies(" , ")).toBeNull();
  });
});

describe("the stamp on a real HTTP server", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => res.end(String(req.headers[CLIENT_ADDRESS_HEADER])));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const seen = (headers: Record<string, string>) => fetch(url, { headers }).then((r) => r.text());

  it("replaces a client-sent stamp and ignores X-Forwarded-For unless the peer is trusted", async () => {
    installClientAddressStamp(cfg());
    expect(await seen({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" })).toBe("127.0.0.1");
    installClientAddressStamp(cfg("127.0.0.1/32"));
    expect(await seen({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6, 198.51.100.3" })).toBe("198.51.100.3");
    installClientAddressStamp(cfg("127.0.0.1", "x-real-ip"));
    expect(await seen({ "x-forwarded-for": "198.51.100.3", "x-real-ip": "198.51.100.8" })).toBe("198.51.100.8");
  });
});
