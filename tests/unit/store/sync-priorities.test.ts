import { describe, expect, it } from 'vitest';
import { invoiceStatus, scenarioFor } from '../../../lib/domain/engine';
import { eventSchema, type LedgerEvent, type LedgerEventInput } from '../../../lib/domain/schemas';
import { createClock } from '../../../lib/store/sync/hlc';
import { fromLedger, toLedgerReport } from '../../../lib/store/sync/ledger-bridge';
import { DEFAULT_SAFETY_MARGIN, planSync } from '../../../lib/store/sync/planner';
import { HEAD_FIELDS, rankRecords, statusEvents, type HoldDays } from '../../../lib/store/sync/priorities';
import { decodeItems } from '../../../lib/store/sync/read-items';
import { merge } from '../../../lib/store/sync/state';
import { generateLedger } from '../../support/generate-ledger';

const TODAY = '2026-06-15';
const HOLDS: HoldDays = { today: TODAY, promiseGraceDays: 3, planGraceDays: 5 };
const base = { clientId: 'c1', invoiceIds: ['i1'] };
const event = (id: string, input: Record<string, unknown>): LedgerEvent =>
  eventSchema.parse({ id, ...base, ...input } as LedgerEventInput);

const friendly = event('r1', {
  type: 'reminder',
  date: '2026-04-20',
  stepId: 'b-friendly',
  channel: 'email',
});
const promise = event('p1', {
  type: 'promise',
  date: '2026-04-22',
  promisedDate: '2026-05-02',
  amountCents: 100,
});
const firm = event('r2', { type: 'reminder', date: '2026-05-06', stepId: 'b-firm', channel: 'email' });
const firmEarly = event('r3', { type: 'reminder', date: '2026-05-05', stepId: 'b-firm', channel: 'email' });
const plan = event('l1', {
  type: 'plan',
  date: '2026-03-01',
  instalments: [
    { dueDate: '2026-03-31', amountCents: 50 },
    { dueDate: '2026-04-30', amountCents: 50 },
  ],
});
const call = event('c1', { type: 'call', date: '2026-05-06', outcome: 'no_answer', stepId: 'b-call' });
const pause = event('u1', { type: 'pause', date: '2026-04-01', until: '2026-04-30' });
const openPause = event('u2', { type: 'pause', date: '2026-04-01' });

describe('the events an open invoice travels with', { timeout: 30_000 }, () => {
  // Every step event stays: the step reached is read from all of them (one step per event).
  it.each<[string, LedgerEvent[], HoldDays, string[]]>([
    // The promise ended on 2026-05-06 (promised day + 3 grace days, the day after): the firm
    // reminder that day sets the next date, the promise sets nothing any more.
    ['a promise over and followed by a contact', [friendly, promise, firm], HOLDS, ['r1', 'r2']],
    [
      'a promise over, the contact the day before it ended',
      [friendly, promise, firmEarly],
      HOLDS,
      ['r1', 'p1', 'r3'],
    ],
    [
      'a promise still running',
      [friendly, promise, firm],
      { ...HOLDS, promiseGraceDays: 10 },
      ['r1', 'p1', 'r2'],
    ],
    ['a promise not followed by any contact', [friendly, promise], HOLDS, ['r1', 'p1']],
    [
      'a promise over, today before its end',
      [friendly, promise, firm],
      { ...HOLDS, today: '2026-05-05' },
      ['r1', 'p1', 'r2'],
    ],
    // The plan's last instalment is on 2026-04-30, its grace ends 2026-05-05.
    ['a plan over and followed by a call', [plan, call], HOLDS, ['c1']],
    ['a plan in its grace days', [plan, call], { ...HOLDS, planGraceDays: 10 }, ['l1', 'c1']],
    ['a pause over and followed by a reminder', [pause, firm], HOLDS, ['r2']],
    ['a pause without an end', [openPause, firm], HOLDS, ['u2', 'r2']],
  ])('%s', (_label, events, holds, kept) => {
    expect(statusEvents(events, true, holds).map((e) => e.id)).toEqual(kept);
  });

  it('keeps every promise, plan and pause when it is not told the day (no hold is judged over)', () => {
    expect(statusEvents([friendly, promise, firm], true).map((e) => e.id)).toEqual(['r1', 'p1', 'r2']);
  });

  it('gives another browser the same state and step reached for every open invoice', () => {
    const ledger = generateLedger({ invoices: 3_000, today: TODAY, seed: 5 });
    const holds: HoldDays = { today: TODAY, ...ledger.settings };
    const clients = new Map(ledger.clients.map((c) => [c.id, c]));
    let compared = 0;
    for (const invoice of ledger.invoices) {
      const own = ledger.events.filter((e) => e.invoiceIds.includes(invoice.id));
      const paid = own.reduce((sum, e) => sum + (e.type === 'payment' ? e.amountCents : 0), 0);
      if (invoice.isCreditNote || invoice.amountCents - invoice.paidCents - paid <= 0) continue;
      const scenario = scenarioFor(clients.get(invoice.clientId)!, ledger.scenarios);
      const here = invoiceStatus(invoice, own, scenario, ledger.settings, TODAY);
      const there = invoiceStatus(invoice, statusEvents(own, true, holds), scenario, ledger.settings, TODAY);
      expect([there.state, there.reachedIndex, there.outstandingCents], invoice.id).toEqual([
        here.state,
        here.reachedIndex,
        here.outstandingCents,
      ]);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('leaves out only events without which the engine gives every open invoice the same status', () => {
    const ledger = generateLedger({ invoices: 4_000, today: TODAY, seed: 11 });
    const { settings } = ledger;
    const holds: HoldDays = { today: TODAY, ...settings };
    const byInvoice = new Map<string, LedgerEvent[]>();
    for (const e of ledger.events)
      for (const id of new Set(e.invoiceIds)) (byInvoice.get(id) ?? byInvoice.set(id, []).get(id)!).push(e);
    const clients = new Map(ledger.clients.map((c) => [c.id, c]));
    let dropped = 0;
    let compared = 0;
    for (const invoice of ledger.invoices) {
      const events = byInvoice.get(invoice.id) ?? [];
      const paid = events.reduce((sum, e) => sum + (e.type === 'payment' ? e.amountCents : 0), 0);
      if (invoice.isCreditNote || invoice.amountCents - invoice.paidCents - paid <= 0) continue;
      const kept = new Set(statusEvents(events, true, holds));
      const left = new Set(statusEvents(events, true).filter((e) => !kept.has(e)));
      if (left.size === 0) continue;
      dropped += left.size;
      compared++;
      const scenario = scenarioFor(clients.get(invoice.clientId)!, ledger.scenarios);
      const all = invoiceStatus(invoice, ledger.events, scenario, settings, TODAY);
      const without = invoiceStatus(
        invoice,
        ledger.events.filter((e) => !left.has(e)),
        scenario,
        settings,
        TODAY,
      );
      expect(without).toEqual(all);
    }
    // The case is common enough to be tested here.
    expect(compared).toBeGreaterThan(50);
    expect(dropped).toBeGreaterThanOrEqual(compared);
  });
});

describe('clients of open invoices', { timeout: 30_000 }, () => {
  const ledger = generateLedger({ invoices: 3_000, today: TODAY, seed: 5 });
  const state = fromLedger(
    ledger,
    createClock('nodeA', () => 1_780_000_000_000),
  );

  it('travel as their head first, whole once every open invoice has its head', () => {
    const { units } = rankRecords(state, TODAY);
    const firstWhole = units.findIndex((u) => u.records.some((key) => key.startsWith('client:')));
    const lastOpen = units.findLastIndex((u) => (u.heads ?? []).length > 0);
    expect(lastOpen).toBeGreaterThan(0);
    expect(firstWhole).toBeGreaterThan(lastOpen);
  });

  it.each([
    ['short', 'head', 20_000],
    ['ample', 'whole', 102_400],
  ])('read back on another browser when the space is %s, as %s', async (_label, expected, quotaBytes) => {
    const plan = await planSync(state, { today: TODAY, limits: { quotaBytes } });
    expect(plan.fits).toBe(true);
    expect(plan.bytes).toBeLessThanOrEqual(quotaBytes - DEFAULT_SAFETY_MARGIN);
    const decoded = decodeItems(plan.items);
    expect(decoded.problems).toEqual([]);
    const report = toLedgerReport(decoded.state);
    expect(report.rejected).toEqual([]);
    const first = ledger.clients[0]!.id;
    const sent = report.ledger.clients.find((c) => c.id === first)!;
    const original = ledger.clients.find((c) => c.id === first)!;
    for (const name of HEAD_FIELDS.client!)
      expect(sent[name as keyof typeof sent]).toEqual(original[name as keyof typeof original]);
    if (expected === 'head') {
      expect(sent.address).toEqual([]);
      // A browser that already had the whole client keeps it whole: registers merge one by one.
      const other = toLedgerReport(merge(state, decoded.state)).ledger.clients.find((c) => c.id === first);
      expect(other).toEqual(original);
    } else expect(sent).toEqual(original);
  });

  it('are planned again by a browser that received only their head (nothing more to send of them)', async () => {
    const limits = { quotaBytes: 30_000 };
    const sent = await planSync(state, { today: TODAY, limits });
    const received = decodeItems(sent.items).state;
    const again = await planSync(received, { today: TODAY, limits });
    expect(again.fits).toBe(true);
    expect(again.kept.invoices).toBeGreaterThanOrEqual(sent.kept.invoices);
    expect(again.bytes).toBeGreaterThan((30_000 - DEFAULT_SAFETY_MARGIN) * 0.9);
  });

  it('let the background answer messages between the builds of a plan that overflows', async () => {
    let order = 0;
    let ticked = 0;
    setTimeout(() => (ticked = ++order), 0);
    const plan = await planSync(state, { today: TODAY, limits: { quotaBytes: 20_000 } });
    const done = ++order;
    expect(plan.full).toBe(true);
    // The timer, queued before planning started, ran before the plan was ready.
    expect(ticked).toBeGreaterThan(0);
    expect(ticked).toBeLessThan(done);
  });

  it('fill the space the plan has: the plan ends within a few units of the budget', async () => {
    const quotaBytes = 40_000;
    const plan = await planSync(state, { today: TODAY, limits: { quotaBytes } });
    expect(plan.full).toBe(true);
    expect(plan.bytes).toBeGreaterThan((quotaBytes - DEFAULT_SAFETY_MARGIN) * 0.98);
  });
});
