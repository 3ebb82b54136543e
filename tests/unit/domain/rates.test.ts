import { describe, expect, it } from 'vitest';
import {
  defaultRateTable,
  halfYearEnd,
  halfYearOf,
  halfYearStart,
  ratesFor,
} from '../../../lib/domain/rates';
import { rateTableSchema } from '../../../lib/domain/schemas';
import type { RateTable } from '../../../lib/domain/schemas';

describe('half-years', () => {
  it.each([
    ['2025-01-01', '2025-H1'],
    ['2025-06-30', '2025-H1'],
    ['2025-07-01', '2025-H2'],
    ['2024-12-31', '2024-H2'],
    ['2024-02-29', '2024-H1'],
  ])('%s falls in %s', (date, halfYear) => {
    expect(halfYearOf(date)).toBe(halfYear);
  });

  it.each([
    ['2025-H1', '2025-01-01', '2025-06-30'],
    ['2025-H2', '2025-07-01', '2025-12-31'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
  ])('%s runs from %s to %s', (halfYear, start, end) => {
    expect(halfYearStart(halfYear)).toBe(start);
    expect(halfYearEnd(halfYear)).toBe(end);
  });
});

describe('the default rate table', () => {
  it('is a valid table of the published half-years, without guessing 2026-H2', () => {
    const table = defaultRateTable();
    expect(rateTableSchema.safeParse(table).success).toBe(true);
    expect(table.halfYears.map((row) => row.period)).toEqual([
      '2024-H1',
      '2024-H2',
      '2025-H1',
      '2025-H2',
      '2026-H1',
    ]);
  });

  it.each([
    // period, ECB on 1 Jan / 1 Jul, legal rate consumer creditor, legal rate other cases
    ['2024-H1', 450, 801, 507],
    ['2024-H2', 425, 816, 492],
    ['2025-H1', 315, 721, 371],
    ['2025-H2', 215, 665, 276],
    ['2026-H1', 215, 667, 262],
  ])('%s: ECB %i bps, legal %i / %i bps', (period, ecbBps, legalConsumerBps, legalOtherBps) => {
    expect(ratesFor(defaultRateTable(), period)).toEqual({
      period,
      ecbBps,
      legalConsumerBps,
      legalOtherBps,
      assumed: false,
    });
  });

  it('hands out a fresh copy, so editing one table leaves the defaults alone', () => {
    const mine = defaultRateTable();
    mine.halfYears[0]!.ecbBps = 9999;
    expect(defaultRateTable().halfYears[0]!.ecbBps).toBe(450);
  });
});

describe('rates for a half-year', () => {
  // Rows out of order and with a gap (no 2025-H1), as a user may leave them after editing.
  const edited: RateTable = {
    halfYears: [
      { period: '2025-H2', ecbBps: 215, legalConsumerBps: 665, legalOtherBps: 276 },
      { period: '2024-H2', ecbBps: 425, legalConsumerBps: 816, legalOtherBps: 492 },
    ],
  };

  it.each([
    // asked, table, row used, assumed
    ['2026-H1', defaultRateTable(), '2026-H1', false],
    ['2026-H2', defaultRateTable(), '2026-H1', true], // not published yet: carried forward
    ['2028-H1', defaultRateTable(), '2026-H1', true], // the latest known row, however far
    ['2023-H2', defaultRateTable(), '2024-H1', true], // before the table: its first row
    ['2025-H1', edited, '2024-H2', true], // a gap: the latest earlier row, not the next one
    ['2025-H2', edited, '2025-H2', false],
    ['2024-H1', edited, '2024-H2', true],
  ])('%s uses the row of %s (assumed: %s)', (asked, table, used, assumed) => {
    const rates = ratesFor(table, asked);
    expect(rates?.period).toBe(used);
    expect(rates?.assumed).toBe(assumed);
  });

  it('has nothing to assume from an empty table', () => {
    expect(ratesFor({ halfYears: [] }, '2026-H1')).toBeUndefined();
  });
});
