/** Values playwright.config.ts made for this run. */
export const E2E = {
  /** Where the browser reaches the app: the scanning proxy (e2e/scan-proxy.ts). */
  baseUrl: process.env.E2E_BASE_URL!,
  /** The app's own port, behind the proxy. */
  appUrl: process.env.E2E_APP_URL!,
  dataDir: process.env.E2E_DATA_DIR!,
  sandboxUrl: process.env.E2E_SANDBOX_URL!,
  sandbox2Url: process.env.E2E_SANDBOX2_URL!,
  sandboxKeyId: process.env.E2E_SANDBOX_KEY_ID!,
  sandboxSecret: process.env.E2E_SANDBOX_SECRET!,
  sandbox2KeyId: process.env.E2E_SANDBOX2_KEY_ID!,
  sandbox2Secret: process.env.E2E_SANDBOX2_SECRET!,
  sandboxControlToken: process.env.E2E_SANDBOX_CONTROL_TOKEN!,
  admin: { name: "Ada Admin", email: "admin@e2e.test", password: process.env.E2E_ADMIN_PASSWORD! },
};
