import { describe, expect, it } from 'vitest';
import { formatMoney, money, proportion, roundCents, sumCents } from '../../../lib/domain/money';

// Intl puts narrow no-break spaces in French amounts; compare on plain spaces for readability.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('money', () => {
  it.each([
    [123456, 'EUR', 'fr-FR', '1 234,56 €'],
    [123456, 'EUR', 'en-GB', '€1,234.56'],
    [-4000, 'EUR', 'fr-FR', '-40,00 €'],
    [5, 'EUR', 'fr-FR', '0,05 €'],
    [250000, 'JPY', 'fr-FR', '250 000 JPY'],
  ])('%i cents in %s for %s reads "%s"', (cents, currency, locale, expected) => {
    expect(plain(formatMoney(cents, currency, locale))).toBe(expected);
  });

  it('refuses fractions of a cent', () => {
    expect(() => money(10.5)).toThrow(RangeError);
    expect(money(1050)).toEqual({ cents: 1050, currency: 'EUR' });
  });

  it.each([
    [10808.5, 10809],
    [10808.4999, 10808],
    [-2.5, -3],
    [0.5, 1],
    [1.005 * 100, 101], // 100.49999… in binary, still an accountant's 101
  ])('rounds %f to %i, half away from zero', (value, expected) => {
    expect(roundCents(value)).toBe(expected);
  });

  it('computes a proportion in integers and rounds once', () => {
    // 10,000.00 € at 12.15 % (1215 bps) for 45 days: 1,000,000 × 1215 × 45 / (10,000 × 365) = 14979.45…
    expect(proportion(1_000_000, 1215 * 45, 10_000 * 365)).toBe(14979);
    expect(sumCents([100, 250, -50])).toBe(300);
  });
});
