// Draws the extension's icon, images/icon.png (256×256 RGBA), with no dependency but node:zlib: a blue rounded square,
// a team of three (heads and shoulders) and a green check badge. Shapes are signed-distance functions sampled 4×4 per
// pixel for smooth edges. Run it again after changing the design: `node scripts/make-icon.mjs [out.png]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SS = 4; // samples per axis per pixel
const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');

// ---- signed distance functions (negative inside), in pixel units
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r), qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const union = (...fs) => (x, y) => Math.min(...fs.map((f) => f(x, y)));
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));
const intersect = (a, b) => (x, y) => Math.max(a(x, y), b(x, y));
const segment = (ax, ay, bx, by, r) => (x, y) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - r;
};

// A person: a head and rounded shoulders cut flat at the bottom.
const person = (cx, top, s) => union(
  circle(cx, top + 22 * s, 21 * s),
  intersect(roundRect(cx - 40 * s, top + 50 * s, cx + 40 * s, top + 130 * s, 36 * s), (x, y) => y - (top + 100 * s)),
);

const background = roundRect(8, 8, 248, 248, 48);
const gap = 7; // a ring of background colour around the front person separates it from the two behind
const front = person(128, 58, 1.12);
const frontRing = (x, y) => front(x, y) - gap;
const behind = subtract(union(person(70, 74, 0.86), person(186, 74, 0.86)), frontRing);
const badge = circle(192, 190, 38);
const badgeRing = circle(192, 190, 46);
const check = union(segment(174, 191, 187, 204, 6.5), segment(187, 204, 211, 176, 6.5));

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const TOP = [23, 105, 170], BOTTOM = [12, 62, 112];
const WHITE = [255, 255, 255], PALE = [196, 222, 242], GREEN = [46, 170, 92];

function shade(x, y) {
  // layers, back to front: [colour, alpha]
  if (background(x, y) > 0) return [0, 0, 0, 0];
  let c = mix(TOP, BOTTOM, y / SIZE);
  if (subtract(behind, badgeRing)(x, y) <= 0) c = PALE;
  if (subtract(front, badgeRing)(x, y) <= 0) c = WHITE;
  if (badge(x, y) <= 0) c = check(x, y) <= 0 ? WHITE : GREEN;
  return [...c, 255];
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [r, g, b, a] = shade(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const a = acc[3] / (SS * SS);
    for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0; // un-premultiplied
    raw[o + 3] = Math.round(a);
  }
}

// ---- PNG encoding
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
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`${out}: ${SIZE}×${SIZE} PNG, ${png.length} bytes`);
