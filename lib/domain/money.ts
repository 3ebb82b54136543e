/**
 * Money is an integer number of cents with its currency. Arithmetic stays in integers;
 * only formatting turns it into text, through Intl, in the user's locale.
 */
export interface Money {
  cents: number;
  currency: string;
}

export function money(cents: number, currency = 'EUR'): Money {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money needs whole cents, got ${cents}`);
  return { cents, currency };
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, format);
  }
  return format;
}

/** `formatMoney(123456, 'EUR', 'fr-FR')` → "1 234,56 €" (with the narrow no-break spaces of fr-FR). */
export function formatMoney(cents: number, currency = 'EUR', locale = 'fr-FR'): string {
  const format = formatter(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/**
 * Rounds a non-integer amount of cents to whole cents, half away from zero, the way an
 * accountant rounds a computed interest.
 */
export function roundCents(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) + Number.EPSILON * Math.abs(value));
}

export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** A fraction of an amount, e.g. a rate in basis points over a number of days, rounded once. */
export function proportion(cents: number, numerator: number, denominator: number): number {
  return roundCents((cents * numerator) / denominator);
}
