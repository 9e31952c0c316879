import crypto from "node:crypto";
import http from "node:http";

export interface OidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback for one spec: one
 * confidential client for `redirectUri`, PKCE required, and its development login page, where
 * any login is accepted and becomes the account's e-mail address (verified).
 */
export async function startOidcProvider(port: number, redirectUri: string): Promise<OidcProvider> {
  // No type declarations ship with the package: the little used here is typed by hand.
  const specifier: string = "oidc-provider";
  const { default: Provider } = (await import(specifier)) as { default: new (issuer: string, config: object) => { callback: () => http.RequestListener } };
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = `cams-e2e-${crypto.randomBytes(4).toString("hex")}`;
  const clientSecret = crypto.randomBytes(24).toString("base64url");
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic" }],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [crypto.randomBytes(16).toString("hex")] },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub, email_verified: true, name: sub.split("@")[0] }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { issuer, clientId, clientSecret, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
