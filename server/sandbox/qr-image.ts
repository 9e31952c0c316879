import "server-only";
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";

/**
 * Placeholder QR images: a 25×25 module pattern with the three finder squares, derived from the
 * code. It looks like a QR code and is a valid PNG/SVG, but it is not scannable.
 */

const MODULES = 25;
const SCALE = 8;
const QUIET = 4;

function matrix(code: string): boolean[][] {
  const bits: boolean[] = [];
  for (let i = 0; bits.length < MODULES * MODULES; i++) {
    for (const byte of createHash("sha256").update(`${code}/${i}`).digest()) {
      for (let b = 7; b >= 0; b--) bits.push(((byte >> b) & 1) === 1);
    }
  }
  const m = Array.from({ length: MODULES }, (_, y) => Array.from({ length: MODULES }, (_, x) => bits[y * MODULES + x]));
  const finder = (ox: number, oy: number) => {
    for (let y = -1; y <= 7; y++) {
      for (let x = -1; x <= 7; x++) {
        const px = ox + x;
        const py = oy + y;
        if (px < 0 || py < 0 || px >= MODULES || py >= MODULES) continue;
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
        m[py][px] = ring !== 2 && ring !== 4;
      }
    }
  };
  finder(0, 0);
  finder(MODULES - 7, 0);
  finder(0, MODULES - 7);
  return m;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit greyscale PNG of the placeholder pattern. */
export function qrPng(code: string): Buffer {
  const m = matrix(code);
  const size = (MODULES + 2 * QUIET) * SCALE;
  const raw = Buffer.alloc((size + 1) * size, 0xff);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    const my = Math.floor(y / SCALE) - QUIET;
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / SCALE) - QUIET;
      if (my >= 0 && mx >= 0 && my < MODULES && mx < MODULES && m[my][mx]) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function qrSvg(code: string): string {
  const m = matrix(code);
  const size = MODULES + 2 * QUIET;
  let path = "";
  m.forEach((row, y) => row.forEach((on, x) => (path += on ? `M${x + QUIET} ${y + QUIET}h1v1h-1z` : "")));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * SCALE}" height="${size * SCALE}" shape-rendering="crispEdges">` +
    `<title>${code}</title><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
