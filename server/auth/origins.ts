/**
 * The addresses the auth library accepts sign-in and sign-out from (its Origin check). Without
 * APP_URL the app is reached at http://localhost:PORT or http://127.0.0.1:PORT, whatever PORT is;
 * APP_URL and TRUSTED_ORIGINS add the public URL, host names and LAN addresses.
 */
export interface OriginConfig {
  APP_URL?: string;
  TRUSTED_ORIGINS?: string;
  PORT: number;
}

export function appUrlOf(c: OriginConfig): string {
  return c.APP_URL ? new URL(c.APP_URL).origin : `http://localhost:${c.PORT}`;
}

export function trustedOriginsOf(c: OriginConfig): string[] {
  const extra = (c.TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => new URL(o).origin);
  const local = [`http://localhost:${c.PORT}`, `http://127.0.0.1:${c.PORT}`, `http://[::1]:${c.PORT}`];
  return [...new Set([appUrlOf(c), ...local, ...extra])];
}
