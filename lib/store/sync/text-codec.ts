import { BASE62, fromBase62, toBase62 } from './hlc';

/**
 * The lexical layer of the compact codec. Its output is a plain string that JSON carries without
 * any escape: no `"` `\` or control characters of its own, and none of `<` `>` `&` that Chrome
 * counts as six bytes. Structure comes from four separators, one per depth, so nested values
 * never need escaping twice:
 *   `~` between entries, `|` between the fields of an entry, `^` between the items of a list,
 *   `}` between the parts of an item.
 * A backquote escapes the next character; a backquote followed by a letter or digit is a code:
 *   `0 absent, `n null, `_ empty string, `e empty list, `j a JSON value follows.
 */

export const SEP = { entry: '~', field: '|', item: '^', part: '}' } as const;
export const ESC = '`';
const STRUCTURAL = '~|^}`';

export const CODE = { absent: '`0', null: '`n', emptyString: '`_', emptyList: '`e', json: '`j' } as const;

const escapeCache = new Map<string, RegExp>();
function escapeRegExp(chars: string): RegExp {
  let re = escapeCache.get(chars);
  if (!re) {
    re = new RegExp(`[${chars.replace(/[\]\\^-]/g, '\\$&')}]`, 'g');
    escapeCache.set(chars, re);
  }
  return re;
}

/**
 * Escapes a string so it reads back as itself. `leading` lists marker characters that mean
 * something at the start of a token; `anywhere`, characters that mean something in this token.
 */
export function escapeText(text: string, leading = '', anywhere = ''): string {
  if (text === '') return CODE.emptyString;
  let out = text.replace(escapeRegExp(STRUCTURAL + anywhere), (c) => ESC + c);
  if (leading.includes(out[0]!)) out = ESC + out;
  return out;
}

/** Reverses `escapeText` on a token known to be a plain text (not a code). */
export function unescapeText(token: string): string {
  if (token === CODE.emptyString) return '';
  if (!token.includes(ESC)) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    if (c === ESC && i + 1 < token.length) out += token[++i];
    else out += c;
  }
  return out;
}

/** Splits on an unescaped separator. */
export function split(text: string, sep: string): string[] {
  if (!text.includes(ESC)) return text.split(sep);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ESC) i++;
    else if (c === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Index of the first unescaped occurrence of any of `chars` at or after `from`, or -1. */
export function findUnescaped(text: string, chars: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === ESC) i++;
    else if (chars.includes(c)) return i;
  }
  return -1;
}

export function encodeInt(value: number): string {
  return value < 0 ? '-' + toBase62(-value) : toBase62(value);
}

export function decodeInt(token: string): number {
  return token.startsWith('-') ? -fromBase62(token.slice(1)) : fromBase62(token);
}

export function isSafeInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0);
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Ledgers hold few distinct dates and codecs convert the same ones over and over.
const dayCache = new Map<string, number | undefined>();
const isoCache = new Map<number, string>();

function computeDay(value: string): number | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000) return undefined; // Date.UTC maps years 0–99 to 1900–1999
  const ms = Date.UTC(y, mo - 1, d);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/** Days since 1970-01-01 for a real `YYYY-MM-DD` date; undefined for anything else. */
export function dayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length !== 10) return undefined;
  if (dayCache.has(value)) return dayCache.get(value);
  if (dayCache.size > 50_000) dayCache.clear();
  const day = computeDay(value);
  dayCache.set(value, day);
  return day;
}

export function isoFromDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    if (isoCache.size > 50_000) isoCache.clear();
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

const NUMBERED = /^(.*?)(\d{1,15})(\D*)$/;
/** Characters that open a delta token, or an extra field (`#`), when they start one. */
export const DELTA_MARKERS = '+-*#%=.';
const DIGITS = /^[1-9]\d{4,14}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_WIDTH = 22; // 62^22 > 2^128

/** A lower-case UUID as 22 base-62 digits instead of 36 characters. */
function packUuid(uuid: string): string {
  let n = BigInt('0x' + uuid.replaceAll('-', ''));
  let out = '';
  for (let i = 0; i < UUID_WIDTH; i++) {
    out = BASE62[Number(n % 62n)]! + out;
    n /= 62n;
  }
  return out;
}

function unpackUuid(packed: string): string {
  if (packed.length !== UUID_WIDTH) throw new SyntaxError('a packed UUID has 22 digits');
  let n = 0n;
  for (const char of packed) {
    const digit = BASE62.indexOf(char);
    if (digit < 0) throw new SyntaxError('not a base-62 digit');
    n = n * 62n + BigInt(digit);
  }
  const hex = n.toString(16).padStart(32, '0');
  if (hex.length !== 32) throw new SyntaxError('packed UUID out of range');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The step between the last numbers of two strings alike but for that number (`F-0041` → `F-0042`: 1). */
export function numberedStep(from: string, to: string): number | undefined {
  const a = NUMBERED.exec(from);
  const b = NUMBERED.exec(to);
  if (!a || !b || a[1] !== b[1] || a[3] !== b[3]) return undefined;
  if (String(Number(b[2])).padStart(a[2]!.length, '0') !== b[2]) return undefined;
  return Number(b[2]) - Number(a[2]);
}

/** `text` with its last number moved by `step`, zero-padded to the same width. */
export function stepNumbered(text: string, step: number): string | undefined {
  const a = NUMBERED.exec(text);
  if (!a) return undefined;
  const next = Number(a[2]) + step;
  return next < 0 ? undefined : a[1] + String(next).padStart(a[2]!.length, '0') + a[3];
}

/**
 * A string written against the one expected at its place (the same field of the previous
 * record). Sorted ids and invoice numbers mostly differ by a small step of their last number:
 * `INV-0042` after `INV-0041` is `+1`. Otherwise a shared beginning is skipped: `*7martin.fr`
 * keeps the first 7 characters of the expected string. Otherwise the string itself, or for a
 * random UUID (nothing to share) its 128 bits in 22 characters after `%`, and for a long number
 * (a SIREN) its base-62 digits after `.`.
 */
export function encodeStringDelta(value: string, expected: string | undefined, anywhere = ''): string {
  const literal = escapeText(value, DELTA_MARKERS, anywhere);
  if (UUID.test(value)) return '%' + packUuid(value);
  let best = DIGITS.test(value) ? '.' + toBase62(Number(value)) : literal;
  if (expected === undefined || best.length <= 2) return best;
  const step = numberedStep(expected, value);
  if (step !== undefined) {
    const candidate = step >= 0 ? '+' + toBase62(step) : '-' + toBase62(-step);
    if (candidate.length < best.length) best = candidate;
  }
  let shared = 0;
  const limit = Math.min(expected.length, value.length, 61);
  while (shared < limit && expected.charCodeAt(shared) === value.charCodeAt(shared)) shared++;
  // Never cut a surrogate pair in two.
  if (shared > 0 && /[\uD800-\uDBFF]/.test(expected[shared - 1]!)) shared--;
  if (shared >= 3) {
    const rest = value.slice(shared);
    const candidate = '*' + toBase62(shared) + (rest === '' ? '' : escapeText(rest, '', anywhere));
    if (candidate.length < best.length) best = candidate;
  }
  return best;
}

export function decodeStringDelta(token: string, expected: string | undefined): string {
  const marker = token[0];
  if (marker === '%') return unpackUuid(token.slice(1));
  if (marker === '.') return String(fromBase62(token.slice(1)));
  if ((marker === '+' || marker === '-') && expected !== undefined) {
    const next = stepNumbered(expected, fromBase62(token.slice(1)) * (marker === '-' ? -1 : 1));
    if (next === undefined) throw new SyntaxError(`cannot step from ${JSON.stringify(expected)}`);
    return next;
  }
  if (marker === '*' && expected !== undefined) {
    const shared = fromBase62(token[1] ?? '');
    return expected.slice(0, shared) + (token.length > 2 ? unescapeText(token.slice(2)) : '');
  }
  return unescapeText(token);
}
