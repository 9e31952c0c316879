import "server-only";
import { env } from "@/lib/env";

/** The sandbox control API's token, when the sandbox beside us has one (CAMS_SANDBOX_CONTROL_TOKEN). */
export function sandboxControlHeaders(): Record<string, string> {
  return env.CAMS_SANDBOX_CONTROL_TOKEN ? { authorization: `Bearer ${env.CAMS_SANDBOX_CONTROL_TOKEN}` } : {};
}
