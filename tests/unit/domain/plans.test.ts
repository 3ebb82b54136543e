import { describe, expect, it } from 'vitest';
import { proposePlan } from '../../../lib/domain/plans';

describe('a payment plan proposal', () => {
  it.each([
    // 1 000,01 € in 3: the odd cent up front.
    [100_001, 3, '2026-12-10', 1, [33_335, 33_333, 33_333], ['2026-12-10', '2027-01-11', '2027-02-10']],
    // Monthly from 29 January: 28 February is a Sunday, 29 March is Easter Monday 2027.
    [90_000, 3, '2027-01-29', 1, [30_000, 30_000, 30_000], ['2027-01-29', '2027-03-01', '2027-03-30']],
    // Every two months, landing on 1 May (holiday) moves to 3 May.
    [50_000, 2, '2027-03-01', 2, [25_000, 25_000], ['2027-03-01', '2027-05-03']],
    [12_345, 1, '2026-12-24', 1, [12_345], ['2026-12-24']],
  ])('splits %i cents in %i from %s every %i month(s)', (total, count, first, months, amounts, dates) => {
    const plan = proposePlan(total, count, first, months);
    expect(plan.instalments.map((i) => i.amountCents)).toEqual(amounts);
    expect(plan.instalments.map((i) => i.dueDate)).toEqual(dates);
    expect(plan.instalments.reduce((sum, i) => sum + i.amountCents, 0)).toBe(total);
  });

  it.each([
    [0, 3],
    [-100, 3],
    [1000, 0],
    [1000, 37],
    [10.5, 2],
  ])('refuses %s cents in %s instalments', (total, count) => {
    expect(() => proposePlan(total, count, '2026-12-01')).toThrow(RangeError);
  });
});
