import { describe, expect, it } from 'vitest';
import { computePenalties, legalFloorBps } from '../../../lib/domain/penalties';
import type { PenaltyInput, PenaltyPeriod, PenaltyWarning } from '../../../lib/domain/penalties';
import { defaultRateTable } from '../../../lib/domain/rates';

/*
 * Every figure below is worked out by hand in the comment above its case, so a reader can check
 * it with a pocket calculator. Interest = principal (cents) × rate (bps) × days / (10,000 × 365);
 * the total is the exact sum rounded once, half away from zero.
 *
 * Rates used (default table): business = ECB + 10 pts, public = ECB + 8 pts,
 * consumer = legal rate "autres cas".
 *   2024-H1 ECB 4.50 → 14.50 %   2024-H2 ECB 4.25 → 14.25 %
 *   2025-H1 ECB 3.15 → 13.15 %, legal other 3.71 %   2025-H2 ECB 2.15 → 12.15 %, legal other 2.76 %
 *   2026-H1 ECB 2.15 → 12.15 % (public 10.15 %)       2026-H2 unknown → 2026-H1 carried forward
 */

const rates = defaultRateTable();
/** 1,500.00 € owed by a consumer, due mid-June 2025. */
const consumer = { segment: 'consumer', amountCents: 150_000, dueDate: '2025-06-15' } as const;

type Period = [from: string, to: string, days: number, principalCents: number, rateBps: number];

interface Case {
  name: string;
  input: Partial<PenaltyInput>;
  periods: Period[];
  interestCents: number;
  indemnityCents: number;
  warnings?: PenaltyWarning[];
}

function inputOf(overrides: Partial<PenaltyInput>): PenaltyInput {
  return {
    amountCents: 1_000_000,
    dueDate: '2025-09-30',
    today: '2025-10-30',
    segment: 'business',
    rates,
    ...overrides,
  };
}

const cases: Case[] = [
  {
    // June 1–30: 1,000,000 × 1315 × 30 / 3,650,000 = 10808.219…
    // July 1–Aug 14: 1,000,000 × 1215 × 45 / 3,650,000 = 14979.452…
    // exact sum 25787.671… → 25788 (the rounded periods 10808 + 14979 would give 25787)
    name: 'business, across 1 July: split by half-year',
    input: { dueDate: '2025-05-31', today: '2025-08-14' },
    periods: [
      ['2025-06-01', '2025-06-30', 30, 1_000_000, 1315],
      ['2025-07-01', '2025-08-14', 45, 1_000_000, 1215],
    ],
    interestCents: 25788,
    indemnityCents: 4000,
  },
  {
    // A key account is a business: same figures as above.
    name: 'key account, treated as a business',
    input: { segment: 'key_account', dueDate: '2025-05-31', today: '2025-08-14' },
    periods: [
      ['2025-06-01', '2025-06-30', 30, 1_000_000, 1315],
      ['2025-07-01', '2025-08-14', 45, 1_000_000, 1215],
    ],
    interestCents: 25788,
    indemnityCents: 4000,
  },
  {
    // 5,000.00 € due 2024-12-15, today 2025-01-20 (36 days late)
    // Dec 16–31: 500,000 × 1425 × 16 / 3,650,000 = 3123.287…
    // Jan 1–20:  500,000 × 1315 × 20 / 3,650,000 = 3602.739…
    // sum 6726.027… → 6726
    name: 'business, across 1 January',
    input: { amountCents: 500_000, dueDate: '2024-12-15', today: '2025-01-20' },
    periods: [
      ['2024-12-16', '2024-12-31', 16, 500_000, 1425],
      ['2025-01-01', '2025-01-20', 20, 500_000, 1315],
    ],
    interestCents: 6726,
    indemnityCents: 4000,
  },
  {
    // 4,000.00 € paid on Oct 15 (that day still counts on the full amount)
    // Oct 1–15:  1,000,000 × 1215 × 15 / 3,650,000 = 4993.150…
    // Oct 16–31:   600,000 × 1215 × 16 / 3,650,000 = 3195.616…
    // sum 8188.767… → 8189
    name: 'business, partial payment mid-period',
    input: { today: '2025-10-31', payments: [{ date: '2025-10-15', amountCents: 400_000 }] },
    periods: [
      ['2025-10-01', '2025-10-15', 15, 1_000_000, 1215],
      ['2025-10-16', '2025-10-31', 16, 600_000, 1215],
    ],
    interestCents: 8189,
    indemnityCents: 4000,
  },
  {
    // 3,000.00 € paid on the due date: only 7,000.00 € is ever late.
    // Oct 1–30: 700,000 × 1215 × 30 / 3,650,000 = 6990.410… → 6990
    name: 'business, partial payment on the due date',
    input: { payments: [{ date: '2025-09-30', amountCents: 300_000 }] },
    periods: [['2025-10-01', '2025-10-30', 30, 700_000, 1215]],
    interestCents: 6990,
    indemnityCents: 4000,
  },
  {
    // Paid in full on Oct 10, looked at on Nov 30: interest stops with the payment, the 40 €
    // stays due. Oct 1–10: 1,000,000 × 1215 × 10 / 3,650,000 = 3328.767… → 3329
    name: 'business, paid in full but late',
    input: { today: '2025-11-30', payments: [{ date: '2025-10-10', amountCents: 1_000_000 }] },
    periods: [['2025-10-01', '2025-10-10', 10, 1_000_000, 1215]],
    interestCents: 3329,
    indemnityCents: 4000,
  },
  {
    // Leap year, still / 365: Feb 16–29 (14) + Mar 1 (1) = 15 days
    // 1,000,000 × 1450 × 15 / 3,650,000 = 5958.904… → 5959
    name: 'business, in a leap year',
    input: { dueDate: '2024-02-15', today: '2024-03-01' },
    periods: [['2024-02-16', '2024-03-01', 15, 1_000_000, 1450]],
    interestCents: 5959,
    indemnityCents: 4000,
  },
  {
    // 2,400.00 € to a public buyer, due 2026-01-31, today 2026-03-02: Feb 1–Mar 2 = 30 days
    // 240,000 × (215 + 800) × 30 / 3,650,000 = 2002.191… → 2002
    name: 'public buyer: ECB + 8 points, plus 40 €',
    input: { segment: 'public', amountCents: 240_000, dueDate: '2026-01-31', today: '2026-03-02' },
    periods: [['2026-02-01', '2026-03-02', 30, 240_000, 1015]],
    interestCents: 2002,
    indemnityCents: 4000,
  },
  {
    // Public procurement fixes the rate by law: the contract's 20 % is not used.
    name: 'public buyer with a contractual rate',
    input: {
      segment: 'public',
      amountCents: 240_000,
      dueDate: '2026-01-31',
      today: '2026-03-02',
      contractualRateBps: 2000,
    },
    periods: [['2026-02-01', '2026-03-02', 30, 240_000, 1015]],
    interestCents: 2002,
    indemnityCents: 4000,
    warnings: ['contractual_rate_ignored'],
  },
  {
    // 1,500.00 € due 2025-06-15, formal notice 2025-09-01: interest from Sep 2 to Oct 1 = 30 days
    // 150,000 × 276 × 30 / 3,650,000 = 340.273… → 340; no 40 € for a consumer
    name: 'consumer with a formal notice: legal rate "autres cas" from the notice',
    input: { ...consumer, formalNoticeDate: '2025-09-01', today: '2025-10-01' },
    periods: [['2025-09-02', '2025-10-01', 30, 150_000, 276]],
    interestCents: 340,
    indemnityCents: 0,
  },
  {
    // Notice on 2025-06-20, today 2025-07-10
    // Jun 21–30: 150,000 × 371 × 10 / 3,650,000 = 152.465…
    // Jul 1–10:  150,000 × 276 × 10 / 3,650,000 = 113.424…
    // sum 265.890… → 266
    name: 'consumer with a formal notice, across 1 July',
    input: { ...consumer, formalNoticeDate: '2025-06-20', today: '2025-07-10' },
    periods: [
      ['2025-06-21', '2025-06-30', 10, 150_000, 371],
      ['2025-07-01', '2025-07-10', 10, 150_000, 276],
    ],
    interestCents: 266,
    indemnityCents: 0,
  },
  {
    name: 'consumer without a formal notice: nothing runs yet',
    input: { ...consumer, today: '2025-10-01' },
    periods: [],
    interestCents: 0,
    indemnityCents: 0,
    warnings: ['no_formal_notice'],
  },
  {
    name: 'consumer with a formal notice dated after today: not sent yet',
    input: { ...consumer, formalNoticeDate: '2025-10-05', today: '2025-10-01' },
    periods: [],
    interestCents: 0,
    indemnityCents: 0,
    warnings: ['no_formal_notice'],
  },
  {
    // Floor 2025-H2 = 3 × 276 = 828 bps; 15 % is above it.
    // 1,000,000 × 1500 × 30 / 3,650,000 = 12328.767… → 12329
    name: 'contractual rate above the floor',
    input: { contractualRateBps: 1500 },
    periods: [['2025-10-01', '2025-10-30', 30, 1_000_000, 1500]],
    interestCents: 12329,
    indemnityCents: 4000,
  },
  {
    // 9 % is below the default 12.15 % but above the 8.28 % floor: lawful, so it applies.
    // 1,000,000 × 900 × 30 / 3,650,000 = 7397.260… → 7397
    name: 'contractual rate between the floor and the default rate',
    input: { contractualRateBps: 900 },
    periods: [['2025-10-01', '2025-10-30', 30, 1_000_000, 900]],
    interestCents: 7397,
    indemnityCents: 4000,
  },
  {
    // 5 % is below 3 × 2.76 % = 8.28 %: the floor applies.
    // 1,000,000 × 828 × 30 / 3,650,000 = 6805.479… → 6805
    name: 'contractual rate below the floor',
    input: { contractualRateBps: 500 },
    periods: [['2025-10-01', '2025-10-30', 30, 1_000_000, 828]],
    interestCents: 6805,
    indemnityCents: 4000,
    warnings: ['contractual_rate_below_floor'],
  },
  {
    // 2026-H2 is not published: 2026-H1's 12.15 % stands in, flagged.
    // Jul 1–31: 1,000,000 × 1215 × 31 / 3,650,000 = 10319.178… → 10319
    name: 'unknown half-year (2026-H2): earlier rate, flagged as assumed',
    input: { dueDate: '2026-06-30', today: '2026-07-31' },
    periods: [['2026-07-01', '2026-07-31', 31, 1_000_000, 1215]],
    interestCents: 10319,
    indemnityCents: 4000,
    warnings: ['rate_assumed'],
  },
  {
    // One day: 1,000,000 × 1315 × 1 / 3,650,000 = 360.273… → 360
    name: 'one day late',
    input: { dueDate: '2025-03-31', today: '2025-04-01' },
    periods: [['2025-04-01', '2025-04-01', 1, 1_000_000, 1315]],
    interestCents: 360,
    indemnityCents: 4000,
  },
  {
    // 3.65 € at 50 % for one day: 365 × 5000 × 1 / 3,650,000 = 0.5 exactly → 1 (half away from zero)
    name: 'an exact half cent rounds up',
    input: { amountCents: 365, contractualRateBps: 5000, dueDate: '2025-10-01', today: '2025-10-02' },
    periods: [['2025-10-02', '2025-10-02', 1, 365, 5000]],
    interestCents: 1,
    indemnityCents: 4000,
  },
];

describe('late-payment penalties', () => {
  it.each(cases)('$name', ({ input, periods, interestCents, indemnityCents, warnings = [] }) => {
    const result = computePenalties(inputOf(input));
    const shape = ({ from, to, days, principalCents, rateBps }: PenaltyPeriod): Period => [
      from,
      to,
      days,
      principalCents,
      rateBps,
    ];
    expect(result.periods.map(shape)).toEqual(periods);
    expect(result.interestCents).toBe(interestCents);
    expect(result.indemnityCents).toBe(indemnityCents);
    expect(result.totalCents).toBe(interestCents + indemnityCents);
    expect(result.warnings).toEqual(warnings);
  });

  it.each<[string, Partial<PenaltyInput>]>([
    ['not yet due', { today: '2025-09-15' }],
    ['on the due date itself (0 days late)', { today: '2025-09-30' }],
    ['paid in full by the due date', { payments: [{ date: '2025-09-28', amountCents: 1_000_000 }] }],
    ['a credit note', { isCreditNote: true }],
    ['a negative amount', { amountCents: -50_000 }],
  ])('owes nothing, not even the indemnity: %s', (_name, input) => {
    expect(computePenalties(inputOf(input))).toEqual({
      interestCents: 0,
      indemnityCents: 0,
      totalCents: 0,
      periods: [],
      warnings: [],
    });
  });

  it('rounds the exact sum once, not the sum of rounded periods', () => {
    const result = computePenalties(inputOf({ dueDate: '2025-05-31', today: '2025-08-14' }));
    // 10808.219… and 14979.452… shown as 10808 and 14979, yet the total is 25788, not 25787.
    expect(result.periods.map((p) => p.interestCents)).toEqual([10808, 14979]);
    expect(result.interestCents).toBe(25788);
  });

  it('flags each period whose rate comes from a stand-in row', () => {
    // Jun 1–30 2026 at the published 2026-H1 rate, Jul 1–31 at the same rate assumed for 2026-H2.
    const result = computePenalties(inputOf({ dueDate: '2026-05-31', today: '2026-07-31' }));
    expect(result.periods.map((p) => [p.from, p.assumedRate])).toEqual([
      ['2026-06-01', false],
      ['2026-07-01', true],
    ]);
    expect(result.warnings).toEqual(['rate_assumed']);
  });

  it('orders payments by date whatever order they come in', () => {
    const payments = [
      { date: '2025-10-20', amountCents: 200_000 },
      { date: '2025-10-10', amountCents: 300_000 },
    ];
    const result = computePenalties(inputOf({ payments, today: '2025-10-31' }));
    expect(result.periods.map((p) => [p.from, p.to, p.principalCents])).toEqual([
      ['2025-10-01', '2025-10-10', 1_000_000],
      ['2025-10-11', '2025-10-20', 700_000],
      ['2025-10-21', '2025-10-31', 500_000],
    ]);
  });

  it('with an empty rate table, owes the indemnity and says the rates are missing', () => {
    const result = computePenalties(inputOf({ rates: { halfYears: [] } }));
    expect(result).toMatchObject({ interestCents: 0, indemnityCents: 4000, warnings: ['rates_missing'] });
  });
});

describe('legal floor for a contractual rate', () => {
  it.each([
    ['2025-H1', 1113], // 3 × 371
    ['2025-H2', 828], // 3 × 276
    ['2026-H1', 786], // 3 × 262
    ['2026-H2', 786], // 2026-H1 carried forward
  ])('in %s is %i bps', (halfYear, floor) => {
    expect(legalFloorBps(rates, halfYear)).toBe(floor);
  });

  it('is unknown without any rates', () => {
    expect(legalFloorBps({ halfYears: [] }, '2026-H1')).toBeUndefined();
  });
});
