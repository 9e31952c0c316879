import "server-only";

/**
 * Names under which the auth library's JSON answers carry a bearer credential: the session token
 * (sign-in, get-session, list-sessions, the two-factor step) and an OpenID provider's tokens
 * (get-access-token, refresh-token). The browser holds its session only as the httpOnly cookie,
 * which page scripts cannot read; the same token in a JSON body would be readable to any script.
 */
const TOKEN_KEYS = new Set(["token", "accessToken", "refreshToken", "idToken"]);

function withoutTokenKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTokenKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !TOKEN_KEYS.has(k)).map(([k, v]) => [k, withoutTokenKeys(v)]));
  }
  return value;
}

/**
 * The auth route's answer as it may reach a browser: a JSON body without any token (status,
 * headers and every Set-Cookie kept); anything else (redirects, HTML) as it is.
 */
export async function withoutTokens(res: Response): Promise<Response> {
  if (!(res.headers.get("content-type") ?? "").includes("application/json")) return res;
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(withoutTokenKeys(body)), { status: res.status, statusText: res.statusText, headers });
}
