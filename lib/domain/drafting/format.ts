import type { IsoDate, Language, Settings } from '../schemas';

/** The settings' locale when it is of the draft's language ("fr-BE" for French), else the usual one. */
export function localeFor(language: Language, settings: Pick<Settings, 'locale'>): string {
  const own = settings.locale.toLowerCase().split('-')[0];
  if (own === language) return settings.locale;
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, long: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${long}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      long
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
    );
    formats.set(key, format);
  }
  return format;
}

function instant(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** "15 mars 2026" / "15 March 2026". */
export function longDate(date: IsoDate, locale: string): string {
  return dateFormat(locale, true).format(instant(date));
}

/** "15/03/2026". */
export function shortDate(date: IsoDate, locale: string): string {
  return dateFormat(locale, false).format(instant(date));
}

/** "12,15 %" from 1215 basis points. */
export function formatRate(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(bps / 10_000);
}

/** "a, b et c" / "a, b and c". */
export function joinList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** "123 456 789" */
export function formatSiren(siren: string): string {
  return /^\d{9}$/.test(siren) ? siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : siren;
}

export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
