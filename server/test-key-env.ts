/**
 * Imported first (before any app module) by test files whose sandbox accounts are encrypted with
 * the fixed test key (server/jobs/test-helpers.ts TEST_KEY), or whose worker processes must
 * decrypt them: the app's keyring then holds that key instead of vitest.config.mts's random one.
 */
process.env.ENCRYPTION_KEY = Buffer.alloc(32, 11).toString("base64");
process.env.ENCRYPTION_KEY_ID = "v1";
