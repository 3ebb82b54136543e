import { BASE62, fromBase62, toBase62 } from './hlc';
import { jsonEqual, type Json } from './state';
import {
  CODE,
  DELTA_MARKERS,
  SEP,
  dayNumber,
  decodeInt,
  decodeStringDelta,
  encodeInt,
  encodeStringDelta,
  escapeText,
  isSafeInt,
  isoFromDay,
  split,
  unescapeText,
} from './text-codec';

/**
 * One field value written against the value expected at its place. `encode` returns undefined
 * for a value of an unexpected shape (possible in a half-received record): the generic JSON
 * form takes over, so any state still reads back exactly.
 */
export interface ValueCodec {
  encode(value: Json, expected: Json | undefined, memo?: string[]): string | undefined;
  decode(token: string, expected: Json | undefined, memo?: string[]): Json;
}

/**
 * Values recently written in one field of a chunk, most recent first: a value met again (a step
 * id, a city, a first name) is written `=` and its place in this list.
 */
export const MEMO_SIZE = 62;

export function remember(memo: string[], value: string): void {
  const at = memo.indexOf(value);
  if (at === 0) return;
  if (at > 0) memo.splice(at, 1);
  memo.unshift(value);
  if (memo.length > MEMO_SIZE) memo.pop();
}

function withMemo(token: string, value: string, memo: string[] | undefined): string {
  const at = memo ? memo.indexOf(value) : -1;
  return at >= 0 && token.length > 2 ? '=' + BASE62[at] : token;
}

function fromMemo(token: string, memo: string[] | undefined): string | undefined {
  if (token[0] !== '=' || !memo) return undefined;
  const value = memo[fromBase62(token.slice(1))];
  if (value === undefined) throw new SyntaxError('unknown memo reference');
  return value;
}

const asString = (value: Json | undefined) => (typeof value === 'string' ? value : undefined);

export const text: ValueCodec = {
  encode: (value, expected, memo) =>
    typeof value === 'string'
      ? withMemo(encodeStringDelta(value, asString(expected)), value, memo)
      : undefined,
  decode: (token, expected, memo) => fromMemo(token, memo) ?? decodeStringDelta(token, asString(expected)),
};

export const int: ValueCodec = {
  encode: (value) => (isSafeInt(value) ? encodeInt(value) : undefined),
  decode: (token) => decodeInt(token),
};

/** An amount in cents: whole euros, as most invoices are, written in euros after `.`. */
export const cents: ValueCodec = {
  encode: (value) =>
    isSafeInt(value)
      ? value % 100 === 0 && value !== 0
        ? '.' + encodeInt(value / 100)
        : encodeInt(value)
      : undefined,
  decode: (token) => (token.startsWith('.') ? decodeInt(token.slice(1)) * 100 : decodeInt(token)),
};

export const bool: ValueCodec = {
  encode: (value) => (typeof value === 'boolean' ? (value ? '1' : '0') : undefined),
  decode: (token) => {
    if (token !== '0' && token !== '1') throw new SyntaxError(`not a boolean: ${token}`);
    return token === '1';
  },
};

export function enumOf(values: readonly string[]): ValueCodec {
  return {
    encode: (value) => {
      const index = typeof value === 'string' ? values.indexOf(value) : -1;
      return index >= 0 && index < BASE62.length ? BASE62[index] : undefined;
    },
    decode: (token) => {
      const value = values[fromBase62(token)];
      if (value === undefined) throw new SyntaxError(`unknown enum code ${token}`);
      return value;
    },
  };
}

/** A date as a day number, written as the difference from the expected day when there is one. */
export const day: ValueCodec = {
  encode: (value, expected) => {
    const d = dayNumber(value);
    if (d === undefined) return undefined;
    const e = dayNumber(expected);
    return encodeInt(e === undefined ? d : d - e);
  },
  decode: (token, expected) => {
    const e = dayNumber(expected);
    return isoFromDay(decodeInt(token) + (e ?? 0));
  },
};

function isStringArray(value: Json): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Address lines, invoice ids: a list of strings, each item against the one before it. */
export const stringList: ValueCodec = {
  encode: (value, _expected, memo) => {
    if (!isStringArray(value)) return undefined;
    if (value.length === 0) return CODE.emptyList;
    return value
      .map((item, i) => {
        const token = withMemo(encodeStringDelta(item, i > 0 ? value[i - 1] : undefined), item, memo);
        if (memo) remember(memo, item);
        return token;
      })
      .join(SEP.item);
  },
  decode: (token, _expected, memo) => {
    if (token === CODE.emptyList) return [];
    const out: string[] = [];
    for (const item of split(token, SEP.item)) {
      const value = fromMemo(item, memo) ?? decodeStringDelta(item, out[out.length - 1]);
      if (memo) remember(memo, value);
      out.push(value);
    }
    return out;
  },
};

const CHANNELS = ['email', 'phone', 'letter', 'sms'] as const;
const TONES = ['courteous', 'friendly', 'firm', 'last_warning', 'formal_notice'] as const;
const channel = enumOf(CHANNELS);
const tone = enumOf(TONES);

/** Lists of small objects with fixed keys, one item per object, one part per key. */
function objectList(
  keys: readonly string[],
  parts: (previous: Record<string, Json> | undefined) => readonly ValueCodec[],
  firstExpected: (key: string) => Json | undefined = () => undefined,
): ValueCodec {
  const expectedOf = (previous: Record<string, Json> | undefined, key: string) =>
    previous ? previous[key] : firstExpected(key);
  return {
    encode: (value) => {
      if (!Array.isArray(value)) return undefined;
      if (value.length === 0) return CODE.emptyList;
      const items: string[] = [];
      let previous: Record<string, Json> | undefined;
      for (const item of value as Json[]) {
        if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
        const object = item as Record<string, Json>;
        if (Object.keys(object).length !== keys.length) return undefined;
        const codecs = parts(previous);
        const out: string[] = [];
        for (const [i, key] of keys.entries()) {
          if (!(key in object)) return undefined;
          const encoded = codecs[i]!.encode(object[key]!, expectedOf(previous, key));
          if (encoded === undefined) return undefined;
          out.push(encoded);
        }
        items.push(out.join(SEP.part));
        previous = object;
      }
      const token = items.join(SEP.item);
      return token.startsWith('#') || token.startsWith('`') ? undefined : token;
    },
    decode: (token) => {
      if (token === CODE.emptyList) return [];
      const out: Record<string, Json>[] = [];
      for (const item of split(token, SEP.item)) {
        const previous = out[out.length - 1];
        const codecs = parts(previous);
        const tokens = split(item, SEP.part);
        if (tokens.length !== keys.length) throw new SyntaxError('wrong number of parts in a list item');
        const object: Record<string, Json> = {};
        keys.forEach((key, i) => (object[key] = codecs[i]!.decode(tokens[i]!, expectedOf(previous, key))));
        out.push(object);
      }
      return out;
    },
  };
}

/** Scenario steps: id and template against the previous step's, offset, channel and tone as codes. */
export const steps = objectList(['id', 'offsetDays', 'channel', 'tone', 'templateId'], () => [
  text,
  int,
  channel,
  tone,
  text,
]);

/** Payment-plan instalments: each due date in days after the previous one. */
export const instalments = objectList(['dueDate', 'amountCents'], () => [day, cents]);

/** Values of registers outside the positional table (half-years of the rate table, future fields). */
export function encodeExtraValue(value: Json): string {
  if (value === null) return CODE.null;
  if (Array.isArray(value) && value.length > 0 && value.every(isSafeInt))
    return value.map(encodeInt).join(SEP.part);
  return CODE.json + escapeText(JSON.stringify(value));
}

export function decodeExtraValue(token: string): Json {
  if (token === CODE.null) return null;
  if (token.startsWith(CODE.json)) return JSON.parse(unescapeText(token.slice(2))) as Json;
  return split(token, SEP.part).map(decodeInt);
}

/**
 * A field token: empty when the value is the expected one (so trailing fields vanish), codes for
 * absent and null, the field's codec otherwise, JSON as the last resort.
 */
export function encodeField(
  codec: ValueCodec,
  value: Json | undefined,
  expected: Json | undefined,
  memo?: string[],
): string {
  if (value === undefined) return expected === undefined ? '' : CODE.absent;
  if (expected !== undefined && jsonEqual(value, expected)) {
    if (memo && typeof value === 'string') remember(memo, value);
    return '';
  }
  if (value === null) return CODE.null;
  const token = codec.encode(value, expected, memo);
  if (memo && typeof value === 'string') remember(memo, value);
  return token ?? CODE.json + escapeText(JSON.stringify(value));
}

export function decodeField(
  codec: ValueCodec,
  token: string,
  expected: Json | undefined,
  memo?: string[],
): Json | undefined {
  let value: Json | undefined;
  if (token === '') value = expected;
  else if (token === CODE.absent) return undefined;
  else if (token === CODE.null) return null;
  else if (token.startsWith(CODE.json)) return JSON.parse(unescapeText(token.slice(2))) as Json;
  else value = codec.decode(token, expected, memo);
  if (memo && typeof value === 'string') remember(memo, value);
  return value;
}

export { DELTA_MARKERS, toBase62, fromBase62 };
