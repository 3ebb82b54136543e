// Draws the add-in's icons (a white "R" on the accent colour) as PNGs, with a small PNG encoder over
// node:zlib: no image tool, no dependency. Run `node outlook-addin/scripts/make-icons.mjs` after a change;
// the PNGs are committed in outlook-addin/public/assets/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128];
const ACCENT = [0x0b, 0x57, 0xd0];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel side: 4 × 4 gives smooth edges even at 16 px. */
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (width × height × 4 bytes) as a PNG file. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inside the rounded square (corner radius 20 % of the side)? Coordinates in 0..1. */
function inBackground(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** Inside the letter R: a stem, a bowl (half ring with two bars) and a leg. */
function inLetter(x, y) {
  if (x >= 0.28 && x <= 0.42 && y >= 0.2 && y <= 0.8) return true;
  if (x >= 0.28 && x <= 0.5 && ((y >= 0.2 && y <= 0.3) || (y >= 0.45 && y <= 0.55))) return true;
  const d = Math.hypot(x - 0.5, y - 0.375);
  if (x >= 0.5 && d >= 0.075 && d <= 0.175) return true;
  return distanceToSegment(x, y, [0.5, 0.52], [0.7, 0.8]) <= 0.07;
}

export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let letter = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inBackground(x, y)) continue;
          background++;
          if (inLetter(x, y)) letter++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const mix = background ? letter / background : 0;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[offset + c] = Math.round(ACCENT[c] * (1 - mix) + WHITE[c] * mix);
      rgba[offset + 3] = Math.round((255 * background) / total);
    }
  }
  return encodePng(size, size, rgba);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'assets');
  mkdirSync(out, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = drawIcon(size);
    writeFileSync(join(out, `icon-${size}.png`), png);
    console.log(`icon-${size}.png: ${png.length} bytes`);
  }
}
