import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const headersFor = (url: string, init?: { headers?: Record<string, string> }) => proxy(new NextRequest(url, init)).headers;

describe("security headers (proxy.ts)", () => {
  it("sets a nonce CSP without unsafe-inline scripts, no framing, nosniff and a referrer policy", () => {
    const h = headersFor("http://127.0.0.1:3000/sign-in");
    const csp = h.get("content-security-policy") ?? "";
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(h.get("x-frame-options")).toBe("DENY");
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("a fresh nonce on every request", () => {
    const nonce = (h: Headers) => /'nonce-([^']+)'/.exec(h.get("content-security-policy") ?? "")?.[1];
    const a = nonce(headersFor("http://127.0.0.1:3000/"));
    const b = nonce(headersFor("http://127.0.0.1:3000/"));
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  it("HSTS only behind https: served on https, or forwarded as https by a proxy", () => {
    expect(headersFor("http://127.0.0.1:3000/").get("strict-transport-security")).toBeNull();
    expect(headersFor("https://cams.example.com/").get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(
      headersFor("http://cams-behind-proxy:3000/", { headers: { "x-forwarded-proto": "https" } }).get("strict-transport-security"),
    ).toBe("max-age=63072000; includeSubDomains");
  });
});
