/** Which character separates the cents in a file: French exports use a comma, English ones a dot. */
export type DecimalSeparator = ',' | '.';

const CURRENCY = /€|eur(?:os?)?|\$|usd|£|gbp|chf|ttc|ht/gi;
/** Every kind of space spreadsheets put between thousands: plain, no-break, narrow no-break, thin. */
const SPACES = /[\s\u00a0\u202f\u2009\u2007']/g;

/**
 * Reads an amount written by a person or a spreadsheet into integer cents, exactly: the digits
 * are read as text, never through a float, so "0,1 + 0,2" stays 30 cents.
 *
 * Accepts `1 234,56 €`, `1.234,56`, `1234.56`, `-12,00`, `12,00-`, `(12,00)`, `−12` (Unicode
 * minus). With both separators, the last one is the decimal separator; with one, `decimal`
 * (detected per column by {@link guessDecimalSeparator}) decides, except that a separator
 * repeated or followed by other than 3 digits can only be one reading. Digits beyond the cent
 * are rounded half away from zero. Returns undefined when the text is not an amount.
 */
export function parseAmountCents(raw: string, decimal: DecimalSeparator = ','): number | undefined {
  let text = raw.replace(CURRENCY, '').replace(SPACES, '');
  if (text === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  const sign = /^[-\u2212+]|[-\u2212]$/.exec(text);
  if (sign) {
    negative = negative || sign[0] !== '+';
    text = sign.index === 0 ? text.slice(1) : text.slice(0, -1);
  }
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return undefined;

  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let separator: DecimalSeparator | undefined;
  if (lastComma >= 0 && lastDot >= 0) separator = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0 || lastDot >= 0) {
    const only: DecimalSeparator = lastComma >= 0 ? ',' : '.';
    const count = text.split(only).length - 1;
    const after = text.length - text.lastIndexOf(only) - 1;
    if (count > 1) separator = undefined;
    else if (after !== 3) separator = only;
    else separator = decimal === only ? only : undefined;
    if (separator === undefined && !groupsOfThree(text, only)) return undefined;
  }

  let whole = text;
  let fraction = '';
  if (separator) {
    const at = text.lastIndexOf(separator);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (fraction.includes(',') || fraction.includes('.')) return undefined;
  }
  const thousands = separator === ',' ? '.' : ',';
  if (whole.includes(thousands) && !groupsOfThree(whole, thousands)) return undefined;
  if (separator && whole.includes(separator)) return undefined;
  whole = whole.replace(/[.,]/g, '');
  if (whole === '') whole = '0';

  let cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  if (fraction.length > 2 && fraction.charCodeAt(2) >= 53 /* '5' */) cents += 1;
  if (!Number.isSafeInteger(cents)) return undefined;
  return negative && cents !== 0 ? -cents : cents;
}

function groupsOfThree(text: string, separator: string): boolean {
  const [head, ...groups] = text.split(separator);
  return head !== undefined && /^\d{1,3}$/.test(head) && groups.every((group) => /^\d{3}$/.test(group));
}

/**
 * Decides the decimal separator of a column from its values: a comma or dot followed by one or
 * two digits at the end settles it; French is the default when nothing does.
 */
export function guessDecimalSeparator(values: Iterable<string>): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const value of values) {
    const text = value.replace(SPACES, '');
    if (/,\d{1,2}\D*$/.test(text) || /\.\d{3},/.test(text)) comma += 1;
    else if (/\.\d{1,2}\D*$/.test(text) || /,\d{3}\./.test(text)) dot += 1;
  }
  return dot > comma ? '.' : ',';
}

/** An amount in an e-invoice: `xsd:decimal`, a dot and no grouping, as EN 16931 requires. */
export function parseXmlAmountCents(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return parseAmountCents(text.replace(/^\+/, '').replace(/^(-?)\./, '$10.'), '.');
}
