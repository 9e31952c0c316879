/**
 * Standalone CAMS sandbox:
 *   node --conditions=react-server --import tsx server/sandbox/cli.ts [--port 4010] [--host 127.0.0.1]
 * Env: CAMS_SANDBOX_ACCESS_KEY_ID / CAMS_SANDBOX_ACCESS_KEY_SECRET (the accepted pair; random
 * otherwise), CAMS_SANDBOX_CONTROL_TOKEN (the control API's bearer token; random and printed
 * otherwise), CAMS_SANDBOX_SPACES=a,b (start with just these empty spaces instead of the demo seed).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "4010" }, host: { type: "string", default: "127.0.0.1" } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);

  const id = process.env.CAMS_SANDBOX_ACCESS_KEY_ID;
  const secret = process.env.CAMS_SANDBOX_ACCESS_KEY_SECRET;
  if (!!id !== !!secret) throw new Error("Set both CAMS_SANDBOX_ACCESS_KEY_ID and CAMS_SANDBOX_ACCESS_KEY_SECRET, or neither.");
  const spaces = process.env.CAMS_SANDBOX_SPACES?.split(",").map((s) => s.trim()).filter(Boolean);

  // The control API always needs a token here: given (start:embedded, e2e) or made now.
  const controlToken = process.env.CAMS_SANDBOX_CONTROL_TOKEN || randomBytes(24).toString("base64url");
  const handle = await startSandbox({
    controlToken,
    port,
    host: values.host,
    credentials: id && secret ? [{ accessKeyId: id, accessKeySecret: secret }] : undefined,
    spaces: spaces?.length ? spaces : undefined,
  });
  const [cred] = handle.credentials;
  console.log(
    [
      `CAMS sandbox listening on ${handle.url}`,
      `AccessKeyId: ${cred.accessKeyId}`,
      `AccessKeySecret: ${cred.accessKeySecret}`,
      process.env.CAMS_SANDBOX_CONTROL_TOKEN ? "Control API token: as given (CAMS_SANDBOX_CONTROL_TOKEN)" : `Control API token (Authorization: Bearer …): ${controlToken}`,
      spaces?.length ? `Spaces: ${spaces.join(", ")}` : "Demo seed loaded (GET /_sandbox/spaces).",
    ].join("\n"),
  );

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    handle.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
