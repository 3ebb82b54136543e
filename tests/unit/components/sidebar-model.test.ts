import { describe, expect, it } from 'vitest';
import { summariseClient, viewLedger } from '../../../components/sidebar/model';
import { computePenalties } from '../../../lib/domain/penalties';
import { demoLedger } from '../../../lib/demo/sample-ledger';

const today = '2026-11-25';

describe('the sidebar’s summary of a client', () => {
  const ledger = demoLedger(today);
  const view = viewLedger(ledger, today);

  it('lists the unpaid invoices only, longest overdue first, with their total', () => {
    const summary = summariseClient(view, 'demo-martin')!;
    // F-2026-008 was paid in full: it is not listed.
    expect(summary.open.map((line) => line.invoice.number)).toEqual(['F-2026-042', 'F-2026-051']);
    expect(summary.totalDueCents).toBe(123_456 + 48_000);
    expect(summary.open[0]!.status.daysLate).toBe(10);
  });

  it('lowers the amount by partial payments without resetting the step', () => {
    const summary = summariseClient(view, 'demo-durand')!;
    const line = summary.open[0]!;
    expect(line.status.outstandingCents).toBe(356_040 - 100_000);
    expect(line.paidLaterCents).toBe(100_000);
    expect(line.status.reachedStep?.id).toBe('b-last-warning');
  });

  it('computes penalties with the payments, as the penalty module does', () => {
    const line = summariseClient(view, 'demo-durand')!.open[0]!;
    const expected = computePenalties({
      amountCents: 356_040,
      dueDate: line.invoice.dueDate,
      payments: [{ date: '2026-11-07', amountCents: 100_000 }],
      segment: 'business',
      today,
      rates: ledger.rates,
    });
    expect(line.penalties.totalCents).toBe(expected.totalCents);
    expect(line.penalties.indemnityCents).toBe(4000);
  });

  it('counts no penalties for a consumer before the formal notice', () => {
    const line = summariseClient(view, 'demo-leroy')!.open[0]!;
    expect(line.penalties.totalCents).toBe(0);
    expect(line.penalties.warnings).toContain('no_formal_notice');
  });

  it('shows the paused invoices with their state and the history newest first', () => {
    const summary = summariseClient(view, 'demo-bois')!;
    expect(summary.open[0]!.status.state).toBe('paused_promise');
    expect(summary.due).toEqual([]);
    expect(summary.history.map((event) => event.type)).toEqual(['promise', 'reminder']);
  });

  it('knows nothing of a client that is not in the ledger', () => {
    expect(summariseClient(view, 'nobody')).toBeUndefined();
  });
});
