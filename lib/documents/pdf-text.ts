import type { PDFFont } from 'pdf-lib';

/**
 * Text for the 14 standard PDF fonts, which pdf-lib encodes in WinAnsi (Windows-1252): it has
 * é è à ç œ € « » ’ – … but not the narrow no-break space that Intl puts in French amounts
 * ("1 234,56 €"), nor most letters outside Western Europe. pdf-lib throws on a character the
 * encoding lacks, and client names and addresses come from hostile sources: every string is
 * made safe here rather than trusted.
 */

/** Spaces that must not break a line (amounts, "n° 42", "M. Durand"): wrapping keeps them. */
const NO_BREAK_SPACES = /[\u00a0\u2007\u202f\u2060]/g;
/** Every other space-like character becomes a plain space. */
const OTHER_SPACES = /[\t\u2000-\u2006\u2008-\u200a\u205f\u3000]/g;

const LOOKALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-',
  '\u2032': '’',
  '\u2033': '"',
  '\u2044': '/',
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
};

const safeCache = new WeakMap<PDFFont, Set<number>>();

function charset(font: PDFFont): Set<number> {
  let set = safeCache.get(font);
  if (!set) safeCache.set(font, (set = new Set(font.getCharacterSet())));
  return set;
}

/**
 * The text with every character the font can draw, in one line: no-break and other spaces become
 * plain spaces, control characters go, a letter with an accent the encoding lacks loses the accent
 * (ł has none to lose) and anything else left becomes "?".
 */
export function winAnsiSafe(text: string, font: PDFFont): string {
  const supported = charset(font);
  let out = '';
  for (const char of text.normalize('NFC').replace(NO_BREAK_SPACES, ' ').replace(OTHER_SPACES, ' ')) {
    const code = char.codePointAt(0)!;
    if (supported.has(code)) out += char;
    else if (char in LOOKALIKES) out += LOOKALIKES[char];
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== char && [...bare].every((c) => supported.has(c.codePointAt(0)!)) ? bare : '?';
    }
  }
  return out;
}

/**
 * Breaks a paragraph into lines no wider than `width` at `size`, at ordinary spaces only (the
 * no-break ones hold an amount together). Line breaks in the text are kept; a word wider than the
 * line is cut. Returns lines already made safe for the font.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const measure = (s: string) => font.widthOfTextAtSize(s, size);
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = paragraph
      .split(/[ \t]+/)
      .filter(Boolean)
      .map((word) => winAnsiSafe(word, font));
    let line = '';
    for (let word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      while (measure(word) > width) {
        let cut = word.length - 1;
        while (cut > 1 && measure(word.slice(0, cut)) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}
