import { en } from './en';
import { fr, type MessageKey } from './fr';

export type { MessageKey };
export type Locale = 'fr' | 'en';

export const catalogs: Record<Locale, Record<MessageKey, string>> = { fr, en };
export const defaultLocale: Locale = 'fr';

export type MessageParams = Record<string, string | number>;

/**
 * Looks a message up and fills its `{name}` parameters. A parameter the caller did not give is
 * left visible as `{name}` rather than blanked, so the omission shows in review and in tests.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language, the form the UI passes around. */
export function translator(locale: Locale): (key: MessageKey, params?: MessageParams) => string {
  return (key, params) => translate(locale, key, params);
}

export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'fr' || language === 'en') return language;
  }
  return defaultLocale;
}
