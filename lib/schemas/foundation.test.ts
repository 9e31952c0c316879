import { describe, expect, it } from "vitest";
import { createAccountSchema, updateAccountSchema } from "./accounts";
import { setupSchema, signInSchema } from "./auth";
import { createSpaceSchema, deleteSpaceSchema } from "./spaces";
import { createUserSchema } from "./users";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("setup and sign-in schemas", () => {
  it("accepts a good first admin and normalises the e-mail", () => {
    const r = setupSchema.safeParse({ setupToken: "t0ken", name: " Ada ", email: " Ada@Example.COM ", password: "0123456789", confirmPassword: "0123456789" });
    expect(r.success && r.data).toMatchObject({ name: "Ada", email: "ada@example.com" });
  });
  it("gives field-level translation keys", () => {
    const r = setupSchema.safeParse({ name: "", email: "nope", password: "short", confirmPassword: "x" });
    expect(issues(r)).toMatchObject({ setupToken: "validation.required", name: "validation.required", email: "validation.email", password: "validation.passwordLength" });
    const mismatch = setupSchema.safeParse({ setupToken: "t0ken", name: "A", email: "a@b.co", password: "0123456789", confirmPassword: "0123456789x" });
    expect(issues(mismatch)).toEqual({ confirmPassword: "validation.passwordsDiffer" });
  });
  it("refuses control characters and wrong types without throwing", () => {
    expect(issues(setupSchema.safeParse({ setupToken: "t0ken", name: "A\u0000B", email: "a@b.co", password: "0123456789", confirmPassword: "0123456789" }))).toEqual({
      name: "validation.controlChars",
    });
    expect(signInSchema.safeParse({ email: 42, password: null }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "x".repeat(129) }).success).toBe(false);
  });
});

describe("space schemas", () => {
  it.each(["293483938849493", "cams-kei123", "a_b-C"])("accepts CustSpaceId %s", (id) => {
    expect(createSpaceSchema.safeParse({ name: "S", custSpaceId: id, accountId: null }).success).toBe(true);
  });
  it.each(["", "-leading", "has space", "x".repeat(65), "中文", "a/b"])("refuses CustSpaceId %j", (id) => {
    expect(issues(createSpaceSchema.safeParse({ name: "S", custSpaceId: id, accountId: null })).custSpaceId).toMatch(/^validation\./);
  });
  it("keeps a name at most 80 characters", () => {
    expect(issues(createSpaceSchema.safeParse({ name: "n".repeat(81), custSpaceId: "a", accountId: null })).name).toBe("validation.nameLength");
  });
  it("delete needs the space id and a confirmation", () => {
    expect(deleteSpaceSchema.safeParse({ spaceId: "abc", confirmName: "S" }).success).toBe(true);
    expect(deleteSpaceSchema.safeParse({ spaceId: "../etc", confirmName: "S" }).success).toBe(false);
  });
});

describe("user and account schemas", () => {
  it("validates roles in assignments", () => {
    const base = { name: "U", email: "u@example.com", password: "0123456789", isAdmin: false };
    expect(createUserSchema.safeParse({ ...base, assignments: [{ spaceId: "s1", role: "operator" }] }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, assignments: [{ spaceId: "s1", role: "owner" }] }).success).toBe(false);
  });
  it("validates endpoints and keeps the secret write-only on update", () => {
    const ok = { name: "A", accessKeyId: "LTAI5tAbc", accessKeySecret: "s3cr3t-value", endpoint: "cams.ap-southeast-1.aliyuncs.com", protocol: "HTTPS" };
    expect(createAccountSchema.safeParse(ok).success).toBe(true);
    expect(createAccountSchema.safeParse({ ...ok, endpoint: "127.0.0.1:4010" }).success).toBe(true);
    expect(issues(createAccountSchema.safeParse({ ...ok, endpoint: "https://cams.example.com/path" })).endpoint).toBe("validation.endpoint");
    expect(issues(createAccountSchema.safeParse({ ...ok, accessKeySecret: "with space" })).accessKeySecret).toBe("validation.accessKeySecret");
    expect(updateAccountSchema.safeParse({ ...ok, accountId: "a1", accessKeySecret: "" }).success).toBe(true);
  });
});
