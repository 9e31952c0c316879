import { describe, expect, it } from "vitest";
import { SV, parseDomains, ssoAdmits, ssoSettingsSchema } from "./sso";

const valid = { name: "Corp ID", issuer: "https://id.corp.example", clientId: "cams-admin", clientSecret: "", access: "existing", domains: "", defaultRole: "user" } as const;
const issues = (v: object) => {
  const r = ssoSettingsSchema.safeParse({ ...valid, ...v });
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("single sign-on settings", () => {
  it("accepts an https issuer, and http only on loopback (a provider started for tests)", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ issuer: "http://127.0.0.1:4133" })).toEqual([]);
    expect(issues({ issuer: "http://localhost:8080/realms/corp" })).toEqual([]);
    for (const issuer of ["http://id.corp.example", "ftp://id.corp.example", "https://id.corp.example?x=1", "https://id.corp.example#a", "not a url"]) {
      expect(issues({ issuer }), issuer).toEqual([["issuer", SV.issuer]]);
    }
  });

  it("the secret may be empty (keeps the stored one) but not hold spaces or control characters", () => {
    expect(issues({ clientSecret: "s3cr3t-~!" })).toEqual([]);
    expect(issues({ clientSecret: "has space" })).toEqual([["clientSecret", SV.clientSecret]]);
    expect(issues({ clientSecret: "x".repeat(1001) })).toEqual([["clientSecret", SV.clientSecret]]);
    expect(issues({ clientId: "bad id" })).toEqual([["clientId", SV.clientId]]);
  });

  it("e-mail domains: needed when admitting by domain, each a real host name", () => {
    expect(issues({ access: "domains", domains: "" })).toEqual([["domains", SV.domainsNeeded]]);
    expect(issues({ access: "domains", domains: "corp.example\n@Sub.Corp.Example, corp.example" })).toEqual([]);
    expect(issues({ access: "domains", domains: "corp.example, not_a_domain" })).toEqual([["domains", SV.domains]]);
    expect(parseDomains("corp.example\n@Sub.Corp.Example, corp.example")).toEqual(["corp.example", "sub.corp.example"]);
  });

  it("admits a new user only by an exact listed domain, and never with existing users only", () => {
    const cfg = { access: "domains" as const, domains: ["corp.example"] };
    expect(ssoAdmits(cfg, "Carol@Corp.Example")).toBe(true);
    expect(ssoAdmits(cfg, "eve@sub.corp.example")).toBe(false);
    expect(ssoAdmits(cfg, "eve@corp.example.evil.test")).toBe(false);
    // The domain is what follows the last "@" (a quoted local part may hold one).
    expect(ssoAdmits(cfg, '"eve@evil.test"@corp.example')).toBe(true);
    expect(ssoAdmits(cfg, "corp.example")).toBe(false);
    expect(ssoAdmits(cfg, "@corp.example")).toBe(false);
    expect(ssoAdmits({ access: "existing", domains: ["corp.example"] }, "carol@corp.example")).toBe(false);
  });
});
