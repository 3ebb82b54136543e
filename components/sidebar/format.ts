import { formatMoney } from '../../lib/domain/money';
import type { IsoDate } from '../../lib/domain/schemas';
import { translator, type Locale, type MessageKey, type MessageParams } from '../../lib/i18n';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Formatting bound to the UI's language: money, dates and messages. */
export interface Formatter {
  locale: Locale;
  t: Translate;
  money(cents: number, currency?: string): string;
  date(date: IsoDate): string;
}

const BCP47: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatter(locale: Locale): Formatter {
  const dates = new Intl.DateTimeFormat(BCP47[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    locale,
    t: translator(locale),
    money: (cents, currency = 'EUR') => formatMoney(cents, currency, BCP47[locale]),
    date: (date) => dates.format(new Date(`${date}T00:00:00Z`)),
  };
}
