/**
 * A chunk's text compressed for storage.sync. Deflate (CompressionStream) would do, but it
 * learns nothing of the codec's layout and makes every chunk async; this is a small
 * context-mixing compressor in the manner of lpaq (M. Mahoney): each bit of the UTF-8 text is
 * predicted by seven context models, mixed by two single-layer networks (one weight set per
 * column, one per field and position), refined by an APM and coded with a binary arithmetic
 * coder. The contexts follow the codec's structure: the column a byte belongs to (entry code and
 * field index, read from the separators as they go by), the bytes before it in its field, and
 * the same field of the previous entry of that code, which makes columns of similar values
 * cheap. Each chunk is compressed on its own (chunks must read alone), so the model would start
 * empty in every item; since format 3 it first reads a fixed primer (primer.ts, a synthetic
 * ledger's text, the way zstd or brotli use a dictionary) and starts knowing the codec's layout:
 * 9 % more open invoices fit. Chunks are made large (chunking.ts) so that it keeps learning.
 *
 * The model and the primer are part of the format: changing any constant here changes the bytes,
 * so it needs a new format version (tests/unit/store/sync-compress.test.ts holds reference packs).
 *
 * Everything is integer arithmetic, so every browser predicts, hence decodes, the same bits.
 * The bytes come out in base 85 over printable ASCII that JSON carries as is (no `"` `\` and
 * none of `<` `>` `&` that Chrome counts as six bytes): 5 characters per 4 bytes.
 */

import { SYNC_PRIMER } from './primer';

// --- Logistic helpers (lpaq1): probabilities on 12 bits, stretch(p) = ln(p / (1 - p)) on 8 bits.

const SQUASH_POINTS = [
  1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785,
  3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
];

function squash(d: number): number {
  if (d > 2047) return 4095;
  if (d < -2047) return 1;
  const w = d & 127;
  const i = (d >> 7) + 16;
  return (SQUASH_POINTS[i]! * (128 - w) + SQUASH_POINTS[i + 1]! * w + 64) >> 7;
}

const STRETCH = new Int16Array(4096);
{
  let pi = 0;
  for (let x = -2047; x <= 2047; x++) {
    const v = squash(x);
    for (let j = pi; j <= v; j++) STRETCH[j] = x;
    pi = v + 1;
  }
  for (let j = pi; j < 4096; j++) STRETCH[j] = 2047;
}

// --- The model.

const TABLE_BITS = 19;
const TABLE_SIZE = 1 << TABLE_BITS;
const CONTEXTS = 7;
const INPUTS = CONTEXTS + 1;
const MIXER_SHIFT = 10;
/** Learning rate of a slot: 1/(n + 1.5) for its first uses, then a floor, in 16-bit fixed point. */
const RATE_LIMIT = 60;
const RATES = Int32Array.from({ length: RATE_LIMIT + 1 }, (_, n) => Math.floor(65536 / (n + 1.5)));
/** Separators of the text codec (text-codec.ts): they tell the model where a field starts. */
const ENTRY = 0x7e; // ~
const FIELD = 0x7c; // |
const ESCAPE = 0x60; // `
const ABOVE_MAX = 48;

interface Tables {
  readonly probs: Uint16Array[];
  readonly counts: Uint8Array[];
}

let shared: Tables | undefined;
/** The tables are big: allocated once, and only the part a text uses cleared for it. */
function tables(bits: number): Tables {
  shared ??= {
    probs: Array.from({ length: CONTEXTS }, () => new Uint16Array(TABLE_SIZE)),
    counts: Array.from({ length: CONTEXTS }, () => new Uint8Array(TABLE_SIZE)),
  };
  for (const p of shared.probs) p.fill(32768, 0, 1 << bits);
  for (const c of shared.counts) c.fill(0, 0, 1 << bits);
  return shared;
}

/** Table size for a text of `length` bytes: about twice its bits, so short texts clear little. */
function tableBits(length: number): number {
  let bits = 12;
  while (bits < TABLE_BITS && 1 << bits < length * 16) bits++;
  return bits;
}

const APM_ROWS = 4096;
const APM_RATE = 7;
const APM_INIT = new Int32Array(APM_ROWS * 33);
for (let i = 0; i < APM_INIT.length; i++) APM_INIT[i] = squash(((i % 33) - 16) * 128) * 16;
const clip = (p: number) => (p < 1 ? 1 : p > 4095 ? 4095 : p);
const hash = (a: number, b: number) => Math.imul((a ^ Math.imul(b, 0x9e3779b1)) >>> 0, 0x85ebca6b) >>> 0;

/**
 * Predicts one bit at a time; `update` learns the bit and moves on. The encoder and the decoder
 * run the same model on the same bits.
 */
class Model {
  private readonly t: Tables;
  private readonly shift: number;
  /** Weight sets per column, numbered as columns first appear. */
  private weights: number[] = [];
  private readonly setOf = new Map<number, number>();
  private readonly st = new Int32Array(INPUTS);
  private readonly idx = new Int32Array(CONTEXTS);
  private readonly ctx = new Uint32Array(CONTEXTS);
  private readonly weights2 = new Int32Array(256 * INPUTS).fill(1 << 14);
  private set2 = 0;
  private readonly apm = APM_INIT.slice();
  private apmAt = 0;
  private p1 = 2048;
  private p2 = 2048;
  /** Previous value of each column, for the context "the byte above". */
  private readonly above = new Map<number, number[]>();
  private current: number[] = [];
  private aboveValue: number[] = [];
  private c0 = 1;
  private c4 = 0;
  private code = 0;
  private lastCode = 0;
  private field = 0;
  private fieldHash = 0;
  private escaped = false;
  private column = 0;
  private set = 0;
  private pr = 2048;

  constructor(length: number) {
    const bits = tableBits(length);
    this.t = tables(bits);
    this.shift = 32 - bits;
    this.contexts();
  }

  p(): number {
    return this.pr;
  }

  private contexts() {
    const col = this.column;
    const pos = this.current.length;
    const up = pos < this.aboveValue.length ? this.aboveValue[pos]! : 256;
    const upNext = pos + 1 < this.aboveValue.length ? this.aboveValue[pos + 1]! : 256;
    const ctx = this.ctx;
    ctx[0] = hash(col, this.c4 & 0xff);
    ctx[1] = hash(col + 0x100000, this.c4 & 0xffff);
    ctx[2] = hash(col + 0x200000, this.c4 & 0xffffff);
    ctx[3] = hash(col + 0x300000, this.fieldHash);
    ctx[4] = hash(col + 0x400000, (up << 16) | (upNext << 8) | (this.c4 & 0xff)) ^ Math.min(pos, 15);
    ctx[5] = hash(0x500000, this.c4 >>> 0);
    ctx[6] = hash(col + 0x600000, Math.min(pos, 31));
    let set = this.setOf.get(col);
    if (set === undefined) {
      set = this.weights.length;
      this.setOf.set(col, set);
      for (let i = 0; i < INPUTS; i++) this.weights.push(1 << 14);
    }
    this.set = set;
    this.set2 = ((Math.min(this.field, 15) << 4) | Math.min(pos, 15)) * INPUTS;
    this.predict();
  }

  private predict() {
    const { probs } = this.t;
    const c0 = this.c0;
    let dot = 0;
    let dot2 = 0;
    for (let i = 0; i < CONTEXTS; i++) {
      const at = (hash(this.ctx[i]!, c0) >>> this.shift) | 0;
      this.idx[i] = at;
      const s = STRETCH[probs[i]![at]! >>> 4]!;
      this.st[i] = s;
      dot += s * this.weights[this.set + i]!;
      dot2 += s * this.weights2[this.set2 + i]!;
    }
    this.st[CONTEXTS] = 256;
    dot += 256 * this.weights[this.set + CONTEXTS]!;
    dot2 += 256 * this.weights2[this.set2 + CONTEXTS]!;
    this.p1 = clip(squash(Math.trunc(dot / 65536)));
    this.p2 = clip(squash(Math.trunc(dot2 / 65536)));
    const mixed = clip(squash((STRETCH[this.p1]! + STRETCH[this.p2]!) >> 1));
    // Secondary estimation (APM): the mixed probability refined by the column and the bits so far.
    const st = STRETCH[mixed]! + 2048;
    const lo = st >> 7;
    const w = st & 127;
    const row = ((hash(this.column, this.c0) >>> 20) % APM_ROWS) * 33;
    this.apmAt = row + lo + (w >> 6);
    const refined = (this.apm[row + lo]! * (128 - w) + this.apm[row + lo + 1]! * w) >> 11;
    this.pr = clip((mixed + 3 * refined) >> 2);
  }

  update(bit: number) {
    const { probs, counts } = this.t;
    const a = this.apm[this.apmAt]!;
    this.apm[this.apmAt] = a + (((bit << 16) + (bit << APM_RATE) - bit - bit - a) >> APM_RATE);
    const err = (bit << 12) - this.p1;
    const err2 = (bit << 12) - this.p2;
    for (let i = 0; i < INPUTS; i++) {
      const w = this.set + i;
      this.weights[w] = (this.weights[w]! + ((this.st[i]! * err) >> MIXER_SHIFT)) | 0;
      const w2 = this.set2 + i;
      this.weights2[w2] = this.weights2[w2]! + ((this.st[i]! * err2) >> MIXER_SHIFT);
    }
    for (let i = 0; i < CONTEXTS; i++) {
      const at = this.idx[i]!;
      const n = counts[i]![at]!;
      const p = probs[i]![at]!;
      const target = bit ? 65535 : 0;
      probs[i]![at] = p + Math.trunc(((target - p) * RATES[n]!) / 65536);
      if (n < RATE_LIMIT) counts[i]![at] = n + 1;
    }
    this.c0 = (this.c0 << 1) | bit;
    if (this.c0 < 256) {
      this.predict();
      return;
    }
    this.byte(this.c0 & 0xff);
    this.c0 = 1;
    this.contexts();
  }

  /** Follows the codec's structure: which entry code and which field the next byte belongs to. */
  private byte(c: number) {
    this.c4 = ((this.c4 << 8) | c) >>> 0;
    if (this.escaped) this.escaped = false;
    else if (c === ESCAPE) this.escaped = true;
    else if (c === ENTRY || c === FIELD) {
      const key = this.column;
      this.above.set(key, this.current);
      this.field = c === ENTRY ? 0 : this.field + 1;
      if (c === ENTRY) this.code = -1;
      this.startField();
      return;
    }
    if (this.code === -1) {
      this.lastCode = this.code = c;
      this.startField();
      return;
    }
    if (this.current.length < ABOVE_MAX) this.current.push(c);
    this.fieldHash = hash(this.fieldHash + 1, c);
  }

  private startField() {
    // The code of an entry is predicted from the previous entry's code.
    this.column =
      this.code === -1 ? (0x100 + this.lastCode) << 6 : (this.code << 6) | Math.min(this.field, 63);
    this.current = [];
    this.aboveValue = this.above.get(this.column) ?? [];
    this.fieldHash = 0;
  }
}

// --- Binary arithmetic coder (lpaq1), 32 bits, carry-less.

/** The primer's bytes, encoded once. */
let primerBytes: Uint8Array | undefined;
const primer = () => (primerBytes ??= toWtf8(SYNC_PRIMER));

/** A model that has read the primer (format 3) or nothing (format 2) before the chunk's bytes. */
function newModel(length: number, primed: boolean): Model {
  if (!primed) return new Model(length);
  const bytes = primer();
  const model = new Model(length + bytes.length);
  for (const byte of bytes) for (let b = 7; b >= 0; b--) model.update((byte >> b) & 1);
  return model;
}

function compressBytes(data: Uint8Array, primed: boolean): Uint8Array {
  const model = newModel(data.length, primed);
  const out: number[] = [];
  let x1 = 0;
  let x2 = 0xffffffff;
  for (const byte of data) {
    for (let b = 7; b >= 0; b--) {
      const bit = (byte >> b) & 1;
      const p = model.p();
      const range = x2 - x1;
      const mid = x1 + (range >>> 12) * p + ((((range & 0xfff) * p) >>> 12) >>> 0);
      if (bit) x2 = mid;
      else x1 = mid + 1;
      model.update(bit);
      while (((x1 ^ x2) & 0xff000000) === 0) {
        out.push(x2 >>> 24);
        x1 = (x1 << 8) >>> 0;
        x2 = ((x2 << 8) | 255) >>> 0;
      }
    }
  }
  out.push(x1 >>> 24);
  return Uint8Array.from(out);
}

function decompressBytes(data: Uint8Array, length: number, primed: boolean): Uint8Array {
  const model = newModel(length, primed);
  const out = new Uint8Array(length);
  let x1 = 0;
  let x2 = 0xffffffff;
  let at = 0;
  // Past the end, the decoder reads 255s: with the last byte of x1 written, x lands between x1 and x2.
  const next = () => (at < data.length ? data[at++]! : 255);
  let x = 0;
  for (let i = 0; i < 4; i++) x = ((x << 8) | next()) >>> 0;
  for (let i = 0; i < length; i++) {
    let c = 0;
    for (let b = 0; b < 8; b++) {
      const p = model.p();
      const range = x2 - x1;
      const mid = x1 + (range >>> 12) * p + ((((range & 0xfff) * p) >>> 12) >>> 0);
      const bit = x <= mid ? 1 : 0;
      if (bit) x2 = mid;
      else x1 = mid + 1;
      model.update(bit);
      c = (c << 1) | bit;
      while (((x1 ^ x2) & 0xff000000) === 0) {
        x1 = (x1 << 8) >>> 0;
        x2 = ((x2 << 8) | 255) >>> 0;
        x = ((x << 8) | next()) >>> 0;
      }
    }
    out[i] = c;
  }
  return out;
}

// --- Base 85 over JSON-safe ASCII.

/** 85 digits: printable ASCII but `"` `\` `<` `>` `&`, and `+` `~` `|` `'` `.` kept for markers. */
export const DIGITS85 = [...Array(95).keys()]
  .map((i) => String.fromCharCode(32 + i))
  .filter((c) => !`"\\<>&+~|'.`.includes(c))
  .join('');
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS85.length; i++) DIGIT_VALUE[DIGITS85.charCodeAt(i)] = i;

/** 4 bytes as 5 digits; a last group of k bytes as k + 1 digits. */
export function toBase85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const k = Math.min(4, bytes.length - i);
    let n = 0;
    for (let j = 0; j < 4; j++) n = n * 256 + (j < k ? bytes[i + j]! : 0);
    const digits: string[] = [];
    for (let j = 0; j < 5; j++) {
      digits.push(DIGITS85[n % 85]!);
      n = Math.floor(n / 85);
    }
    out += digits
      .reverse()
      .slice(0, k + 1)
      .join('');
  }
  return out;
}

export function fromBase85(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 5) {
    const group = text.slice(i, i + 5);
    if (group.length === 1) throw new SyntaxError('a base-85 group has at least 2 digits');
    let n = 0;
    for (let j = 0; j < 5; j++) {
      const v = j < group.length ? DIGIT_VALUE[group.charCodeAt(j)] : 84;
      if (v === undefined || v < 0) throw new SyntaxError('not a base-85 digit');
      n = n * 85 + v;
    }
    if (n > 0xffffffff) throw new SyntaxError('base-85 group out of range');
    for (let j = 0; j < group.length - 1; j++) out.push(Math.floor(n / 256 ** (3 - j)) % 256);
  }
  return Uint8Array.from(out);
}

// --- Chunk texts.

/**
 * UTF-16 to UTF-8, lone surrogates included as if they were characters (WTF-8): a record may
 * hold any string, and TextEncoder would turn a lone surrogate into U+FFFD.
 */
export function toWtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export function fromWtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  const tail = (at: number) => {
    const b = bytes[at];
    if (b === undefined || (b & 0xc0) !== 0x80) throw new SyntaxError('bad UTF-8 continuation byte');
    return b & 63;
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let c: number;
    if (b < 0x80) [c, i] = [b, i + 1];
    else if (b >= 0xc0 && b < 0xe0) [c, i] = [((b & 31) << 6) | tail(i + 1), i + 2];
    else if (b >= 0xe0 && b < 0xf0) [c, i] = [((b & 15) << 12) | (tail(i + 1) << 6) | tail(i + 2), i + 3];
    else if (b >= 0xf0 && b < 0xf8)
      [c, i] = [((b & 7) << 18) | (tail(i + 1) << 12) | (tail(i + 2) << 6) | tail(i + 3), i + 4];
    else throw new SyntaxError('bad UTF-8 lead byte');
    if (c < 0x10000) units.push(c);
    else if (c <= 0x10ffff) units.push(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 1023));
    else throw new SyntaxError('code point out of range');
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

/** After the length: `'` for a text compressed after the primer (format 3), `.` without (format 2). */
const LENGTH_END = "'";
const LENGTH_END_UNPRIMED = '.';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * `<UTF-8 length in base 62>'<base-85 of the compressed bytes>`: JSON-safe, each character one
 * byte. The model reads the primer (primer.ts) first, as the reader's does; `primed: false`
 * writes format 2's packing (`.`), kept to test that older chunks still read.
 */
export function packText(text: string, primed = true): string {
  const bytes = toWtf8(text);
  let length = '';
  for (let n = bytes.length; n > 0 || length === ''; n = Math.floor(n / 62)) length = BASE62[n % 62] + length;
  return length + (primed ? LENGTH_END : LENGTH_END_UNPRIMED) + toBase85(compressBytes(bytes, primed));
}

/** A packed text starts with its length and a `'` or a dot; a plain chunk (format 1) with `1|`. */
export function isPacked(text: string): boolean {
  return /^[0-9A-Za-z]{1,5}['.]/.test(text);
}

/** Reverses `packText`; throws on anything malformed. */
export function unpackText(packed: string): string {
  const dot = packed.search(/['.]/);
  if (dot < 1 || dot > 6) throw new SyntaxError('packed text without its length');
  const primed = packed[dot] === LENGTH_END;
  let length = 0;
  for (const c of packed.slice(0, dot)) {
    const v = BASE62.indexOf(c);
    if (v < 0) throw new SyntaxError('bad packed length');
    length = length * 62 + v;
  }
  if (length > 1 << 24) throw new SyntaxError('packed length out of range');
  return fromWtf8(decompressBytes(fromBase85(packed.slice(dot + 1)), length, primed));
}
