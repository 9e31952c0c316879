import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { expect, type Page, type Request } from "@playwright/test";
import { sandbox } from "./sandbox";

export interface SandboxNumber {
  phoneNumber: string;
  codeVerificationStatus: string;
  key: { pem: string; status: string } | null;
}

/** The sandbox's own view of a space (GET /_sandbox/spaces/<id>). */
export const sandboxSpace = (custSpaceId: string) =>
  sandbox<{ custSpaceId: string; phoneNumbers: SandboxNumber[] }>("GET", `spaces/${custSpaceId}`);

/** Creates the space in the sandbox with `numbers` verified numbers (a 409 when it exists is fine). */
export const ensureSandboxSpace = (custSpaceId: string, name: string, numbers: number) =>
  sandbox("POST", "spaces", { custSpaceId, name, numbers });

/** Dashboard space id by CustSpaceId, from Settings → Spaces (admin only). */
export async function dashboardSpaceId(page: Page, custSpaceId: string): Promise<string | null> {
  await page.goto("/settings/spaces");
  await expect(page.locator("[data-space-id]").first()).toBeVisible();
  const row = page.getByTestId(`space-row-${custSpaceId}`);
  return (await row.count()) ? await row.getAttribute("data-space-id") : null;
}

/** Links a sandbox space to the dashboard (Settings → Spaces → Add space), once; returns its id. */
export async function linkSpace(page: Page, name: string, custSpaceId: string): Promise<string> {
  const existing = await dashboardSpaceId(page, custSpaceId);
  if (existing) return existing;
  await page.getByRole("button", { name: "Add space" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("CustSpaceId").fill(custSpaceId);
  await dialog.getByRole("button", { name: "Add space" }).click();
  await expect(dialog).toBeHidden();
  return (await page.getByTestId(`space-row-${custSpaceId}`).getAttribute("data-space-id"))!;
}

/** Real keys made at test time. */
export function rsaKeyPair(bits = 2048) {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    publicPem: String(publicKey.export({ type: "spki", format: "pem" })),
    privatePem: String(privateKey.export({ type: "pkcs8", format: "pem" })),
  };
}

/** SHA-256 of a PEM public key's DER, colon-separated, as the console shows it. */
export function fingerprintOfPem(pem: string): string {
  const der = createPublicKey(pem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").match(/../g)!.join(":");
}

/** The base64 lines of a PEM: what would give a key away in a request, however it is wrapped. */
export const pemLines = (pem: string) => pem.split(/\r?\n/).filter((l) => l && !l.startsWith("-----"));

/** Every request the page sends, with its body, so a test can prove what never left the browser. */
export function recordRequests(page: Page): { all: Request[]; bodies: () => string[]; actions: () => Request[] } {
  const all: Request[] = [];
  page.on("request", (r) => void all.push(r));
  return {
    all,
    bodies: () => all.map((r) => `${r.url()}\n${r.postData() ?? ""}`),
    actions: () => all.filter((r) => r.method() === "POST" && !!r.headers()["next-action"]),
  };
}

/** True when a text carries any piece of the key: a line of it, raw or URL-encoded, or the PEM label. */
export function carriesKey(text: string, pem: string): boolean {
  if (text.includes("PRIVATE KEY") || text.includes("PRIVATE%20KEY")) return true;
  return pemLines(pem).some((l) => text.includes(l) || text.includes(encodeURIComponent(l)) || text.includes(JSON.stringify(l).slice(1, -1)));
}
