import { request } from "./test-request";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/server/test-database";

withTestDatabase();

const BASE = "http://localhost:3000";
const route = () => import("@/app/api/auth/[...all]/route");

async function newUser() {
  const { createUserWithPassword } = await import("@/server/data/users");
  const email = `nt-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await createUserWithPassword({ name: "Nt", email, password: "right-password-1", isAdmin: false });
  return email;
}

/** The sign-in form's request, through the route. */
const signIn = async (email: string, password: string) =>
  (await route()).POST(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ email, password }),
    }),
  );

/** The session cookie pair of a Set-Cookie answer (what the browser sends next). */
const sessionCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((l) => l.split(";")[0]!)
    .find((p) => p.includes("session_token="));

describe("the auth route's answers carry no token in their bodies", () => {
  it("sign-in sets the httpOnly cookie but its body has no token; get-session and list-sessions neither; the cookie still signs in", async () => {
    const { GET } = await route();
    const email = await newUser();
    const res = await signIn(email, "right-password-1");
    expect(res.status).toBe(200);
    const cookie = sessionCookieOf(res);
    expect(cookie).toBeTruthy();
    expect(res.headers.getSetCookie().find((l) => l.includes("session_token="))).toMatch(/HttpOnly/i);
    // The cookie's value is the token, signed: `<token>.<signature>`.
    const token = decodeURIComponent(cookie!.slice(cookie!.indexOf("=") + 1)).split(".")[0]!;
    expect(token.length).toBeGreaterThan(16);
    const signInBody = await res.text();
    expect(JSON.parse(signInBody)).toMatchObject({ user: { email } });
    expect(signInBody).not.toContain(token);
    expect(JSON.parse(signInBody)).not.toHaveProperty("token");

    for (const path of ["get-session", "list-sessions"]) {
      const r = await GET(new Request(`${BASE}/api/auth/${path}`, { headers: { cookie: cookie! } }));
      expect(r.status, path).toBe(200);
      const body = await r.text();
      // Signed in: the session (or the list of them) is there, its token is not.
      expect(body, path).toContain(path === "get-session" ? email : "userId");
      expect(body, path).not.toContain(token);
    }
    // What the app itself reads server-side still sees the session.
    request.cookie = cookie!;
    const { getSessionUser } = await import("./session");
    expect((await getSessionUser())?.email).toBe(email);
  });

  it("answers that are not JSON pass unchanged, and a refused sign-in keeps its status and error", async () => {
    const refused = await signIn(await newUser(), "wrong-password-1");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: expect.any(String) });
    const { withoutTokens } = await import("./no-tokens");
    const html = new Response("<p>token</p>", { status: 302, headers: { "content-type": "text/html", location: "/x" } });
    expect(await withoutTokens(html)).toBe(html);
  });
});
