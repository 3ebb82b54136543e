import Papa from 'papaparse';
import { eventOccurrence } from '../../../lib/domain/ids';
import { describe, expect, it } from 'vitest';
import { markPaidEvents, pauseEvents, resumeEvents } from '../../../components/options/bulk-actions';
import { trackingCsv } from '../../../components/options/csv';
import { frenchDecimal } from '../../../components/options/format';
import {
  buildRows,
  filterRows,
  noFilters,
  sortRows,
  type TrackingFilters,
} from '../../../components/options/tracking-model';
import { demoLedger } from '../../../lib/demo/sample-ledger';
import { planActions } from '../../../lib/domain/engine';
import { eventSchema } from '../../../lib/domain/schemas';

const today = '2026-11-25';
const ledger = demoLedger(today);
const rows = buildRows(ledger, planActions(ledger, today));
const byId = (id: string) => rows.find((row) => row.id === id)!;
const ids = (list: { id: string }[]) => list.map((row) => row.id).sort();

describe('tracking rows', () => {
  it('flatten each invoice with what the engine says of it', () => {
    const durand = byId('demo-f017');
    expect(durand).toMatchObject({
      clientName: 'Garage Durand SARL',
      amountCents: 356_040,
      paidCents: 100_000,
      remainingCents: 256_040,
      daysLate: 36,
      bucket: 'late_31_60',
      reachedTone: 'last_warning',
      lastAction: { type: 'reminder', date: '2026-11-11' },
      state: 'active',
    });
    expect(durand.next).toMatchObject({ channel: 'letter', tone: 'formal_notice' });
    expect(byId('demo-f008')).toMatchObject({ state: 'settled', remainingCents: 0, bucket: 'late_61_90' });
    expect(byId('demo-f051')).toMatchObject({ state: 'not_due', bucket: 'not_due', daysLate: 0 });
  });

  it.each<[string, Partial<TrackingFilters>, string[]]>([
    ['client name, any case', { query: 'MARTIN' }, ['demo-f008', 'demo-f042', 'demo-f051']],
    ['invoice number', { query: 'f-2026-033' }, ['demo-f033']],
    ['client email', { query: 'k.benali@' }, ['demo-a003', 'demo-f028']],
    ['segment', { segment: 'consumer' }, ['demo-f060']],
    ['state', { state: 'paused_dispute' }, ['demo-f028']],
    ['step reached', { step: 'last_warning' }, ['demo-f017']],
    ['no step yet', { step: 'none', segment: 'key_account' }, ['demo-a003']],
    ['age bucket', { bucket: 'late_31_60' }, ['demo-f017', 'demo-f019']],
    ['search and bucket together', { query: 'martin', bucket: 'late_1_30' }, ['demo-f042']],
  ])('filter by %s', (_, filters, expected) => {
    expect(ids(filterRows(rows, { ...noFilters, ...filters }))).toEqual(expected);
  });

  it('sorts by any column, both ways, ties by due date', () => {
    const byAmount = sortRows(rows, { key: 'amount', descending: true }).map((row) => row.amountCents);
    expect(byAmount).toEqual([...byAmount].sort((a, b) => b - a));
    const byClient = sortRows(rows, { key: 'client', descending: false }).map((row) => row.clientName);
    expect(byClient[0]).toBe('Atelier Bois & Co');
    expect(byClient.at(-1)).toBe('Traiteur Lefèvre');
    const martin = sortRows(filterRows(rows, { ...noFilters, query: 'martin' }), {
      key: 'client',
      descending: false,
    });
    expect(martin.map((row) => row.dueDate)).toEqual([...martin.map((row) => row.dueDate)].sort());
    // Rows with no next action come last when sorting by next date.
    const byNext = sortRows(rows, { key: 'next', descending: false });
    expect(byNext.at(-1)!.next).toBeUndefined();
  });
});

describe('bulk actions', () => {
  it('mark paid: one payment per open invoice for what is left, dated today', () => {
    const events = markPaidEvents([byId('demo-f017'), byId('demo-f008'), byId('demo-a003')], today);
    expect(events).toEqual([
      {
        id: expect.any(String),
        type: 'payment',
        clientId: 'demo-durand',
        invoiceIds: ['demo-f017'],
        date: today,
        amountCents: 256_040,
        note: '',
      },
    ]);
    for (const event of events) expect(eventSchema.safeParse(event).success).toBe(true);
    // The id of its content, as every event the user records.
    expect(eventOccurrence(events[0]!)).toBe(1);
  });

  it('pause groups by client and skips closed invoices; resume only ends manual pauses', () => {
    const chosen = [byId('demo-f042'), byId('demo-f051'), byId('demo-f008'), byId('demo-f060')];
    const pauses = pauseEvents(chosen, today);
    expect(pauses.map((event) => [event.clientId, event.invoiceIds])).toEqual([
      ['demo-martin', ['demo-f042', 'demo-f051']],
      ['demo-leroy', ['demo-f060']],
    ]);
    for (const event of pauses) expect(eventSchema.safeParse(event).success).toBe(true);
    expect(resumeEvents(chosen, today)).toEqual([]);

    const paused = {
      ...ledger,
      events: [...ledger.events, ...pauses.map((event) => eventSchema.parse(event))],
    };
    const after = buildRows(paused, planActions(paused, today));
    const pausedRows = after.filter((row) => row.state === 'paused_manual');
    expect(ids(pausedRows)).toEqual(['demo-f042', 'demo-f051', 'demo-f060']);
    expect(resumeEvents(pausedRows, today).map((event) => event.invoiceIds)).toEqual([
      ['demo-f042', 'demo-f051'],
      ['demo-f060'],
    ]);
  });
});

describe('CSV export', () => {
  it.each([
    [123_456, '1234,56'],
    [5, '0,05'],
    [0, '0,00'],
    [-1_050, '-10,50'],
  ])('writes %i cents as %s', (cents, text) => {
    expect(frenchDecimal(cents)).toBe(text);
  });

  it('has a BOM, French headers, semicolons and decimal commas', () => {
    const csv = trackingCsv([byId('demo-f017')]);
    expect(csv.startsWith('\ufeffClient;N° facture;E-mail;Segment;Montant TTC;Payé;Reste dû;')).toBe(true);
    const [header, line] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    const cell = (name: string) => line![header!.indexOf(name)];
    expect(cell('Client')).toBe('Garage Durand SARL');
    expect(cell('Montant TTC')).toBe('3560,40');
    expect(cell('Reste dû')).toBe('2560,40');
    expect(cell('Statut')).toBe('En relance');
    expect(cell('Étape atteinte')).toBe('Dernier avertissement');
    expect(cell('Date d’échéance')).toBe('2026-10-20');
  });

  it('defuses cells a spreadsheet would run as formulas, not negative amounts', () => {
    const row = {
      ...byId('demo-f017'),
      clientName: '=HYPERLINK("http://x")',
      number: '-cmd',
      amountCents: -500,
    };
    const [, line] = Papa.parse<string[]>(trackingCsv([row]).slice(1), { delimiter: ';' }).data;
    expect(line![0]).toBe('\'=HYPERLINK("http://x")');
    expect(line![1]).toBe("'-cmd");
    expect(line![4]).toBe('-5,00');
  });
});
