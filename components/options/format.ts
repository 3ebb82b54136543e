import { formatMoney } from '../../lib/domain/money';
import type { IsoDate } from '../../lib/domain/schemas';
import { translator, type Locale, type MessageKey, type MessageParams } from '../../lib/i18n';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Formatting bound to the page's language: money, dates, numbers and messages. */
export interface Formatter {
  locale: Locale;
  t: Translate;
  money(cents: number, currency?: string): string;
  date(date: IsoDate): string;
  /** With the weekday: "lun. 7 déc. 2026". */
  longDate(date: IsoDate): string;
  number(value: number, fractionDigits?: number): string;
}

export const BCP47: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatter(locale: Locale): Formatter {
  const dates = new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'short', timeZone: 'UTC' });
  const longDates = new Intl.DateTimeFormat(BCP47[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const numbers = new Map<number, Intl.NumberFormat>();
  return {
    locale,
    t: translator(locale),
    money: (cents, currency = 'EUR') => formatMoney(cents, currency, BCP47[locale]),
    date: (date) => dates.format(new Date(`${date}T00:00:00Z`)),
    longDate: (date) => longDates.format(new Date(`${date}T00:00:00Z`)),
    number(value, fractionDigits = 0) {
      let format = numbers.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(BCP47[locale], {
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: fractionDigits,
        });
        numbers.set(fractionDigits, format);
      }
      return format.format(value);
    },
  };
}

/** Whole cents as a French decimal without grouping, the form spreadsheets read back: 1234,56. */
export function frenchDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
