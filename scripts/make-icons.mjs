// Draws the add-in's icons (a green ledger page with a check mark) as PNG files in assets/.
// Run: node scripts/make-icons.mjs. Uses only Node's zlib, so it needs no image library.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const GREEN = [30, 113, 69, 255];
const WHITE = [255, 255, 255, 255];
const LINE = [160, 200, 175, 255];
const RED = [218, 37, 29, 255];
const CLEAR = [0, 0, 0, 0];

function icon(u, v) {
  const r = 0.16;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  const inPage = u > 0.22 && u < 0.78 && v > 0.14 && v < 0.86;
  if (!inPage) return GREEN;
  // A check mark over the lower right of the page.
  const d1 = Math.abs(v - (0.62 + (u - 0.44) * 1.0));
  const d2 = Math.abs(v - (0.80 - (u - 0.52) * 1.4));
  if ((u > 0.4 && u < 0.53 && d1 < 0.05) || (u >= 0.5 && u < 0.74 && d2 < 0.05 && v > 0.45)) return RED;
  for (const ly of [0.28, 0.4, 0.52]) if (Math.abs(v - ly) < 0.03 && u > 0.3 && u < 0.7) return LINE;
  return WHITE;
}

mkdirSync("assets", { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(`assets/icon-${size}.png`, png(size, icon));
console.log("assets/icon-{16,32,64,80}.png written");
