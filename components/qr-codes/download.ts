/** Browser-side file making for QR downloads: nothing is sent to the server. */

export const fileName = (code: string, ext: "png" | "svg", size?: number) =>
  `whatsapp-qr-${code.replace(/[^A-Za-z0-9_-]/g, "")}${size ? `-${size}px` : ""}.${ext}`;

/** A standalone SVG file from a rendered QRCodeSVG: namespaced, sized, with an XML declaration. */
export function svgFile(svg: SVGSVGElement, size: number): Blob {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(size));
  clone.setAttribute("height", String(size));
  for (const attr of ["class", "style", "aria-hidden", "data-testid"]) clone.removeAttribute(attr);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return new Blob([text], { type: "image/svg+xml" });
}

/**
 * A PNG of exactly size×size pixels. QRCodeCanvas draws at size × devicePixelRatio, so the drawing
 * is copied onto a canvas of the requested size; nearest-neighbour keeps the module edges sharp.
 */
export function pngFile(source: HTMLCanvasElement, size: number): Promise<Blob> {
  const out = document.createElement("canvas");
  out.width = size;
  out.height = size;
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.reject(new Error("Canvas 2D is not available."));
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, size, size);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed."))), "image/png"));
}

export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later: some browsers start the download after click() has returned.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
