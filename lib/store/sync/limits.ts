/**
 * storage.sync limits (Chrome; Firefox has the same sizes). Chrome enforces them even offline:
 * a write over a limit fails, it is not trimmed.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const SYNC_LIMITS = {
  quotaBytes: 102_400,
  quotaBytesPerItem: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

export type SyncLimits = { -readonly [K in keyof typeof SYNC_LIMITS]: number };

/**
 * Bytes of a string in UTF-8, counting what Chrome's JSON writer escapes as six bytes: `<`, `>`
 * and `&` (escaped for embedding in HTML) and U+2028/U+2029. Lone surrogates are already `\uXXXX`
 * in the output of JSON.stringify.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += c === 0x3c || c === 0x3e || c === 0x26 ? 6 : 1;
    else if (c < 0x800) bytes += 2;
    else if (c === 0x2028 || c === 0x2029) bytes += 6;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      bytes += next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
    } else bytes += 3;
  }
  return bytes;
}

/** What an item costs against the quotas: key plus the JSON of its value, as Chrome measures. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');
}

/** The cost of a string inside a JSON string, without the two quotes. */
export function stringBytes(text: string): number {
  return utf8Bytes(JSON.stringify(text)) - 2;
}
