/** Values playwright.config.ts made for this run. */
export const E2E = {
  baseUrl: process.env.E2E_BASE_URL!,
  dataDir: process.env.E2E_DATA_DIR!,
  sandboxUrl: process.env.E2E_SANDBOX_URL!,
  sandbox2Url: process.env.E2E_SANDBOX2_URL!,
  sandboxKeyId: process.env.E2E_SANDBOX_KEY_ID!,
  sandboxSecret: process.env.E2E_SANDBOX_SECRET!,
  sandbox2KeyId: process.env.E2E_SANDBOX2_KEY_ID!,
  sandbox2Secret: process.env.E2E_SANDBOX2_SECRET!,
  admin: { name: "Ada Admin", email: "admin@e2e.test", password: process.env.E2E_ADMIN_PASSWORD! },
};
