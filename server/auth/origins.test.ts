import { describe, expect, it } from "vitest";
import { appUrlOf, trustedOriginsOf } from "./origins";

describe("trusted origins", () => {
  it("without APP_URL follow PORT", () => {
    expect(appUrlOf({ PORT: 3200 })).toBe("http://localhost:3200");
    expect(trustedOriginsOf({ PORT: 3200 })).toEqual(["http://localhost:3200", "http://127.0.0.1:3200", "http://[::1]:3200"]);
  });

  it("add APP_URL and TRUSTED_ORIGINS (as origins: no path, no duplicates)", () => {
    const o = trustedOriginsOf({ PORT: 3000, APP_URL: "https://cams.example.com/app", TRUSTED_ORIGINS: " http://192.168.1.20:3000/ , ,http://localhost:3000" });
    expect(o).toEqual(["https://cams.example.com", "http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "http://192.168.1.20:3000"]);
    expect(appUrlOf({ PORT: 3000, APP_URL: "https://cams.example.com/app" })).toBe("https://cams.example.com");
  });
});
