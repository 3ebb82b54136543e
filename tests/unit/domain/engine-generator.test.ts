import { describe, expect, it } from 'vitest';
import { ledgerSchema } from '../../../lib/domain/schemas';
import { generateLedger } from '../../support/generate-ledger';

describe('generateLedger (the benchmark and property-test ledger)', () => {
  it.each([
    [1, '2026-11-25', 1],
    [200, '2026-11-25', 7],
    [2_000, '2026-04-06', 42],
    [2_000, '2027-01-01', 3],
  ])('%i invoices on %s (seed %i) form a valid ledger', (invoices, today, seed) => {
    const ledger = generateLedger({ invoices, today, seed });
    // parse, not safeParse: the error names the first bad field.
    expect(ledgerSchema.parse(ledger)).toEqual(ledger);
    expect(ledger.invoices).toHaveLength(invoices);
    expect(new Set(ledger.events.map((event) => event.id)).size).toBe(ledger.events.length);
    expect(new Set(ledger.invoices.map((invoice) => invoice.id)).size).toBe(invoices);
  });

  it('is deterministic: the same seed gives the same ledger, another seed another one', () => {
    const options = { invoices: 500, today: '2026-11-25', seed: 9 };
    expect(generateLedger(options)).toEqual(generateLedger(options));
    expect(generateLedger({ ...options, seed: 10 })).not.toEqual(generateLedger(options));
  });

  const ledger = generateLedger({ invoices: 5_000, today: '2026-11-25', seed: 42 });

  it('keeps its history consistent: events name known invoices of their own client, none after today', () => {
    const clientOf = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice.clientId]));
    const disputes = new Set(ledger.events.filter((e) => e.type === 'dispute').map((e) => e.id));
    for (const event of ledger.events) {
      expect(event.date <= '2026-11-25').toBe(true);
      for (const id of event.invoiceIds) expect(clientOf.get(id)).toBe(event.clientId);
      if (event.type === 'dispute_resolved') expect(disputes.has(event.disputeId)).toBe(true);
    }
    const dates = ledger.events.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('never pays an invoice more than it is worth', () => {
    const paid = new Map<string, number>();
    for (const event of ledger.events)
      if (event.type === 'payment')
        paid.set(event.invoiceIds[0]!, (paid.get(event.invoiceIds[0]!) ?? 0) + event.amountCents);
    for (const invoice of ledger.invoices)
      expect(invoice.paidCents + (paid.get(invoice.id) ?? 0)).toBeLessThanOrEqual(
        Math.abs(invoice.amountCents),
      );
  });

  it('holds the mix a realistic ledger has: every segment and every kind of event', () => {
    const segments = new Set(ledger.clients.map((client) => client.segment));
    expect([...segments].sort()).toEqual(['business', 'consumer', 'key_account', 'public']);
    const types = new Set(ledger.events.map((event) => event.type));
    for (const type of [
      'reminder',
      'call',
      'promise',
      'dispute',
      'dispute_resolved',
      'payment',
      'plan',
      'skip',
      'pause',
    ])
      expect(types, type).toContain(type);
    expect(ledger.invoices.some((invoice) => invoice.isCreditNote)).toBe(true);
    const settled = ledger.invoices.filter((invoice) => invoice.paidCents === invoice.amountCents).length;
    expect(settled).toBeGreaterThan(0);
  });
});
