import { describe, expect, it } from 'vitest';
import { penaltyWarnings } from '../../../lib/domain/penalties';
import '../../../lib/i18n/all';
import { catalogs, pickLocale, translate } from '../../../lib/i18n';

describe('message catalogs', () => {
  it('give every key in both languages, with the same parameters', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogs.fr) as (keyof typeof catalogs.fr)[]) {
      expect(catalogs.en[key], key).toBeTruthy();
      expect(params(catalogs.en[key] ?? ''), key).toEqual(params(catalogs.fr[key] ?? ''));
    }
  });

  it.each([
    ['fr', 'sidebar.daysLate', { days: 12 }, '12 j de retard'],
    ['en', 'sidebar.daysLate', { days: 12 }, '12 days late'],
    ['fr', 'sidebar.draft', {}, 'Rédiger la relance'],
    ['en', 'sidebar.daysLate', {}, '{days} days late'],
  ] as const)('%s %s %o → %s', (locale, key, params, expected) => {
    expect(translate(locale, key, params)).toBe(expected);
  });

  it.each([
    [['fr-FR', 'en'], 'fr'],
    [['en-GB'], 'en'],
    [['de-DE', 'en-US'], 'en'],
    [['de-DE'], 'fr'],
    [[], 'fr'],
  ])('picks %o → %s', (preferred, expected) => {
    expect(pickLocale(preferred)).toBe(expected);
  });
});

describe('domain codes', () => {
  it('have a message for every penalty warning', () => {
    for (const code of penaltyWarnings) expect(catalogs.fr).toHaveProperty(`penalty.${code}`);
  });
});
