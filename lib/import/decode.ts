/** How the bytes of a file were read. `utf-8-bom` keeps the mark visible to the user: Excel writes it. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes a file exported by accounting software or a spreadsheet. French tools still write
 * Windows-1252 (Sage, EBP, Excel's "CSV (séparateur : point-virgule)"); Excel's "CSV UTF-8"
 * starts with a byte order mark and "Texte Unicode" is UTF-16. Bytes that are not valid UTF-8
 * can only be a legacy single-byte encoding, and Windows-1252 is the one French systems use.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Bytes 0x80–0x9F of Windows-1252 (€, œ, ’, “…); the five it leaves undefined stay control characters. */
const HIGH =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/**
 * Browsers decode 'windows-1252' properly, but Node builds without full ICU treat it as
 * ISO-8859-1 and turn € and œ into control characters: the 32 bytes that differ are mapped here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\x80-\x9f]/g, (char) => HIGH[char.charCodeAt(0) - 0x80]!);
}
