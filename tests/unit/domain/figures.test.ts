import { describe, expect, it } from 'vitest';
import {
  agedBalance,
  agingBucketOf,
  dso,
  lateAlerts,
  paymentBehaviour,
  recoveredByStep,
  recoveryByMonth,
  type AgingBucket,
  type BehaviourOptions,
} from '../../../lib/domain/figures';
import { defaultRateTable } from '../../../lib/domain/rates';
import {
  ledgerSchema,
  type InvoiceInput,
  type Ledger,
  type LedgerEventInput,
} from '../../../lib/domain/schemas';

/*
 * One small studio's ledger on 2026-05-15, every figure worked out by hand beside its case.
 *
 *  inv  client amount   issue       due         paid                         owed on 05-15  days late
 *  i1   a      1000.00  2026-04-20  2026-05-20  –                            1000.00        -5
 *  i2   a       500.00  2026-04-15  2026-05-15  200.00 on 05-10              300.00          0
 *  i3   a       300.00  2026-04-14  2026-05-14  (300.00 on 05-20: future)    300.00          1
 *  i4   b      2000.00  2026-03-16  2026-04-15  –                            2000.00        30
 *  i5   b       800.00  2026-03-15  2026-04-14  –                            800.00         31
 *  i6   b       900.00  2026-01-15  2026-02-14  300.00 on 05-05              600.00         90
 *  i7   b       500.00  2026-01-14  2026-02-13  100.00 on 05-12              400.00         91
 *  i8   a       700.00  2026-02-01  2026-03-01  700.00 on 03-20              –
 *  i9   a       100.00  credit note                                          –
 *  i10  a       250.00  2026-02-15  2026-03-15  250.00 before the ledger     –
 *  i11  a       990.00  2026-05-20  2026-06-20  issued after today           –
 */
const TODAY = '2026-05-15';

function inv(
  id: string,
  clientId: string,
  amountCents: number,
  issueDate: string,
  dueDate: string,
  extra: Partial<InvoiceInput> = {},
): InvoiceInput {
  return { id, number: id.toUpperCase(), clientId, amountCents, issueDate, dueDate, ...extra };
}

function ledgerOf(clients: string[], invoices: InvoiceInput[], events: LedgerEventInput[]): Ledger {
  return ledgerSchema.parse({
    clients: clients.map((id) => ({ id, name: id })),
    invoices,
    events,
    scenarios: [],
    company: {},
    rates: defaultRateTable(),
    settings: {},
  });
}

const pay = (
  id: string,
  clientId: string,
  invoiceId: string,
  date: string,
  amountCents: number,
): LedgerEventInput => ({
  id,
  type: 'payment',
  clientId,
  invoiceIds: [invoiceId],
  date,
  amountCents,
});

const studio = ledgerOf(
  ['a', 'b'],
  [
    inv('i1', 'a', 100_000, '2026-04-20', '2026-05-20'),
    inv('i2', 'a', 50_000, '2026-04-15', '2026-05-15'),
    inv('i3', 'a', 30_000, '2026-04-14', '2026-05-14'),
    inv('i4', 'b', 200_000, '2026-03-16', '2026-04-15'),
    inv('i5', 'b', 80_000, '2026-03-15', '2026-04-14'),
    inv('i6', 'b', 90_000, '2026-01-15', '2026-02-14'),
    inv('i7', 'b', 50_000, '2026-01-14', '2026-02-13'),
    inv('i8', 'a', 70_000, '2026-02-01', '2026-03-01'),
    inv('i9', 'a', 10_000, '2026-05-01', '2026-05-01', { isCreditNote: true }),
    inv('i10', 'a', 25_000, '2026-02-15', '2026-03-15', { paidCents: 25_000 }),
    inv('i11', 'a', 99_000, '2026-05-20', '2026-06-20'),
  ],
  [
    {
      id: 'e1',
      type: 'reminder',
      clientId: 'a',
      invoiceIds: ['i8'],
      date: '2026-03-03',
      stepId: 'b-friendly',
      channel: 'email',
    },
    {
      id: 'e2',
      type: 'call',
      clientId: 'a',
      invoiceIds: ['i8'],
      date: '2026-03-10',
      stepId: 'b-call',
      outcome: 'promise',
    },
    pay('e3', 'a', 'i8', '2026-03-20', 70_000),
    pay('e4', 'a', 'i2', '2026-05-10', 20_000),
    {
      id: 'e5',
      type: 'reminder',
      clientId: 'b',
      invoiceIds: ['i4', 'i5', 'i6', 'i7'],
      date: '2026-05-01',
      stepId: 'b-firm',
      channel: 'email',
    },
    pay('e6', 'b', 'i6', '2026-05-05', 30_000),
    {
      id: 'e7',
      type: 'call',
      clientId: 'b',
      invoiceIds: ['i6', 'i7'],
      date: '2026-05-06',
      outcome: 'callback',
    },
    {
      id: 'e8',
      type: 'reminder',
      clientId: 'b',
      invoiceIds: ['i7'],
      date: '2026-05-12',
      stepId: 'b-last-warning',
      channel: 'sms',
    },
    pay('e9', 'b', 'i7', '2026-05-12', 10_000),
    pay('e10', 'a', 'i3', '2026-05-20', 30_000),
  ],
);

describe('aging buckets', () => {
  it.each<[number, AgingBucket]>([
    [-10, 'not_due'],
    [0, 'not_due'],
    [1, 'late_1_30'],
    [30, 'late_1_30'],
    [31, 'late_31_60'],
    [60, 'late_31_60'],
    [61, 'late_61_90'],
    [90, 'late_61_90'],
    [91, 'late_over_90'],
    [400, 'late_over_90'],
  ])('%i days late → %s', (days, bucket) => {
    expect(agingBucketOf(days)).toBe(bucket);
  });

  it('sums what is owed today by bucket, leaving out settled, credit notes, future invoices and payments', () => {
    expect(agedBalance(studio, TODAY)).toEqual({
      buckets: {
        not_due: { cents: 130_000, count: 2 }, // i1 1000 + i2 300
        late_1_30: { cents: 230_000, count: 2 }, // i3 300 + i4 2000
        late_31_60: { cents: 80_000, count: 1 }, // i5
        late_61_90: { cents: 60_000, count: 1 }, // i6
        late_over_90: { cents: 40_000, count: 1 }, // i7
      },
      total: { cents: 540_000, count: 7 },
    });
  });

  it('looked at on an earlier day, later payments are still owed', () => {
    // On 2026-03-19 i8 (due 03-01, 18 days late) is unpaid; i4 and i5 are issued, not yet due; i1–i3
    // and i11 are not issued yet.
    const early = agedBalance(studio, '2026-03-19');
    expect(early.buckets.not_due).toEqual({ cents: 280_000, count: 2 });
    expect(early.buckets.late_1_30).toEqual({ cents: 70_000, count: 1 });
    // i6 (33 days) and i7 (34 days).
    expect(early.buckets.late_31_60).toEqual({ cents: 140_000, count: 2 });
    expect(early.total).toEqual({ cents: 490_000, count: 5 });
  });
});

describe('DSO, standard method', () => {
  it.each([
    // Sales of the last 90 days (issued 2026-02-15 … 05-15): i1 1000 + i2 500 + i3 300 + i4 2000 + i5 800
    // + i10 250 = 4850 €. 5400 / 4850 × 90 = 100.2062 days.
    { period: 90, sales: 485_000, days: (540_000 / 485_000) * 90 },
    // Last 30 days (04-16 … 05-15): i1 only. 5400 / 1000 × 30 = 162 days.
    { period: 30, sales: 100_000, days: 162 },
    // Last 20 days (04-26 … 05-15): nothing issued.
    { period: 20, sales: 0, days: null },
  ])('over $period days: $days', ({ period, sales, days }) => {
    const result = dso(studio, TODAY, period);
    expect(result.receivablesCents).toBe(540_000);
    expect(result.salesCents).toBe(sales);
    if (days === null) expect(result.days).toBeNull();
    else expect(result.days).toBeCloseTo(days, 9);
  });

  it('has no figure for an empty ledger', () => {
    expect(dso(ledgerOf([], [], []), TODAY).days).toBeNull();
  });
});

describe('amount recovered by step', () => {
  it('gives each payment to the step of the last contact before it', () => {
    expect(recoveredByStep(studio, TODAY)).toEqual([
      // e3: the call of 03-10 came after the email of 03-03.
      { stepId: 'b-call', channel: 'phone', tone: 'friendly', cents: 70_000, count: 1 },
      // e6: the firm email of 05-01; the call of 05-06 had no step and came after anyway.
      { stepId: 'b-firm', channel: 'email', tone: 'firm', cents: 30_000, count: 1 },
      // e4: no reminder ever named i2.
      { stepId: null, cents: 20_000, count: 1 },
      // e9: the SMS logged the same day, before the payment.
      { stepId: 'b-last-warning', channel: 'sms', tone: 'last_warning', cents: 10_000, count: 1 },
    ]);
  });

  it('counts only payments from the start of the period', () => {
    expect(recoveredByStep(studio, TODAY, '2026-05-01').map((r) => [r.stepId, r.cents])).toEqual([
      ['b-firm', 30_000],
      [null, 20_000],
      ['b-last-warning', 10_000],
    ]);
  });
});

describe('recovery rate by month of the due date', () => {
  it('gives the collection and the recovery rate of each cohort', () => {
    expect(recoveryByMonth(studio, TODAY, 5)).toEqual([
      {
        month: '2026-01',
        dueCents: 0,
        paidCents: 0,
        overdueCents: 0,
        recoveredCents: 0,
        collectionRate: null,
        recoveryRate: null,
      },
      // i6 900 + i7 500 due; 300 + 100 paid late.
      {
        month: '2026-02',
        dueCents: 140_000,
        paidCents: 40_000,
        overdueCents: 140_000,
        recoveredCents: 40_000,
        collectionRate: 40 / 140,
        recoveryRate: 40 / 140,
      },
      // i8 700 paid late, i10 250 paid before the ledger (on time).
      {
        month: '2026-03',
        dueCents: 95_000,
        paidCents: 95_000,
        overdueCents: 70_000,
        recoveredCents: 70_000,
        collectionRate: 1,
        recoveryRate: 1,
      },
      // i4 2000 + i5 800, nothing paid.
      {
        month: '2026-04',
        dueCents: 280_000,
        paidCents: 0,
        overdueCents: 280_000,
        recoveredCents: 0,
        collectionRate: 0,
        recoveryRate: 0,
      },
      // Only i3 is past its due date (i2 falls due tonight, i1 later; the 05-20 payment is future).
      {
        month: '2026-05',
        dueCents: 30_000,
        paidCents: 0,
        overdueCents: 30_000,
        recoveredCents: 0,
        collectionRate: 0,
        recoveryRate: 0,
      },
    ]);
  });
});

describe('payment behaviour and late alerts', () => {
  /*
   * c: paid 100 € 5 days late and 300 € 1 day late → usual (100×5 + 300×1) / 400 = 2 days;
   *    threshold 2 + max(7, 1) = 9; c3 is 25 days late today → alert.
   * d: a single payment, 10 days late → not enough history, no alert.
   */
  const regular = ledgerOf(
    ['c', 'd', 'e'],
    [
      inv('c1', 'c', 10_000, '2025-12-10', '2026-01-10'),
      inv('c2', 'c', 30_000, '2026-01-10', '2026-02-10'),
      inv('c3', 'c', 20_000, '2026-03-21', '2026-04-20'),
      inv('d1', 'd', 10_000, '2026-01-01', '2026-01-31'),
      inv('d2', 'd', 10_000, '2026-01-01', '2026-03-01'),
    ],
    [
      pay('p1', 'c', 'c1', '2026-01-15', 10_000),
      pay('p2', 'c', 'c2', '2026-02-11', 30_000),
      pay('p3', 'd', 'd1', '2026-02-10', 10_000),
    ],
  );

  it.each<{
    name: string;
    ledger: Ledger;
    options?: BehaviourOptions;
    expected: Record<string, [number | null, number | null, number, boolean]>;
  }>([
    {
      name: 'usual delay, threshold, current delay and alert per client',
      ledger: regular,
      // [usual, threshold, current, alert]
      expected: { c: [2, 9, 25, true], d: [null, null, 75, false], e: [null, null, 0, false] },
    },
    {
      name: 'the studio: A paid 700 € 19 days late and 200 € early; B 300 € 80 and 100 € 88 days late',
      ledger: studio,
      // A: 700×19 / 900 = 14.78, threshold +max(7, 7.39) = 22.17; i3 1 day late.
      // B: (300×80 + 100×88) / 400 = 82, threshold 82 + 41 = 123; i7 91 days late.
      expected: { a: [1330 / 90, 1330 / 90 + 1330 / 180, 1, false], b: [82, 123, 91, false] },
    },
    {
      name: 'a margin of 7 days only: B is now past 82 + 7 = 89',
      ledger: studio,
      options: { marginRatio: 0 },
      expected: { a: [1330 / 90, 1330 / 90 + 7, 1, false], b: [82, 89, 91, true] },
    },
    {
      name: 'one payment is history enough when asked',
      ledger: regular,
      options: { minPayments: 1 },
      // d: usual 10, threshold 17, d2 75 days late.
      expected: { c: [2, 9, 25, true], d: [10, 17, 75, true], e: [null, null, 0, false] },
    },
  ])('$name', ({ ledger, options, expected }) => {
    const got = Object.fromEntries(
      paymentBehaviour(ledger, TODAY, options).map((b) => [
        b.clientId,
        [b.usualDaysLate, b.thresholdDays, b.currentDaysLate, b.alert],
      ]),
    );
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const [clientId, [usual, threshold, current, alert]] of Object.entries(expected)) {
      const [gotUsual, gotThreshold, gotCurrent, gotAlert] = got[clientId]!;
      if (usual === null) expect(gotUsual).toBeNull();
      else expect(gotUsual).toBeCloseTo(usual, 9);
      if (threshold === null) expect(gotThreshold).toBeNull();
      else expect(gotThreshold).toBeCloseTo(threshold, 9);
      expect([gotCurrent, gotAlert]).toEqual([current, alert]);
    }
  });

  it('lists the alerts furthest past their threshold first', () => {
    // c: 25 − 9 = 16 past; d: 75 − 17 = 58 past.
    expect(lateAlerts(regular, TODAY, { minPayments: 1 }).map((b) => b.clientId)).toEqual(['d', 'c']);
    expect(lateAlerts(studio, TODAY)).toEqual([]);
  });
});
