import { en } from './en';
import { fr } from './fr';
import type { MessageKey } from './keys';

export type { MessageKey };
export type Locale = 'fr' | 'en';

/** The messages loaded so far: the core, then each area a page registers. */
export const catalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { fr: { ...fr }, en: { ...en } };

/** Adds an area's messages (areas/*.ts call it when they load); `en` has the same keys as `fr`. */
export function registerMessages<K extends MessageKey>(
  frMessages: Readonly<Record<K, string>>,
  enMessages: Readonly<Record<K, string>>,
): void {
  Object.assign(catalogs.fr, frMessages);
  Object.assign(catalogs.en, enMessages);
}
export const defaultLocale: Locale = 'fr';

export type MessageParams = Record<string, string | number>;

/**
 * Looks a message up and fills its `{name}` parameters. A parameter the caller did not give is
 * left visible as `{name}` rather than blanked, so the omission shows in review and in tests.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  // A key whose area the page did not load shows as itself: visible in review, never a blank.
  const template = catalogs[locale][key] ?? catalogs.fr[key] ?? key;
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
