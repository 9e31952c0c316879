import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, type Request } from "@playwright/test";
import { E2E } from "./env";
import { machineAddress } from "./machine-address";
import { sandbox } from "./sandbox";

export interface SandboxNumber {
  phoneNumber: string;
  statusCallbackUrl: string;
  upCallbackUrl: string;
  statusQueue: string;
  upQueue: string;
}
export interface SandboxSpace {
  custSpaceId: string;
  accountWebhook: { statusCallbackUrl: string; httpFlag: string; queueFlag: string } | null;
  phoneNumbers: SandboxNumber[];
}

/** The foundation's Alpha space in the sandbox (409 when another spec made it first), and its state. */
export async function alphaInSandbox(): Promise<SandboxSpace> {
  await sandbox("POST", "spaces", { custSpaceId: "e2e-alpha", name: "E2E Alpha", numbers: 5 });
  return sandboxSpace("e2e-alpha");
}

export const sandboxSpace = (custSpaceId: string) => sandbox<SandboxSpace>("GET", `spaces/${custSpaceId}`);

export async function sandboxNumber(custSpaceId: string, phone: string): Promise<SandboxNumber> {
  const n = (await sandboxSpace(custSpaceId)).phoneNumbers.find((x) => x.phoneNumber === phone);
  if (!n) throw new Error(`${phone} is not in ${custSpaceId}`);
  return n;
}

/** The dashboard id of a space, from Settings → Spaces (the page must be an admin's). */
export async function spaceIdOf(page: Page, custSpaceId: string): Promise<string> {
  await page.goto("/settings/spaces");
  const row = page.getByTestId(`space-row-${custSpaceId}`);
  await expect(row).toBeVisible();
  return (await row.getAttribute("data-space-id"))!;
}

export interface Receiver {
  host: string;
  port: number;
  url: string;
  hits: { path: string; headers: http.IncomingHttpHeaders; body: string }[];
  close: () => Promise<void>;
}

/**
 * A webhook receiver on this machine's non-loopback address (loopback is never reached by the
 * app's deliveries), random port, answering 200 with a small JSON body.
 */
export async function startReceiver(): Promise<Receiver> {
  const hits: Receiver["hits"] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ path: req.url ?? "", headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" }).end('{"received":true,"by":"e2e-receiver"}');
    });
  });
  const host = machineAddress();
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as AddressInfo;
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Records the next server-action POST whose body contains `marker`. */
export function captureAction(page: Page, marker: string): () => Request | undefined {
  let captured: Request | undefined;
  page.on("request", (r) => {
    if (!captured && r.method() === "POST" && r.headers()["next-action"] && r.postData()?.includes(marker)) captured = r;
  });
  return () => captured;
}

/** Sends a captured action request again from another signed-in page (its cookies): what a forged call would do. */
export async function replayAction(page: Page, req: Request): Promise<string> {
  const h = req.headers();
  const res = await page.request.post(req.url(), {
    headers: { "next-action": h["next-action"]!, "content-type": h["content-type"]!, accept: "text/x-component", origin: E2E.baseUrl },
    data: req.postData()!,
  });
  return res.text();
}

/**
 * Settings → Network as an admin: changes the allowed private networks by `edit` (lines in, lines
 * out, in canonical form). Specs run two at a time and the list is global, so each adds and removes
 * only its own entries (port-scoped to its receiver) instead of replacing the list.
 */
export async function editAllowedNetworks(page: Page, edit: (lines: string[]) => string[]): Promise<void> {
  await page.goto("/settings/network");
  const field = page.getByLabel("Networks", { exact: true });
  await expect(field).toBeVisible();
  const next = edit((await field.inputValue()).split("\n").filter((l) => l.trim() !== ""));
  await field.fill(next.join("\n"));
  const save = page.getByRole("button", { name: "Save networks" });
  if (!(await save.isEnabled())) return; // already the stored list
  await save.click();
  await expect(page.getByText("Allowed networks saved.")).toBeVisible();
  await expect(field).toHaveValue(next.join("\n"));
}
