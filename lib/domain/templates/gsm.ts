/**
 * SMS length in the units operators bill: one message holds 160 characters of the GSM 03.38
 * 7-bit alphabet (the extension characters € [ ] { } \ ^ ~ | and form feed take two), or 70
 * UTF-16 units as soon as a single character is outside it.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '€[]{}\\^~|\f';

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export const SMS_GSM_LIMIT = 160;
export const SMS_UCS2_LIMIT = 70;

export interface SmsMeasure {
  encoding: 'gsm7' | 'ucs2';
  /** In the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
  length: number;
  limit: number;
  fits: boolean;
}

export function measureSms(text: string): SmsMeasure {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extended.has(char)) septets += 2;
    else
      return {
        encoding: 'ucs2',
        length: text.length,
        limit: SMS_UCS2_LIMIT,
        fits: text.length <= SMS_UCS2_LIMIT,
      };
  }
  return { encoding: 'gsm7', length: septets, limit: SMS_GSM_LIMIT, fits: septets <= SMS_GSM_LIMIT };
}

/**
 * French text has characters outside GSM-7 that would cut an SMS to 70 characters: the
 * no-break spaces of formatted amounts, typographic quotes and apostrophes, and accented letters
 * such as ê, â, ç. Phones show the plain letter without confusion, so they are replaced; the
 * letters GSM-7 has (é è à ù Ç É) are kept.
 */
const REPLACEMENTS: Record<string, string> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2019': "'",
  '\u2018': "'",
  '\u201c': '"',
  '\u201d': '"',
  '«': '"',
  '»': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  â: 'a',
  ê: 'e',
  î: 'i',
  ô: 'o',
  û: 'u',
  ë: 'e',
  ï: 'i',
  ÿ: 'y',
  ç: 'c',
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  œ: 'oe',
  Œ: 'OE',
  À: 'A',
  Â: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Ù: 'U',
  Û: 'U',
  Ÿ: 'Y',
};

export function toGsmFriendly(text: string): string {
  let out = '';
  for (const char of text) out += REPLACEMENTS[char] ?? char;
  return out;
}
