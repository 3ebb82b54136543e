import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  easterSunday,
  endOfMonth,
  frenchHolidays,
  isBusinessDay,
  localIsoDate,
  nextBusinessDay,
  weekday,
} from '../../../lib/domain/calendar';

describe('date arithmetic', () => {
  it.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-29', 1, '2026-03-30'], // daylight-saving change in France
    ['2026-01-10', -15, '2025-12-26'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-01', '2026-12-31', 364],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-11-25', '2026-11-20', -5],
  ])('from %s to %s is %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s (clamped to the month end)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('knows month ends and weekdays', () => {
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(weekday('2026-11-25')).toBe(3); // a Wednesday
    expect(weekday('1970-01-01')).toBe(4);
  });
});

describe('French public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('lists the eleven holidays of 2026, Easter-based ones included', () => {
    expect([...frenchHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06', // lundi de Pâques
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension
      '2026-05-25', // lundi de Pentecôte
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it.each([
    ['2026-11-25', '2026-11-25'], // a Wednesday stays
    ['2026-11-28', '2026-11-30'], // Saturday → Monday
    ['2026-11-11', '2026-11-12'], // Armistice, a Wednesday
    ['2026-12-25', '2026-12-28'], // Christmas Friday → Monday
    ['2026-05-01', '2026-05-04'], // Friday holiday → Monday
    ['2026-04-04', '2026-04-07'], // Saturday, then Easter Sunday and Monday
    ['2026-05-23', '2026-05-26'], // Saturday, Sunday, Whit Monday
  ])('a reminder falling on %s moves to %s', (date, expected) => {
    expect(nextBusinessDay(date)).toBe(expected);
    expect(isBusinessDay(expected)).toBe(true);
  });
});

describe('today', () => {
  it('is the local calendar day of an instant', () => {
    expect(localIsoDate(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
    expect(localIsoDate(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
  });
});
