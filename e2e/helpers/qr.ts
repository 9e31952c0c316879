import fs from "node:fs";
import { expect, type Download, type Locator, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { sandbox } from "./sandbox";

export interface SandboxQr {
  code: string;
  generateQrImage: string;
  prefilledMessage: string;
}
export interface SandboxNumber {
  phoneNumber: string;
  verifiedName: string;
  codeVerificationStatus: string;
  qrCodes: SandboxQr[];
}

/** The sandbox's view of a space (numbers with their QR codes), straight from its control API. */
export const sandboxSpace = (custSpaceId: string) =>
  sandbox<{ phoneNumbers: SandboxNumber[] }>("GET", `spaces/${custSpaceId}`).then((s) => s.phoneNumbers ?? []);

/** Creates the space in the sandbox with verified numbers; a space another spec made already is fine (409). */
export async function ensureSandboxSpace(custSpaceId: string, name: string, numbers: number): Promise<SandboxNumber[]> {
  await sandbox("POST", "spaces", { custSpaceId, name, numbers });
  return sandboxSpace(custSpaceId);
}

export const deepLinkOf = (code: string) => `https://wa.me/message/${code}`;

/** Decodes a PNG file's QR code (jsQR over the RGBA pixels). */
export function decodePng(png: Buffer): { text: string | null; width: number; height: number } {
  const img = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height);
  return { text: found?.data ?? null, width: img.width, height: img.height };
}

/** Reads a canvas drawn on the page, as PNG, and decodes its QR code. */
export async function decodeCanvas(canvas: Locator): Promise<string | null> {
  const read = async () => {
    const dataUrl = await canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL("image/png"));
    return decodePng(Buffer.from(dataUrl.split(",")[1]!, "base64")).text;
  };
  // The canvas is drawn in an effect after the card shows: poll until it decodes (or 10 s pass).
  let text: string | null = null;
  await expect.poll(async () => (text = await read()), { timeout: 10_000 }).not.toBeNull().catch(() => {});
  return text;
}

/**
 * Checks an SVG file in the browser: it must parse as XML with an <svg> root holding drawing
 * elements, and, drawn onto a canvas, decode to a QR code; returns the decoded text.
 */
export async function checkSvgInBrowser(page: Page, svgText: string): Promise<{ root: string; shapes: number; parseError: boolean; text: string | null }> {
  const res = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const parseError = doc.getElementsByTagName("parsererror").length > 0;
    const root = doc.documentElement.nodeName;
    const shapes = doc.querySelectorAll("path, rect").length;
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    await img.decode();
    const c = document.createElement("canvas");
    c.width = 512;
    c.height = 512;
    c.getContext("2d")!.drawImage(img, 0, 0, 512, 512);
    return { root, shapes, parseError, png: c.toDataURL("image/png") };
  }, svgText);
  return { root: res.root, shapes: res.shapes, parseError: res.parseError, text: decodePng(Buffer.from(res.png.split(",")[1]!, "base64")).text };
}

/** Clicks through the Download menu of a card and returns the saved file. */
export async function downloadFrom(page: Page, scope: Locator, item: string | RegExp): Promise<{ download: Download; body: Buffer }> {
  await scope.getByRole("button", { name: /^Download QR code/ }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: item }).click()]);
  const file = await download.path();
  expect(file).toBeTruthy();
  return { download, body: fs.readFileSync(file!) };
}

/** The space id in the current URL (/s/<id>/...). */
export function spaceIdOf(page: Page): string {
  const m = /\/s\/([^/]+)\//.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`not on a space page: ${page.url()}`);
  return m[1]!;
}

/** An admin's way to a space's id: Settings → Spaces lists every space with it. */
export async function spaceIdByCustSpaceId(page: Page, custSpaceId: string): Promise<string> {
  await page.goto("/settings/spaces");
  const id = await page.getByTestId(`space-row-${custSpaceId}`).getAttribute("data-space-id");
  if (!id) throw new Error(`no space ${custSpaceId}`);
  return id;
}

/** Waits for toasts to go: axe then checks the page itself, not a notification that happens to be on top. */
export async function noToasts(page: Page) {
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 20_000 });
}
