import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventId, eventOccurrence, newEvent } from '../../../lib/domain/ids';
import { openLedgerDb, type LedgerDb } from '../../../lib/store/db';
import { localChangeChannel, type LedgerChange } from '../../../lib/store/changes';
import { EventExistsError, LedgerValidationError } from '../../../lib/store/errors';
import { createLedgerRepository, type LedgerRepository } from '../../../lib/store/repository';

let db: LedgerDb;
let repo: LedgerRepository;
let changes: LedgerChange[];
let dbName: string;
let counter = 0;

beforeEach(async () => {
  dbName = `relance-test-${++counter}`;
  db = await openLedgerDb(dbName);
  const channel = localChangeChannel();
  changes = [];
  channel.subscribe((change) => changes.push(change));
  repo = createLedgerRepository(db, { channel, origin: 'test' });
});
afterEach(() => db.close());

const martin = { id: 'c1', name: 'Boulangerie Martin', emails: ['compta@boulangerie-martin.fr'] };
const invoice = {
  id: 'i1',
  number: 'F-2026-042',
  clientId: 'c1',
  issueDate: '2026-10-01',
  dueDate: '2026-10-31',
  amountCents: 123456,
};

describe('the ledger repository', () => {
  it('stores clients and invoices and reads them back as one ledger', async () => {
    await repo.saveClient(martin);
    await repo.saveInvoice(invoice);
    const ledger = await repo.loadLedger();
    expect(ledger.clients).toHaveLength(1);
    expect(ledger.invoices[0]).toMatchObject({ number: 'F-2026-042', currency: 'EUR', paidCents: 0 });
    expect(ledger.settings.language).toBe('fr');
    expect(changes.map((c) => c.areas)).toEqual([['clients'], ['invoices']]);
  });

  it('finds a client by any of its addresses, whatever the case', async () => {
    await repo.saveClient(martin);
    expect((await repo.clientsByEmail(' Compta@Boulangerie-Martin.FR'))[0]?.id).toBe('c1');
  });

  it('refuses an invalid record with the field named, and writes nothing', async () => {
    await expect(repo.saveClient({ ...martin, siren: '123' })).rejects.toThrow(/siren/);
    await expect(repo.saveInvoice({ ...invoice, clientId: 'nobody' })).rejects.toBeInstanceOf(
      LedgerValidationError,
    );
    expect(await repo.listClients()).toEqual([]);
    expect(await repo.listInvoices()).toEqual([]);
  });

  it('writes an import batch whole or not at all', async () => {
    await expect(
      repo.saveBatch({
        clients: [martin],
        invoices: [invoice, { ...invoice, id: 'i2', clientId: 'ghost' }],
      }),
    ).rejects.toThrow(/unknown client/);
    expect(await repo.listClients()).toEqual([]);
    await repo.saveBatch({
      clients: [martin],
      invoices: [invoice, { ...invoice, id: 'i2', number: 'F-2026-043' }],
    });
    expect(await repo.invoicesOf('c1')).toHaveLength(2);
  });

  it('keeps the history append-only', async () => {
    await repo.saveClient(martin);
    await repo.saveInvoice(invoice);
    const event = {
      id: 'e1',
      type: 'reminder' as const,
      clientId: 'c1',
      invoiceIds: ['i1'],
      date: '2026-11-02',
      stepId: 'b-friendly',
      channel: 'email' as const,
    };
    await repo.appendEvent(event);
    await expect(repo.appendEvent({ ...event, stepId: 'b-firm' })).rejects.toBeInstanceOf(EventExistsError);
    const history = await repo.eventsOfInvoice('i1');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ stepId: 'b-friendly' });
  });

  it('records the same content twice as two occurrences, each with its own derived id', async () => {
    await repo.saveClient(martin);
    await repo.saveInvoice(invoice);
    // Two payments of the same amount the same day: two facts, not one.
    const payment = newEvent({
      type: 'payment',
      clientId: 'c1',
      invoiceIds: ['i1'],
      date: '2026-11-02',
      amountCents: 10_000,
    });
    const first = await repo.appendEvent(payment);
    const second = await repo.appendEvent(payment);
    expect(first.id).toBe(eventId(payment));
    expect(second.id).toBe(eventId(payment, 2));
    expect([eventOccurrence(first), eventOccurrence(second)]).toEqual([1, 2]);
    const history = await repo.eventsOfInvoice('i1');
    expect(history.map((e) => e.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('never deletes a client that still has invoices', async () => {
    await repo.saveClient(martin);
    await repo.saveInvoice(invoice);
    expect(await repo.deleteClient('c1')).toBe(false);
    expect(await repo.getClient('c1')).toBeDefined();
  });

  it('keeps settings, company and rates validated', async () => {
    await expect(repo.saveSettings({ minDaysBetweenContacts: -3 })).rejects.toBeInstanceOf(
      LedgerValidationError,
    );
    await repo.saveSettings({ language: 'en', ownEmails: ['me@relance.test'] });
    expect(await repo.getSettings()).toMatchObject({ language: 'en', minDaysBetweenContacts: 5 });
    await repo.saveCompany({ legalName: 'Atelier Dupont SARL', siren: '123456789' });
    expect((await repo.getCompany()).siren).toBe('123456789');
    await repo.saveRates({
      halfYears: [{ period: '2026-H1', ecbBps: 215, legalConsumerBps: 667, legalOtherBps: 262 }],
    });
    expect((await repo.getRates()).halfYears).toHaveLength(1);
  });

  it('keeps attachments as bytes', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 test').buffer;
    await repo.putAttachment({
      id: 'a1',
      name: 'F-2026-042.pdf',
      type: 'application/pdf',
      bytes,
      addedAt: '2026-11-25',
    });
    const stored = await repo.getAttachment('a1');
    expect(new TextDecoder().decode(stored!.bytes)).toBe('%PDF-1.7 test');
  });

  it('deletes one of the user’s scenarios, so the segment’s default applies again', async () => {
    const steps = [{ id: 's1', offsetDays: 2, channel: 'email', tone: 'friendly', templateId: 'friendly' }];
    await repo.saveScenario({ id: 'mine', name: 'Mon scénario', segment: 'business', steps });
    expect((await repo.loadLedger()).scenarios.map((s) => s.id)).toEqual(['mine']);
    changes.length = 0;
    await repo.deleteScenario('mine');
    expect((await repo.loadLedger()).scenarios).toEqual([]);
    expect(changes.map((c) => c.areas)).toEqual([['scenarios']]);
  });

  it('reads settings written before a field existed with that field’s default', async () => {
    // As stored by the first version: no `templates` yet.
    const { templates: _, ...older } = await repo.getSettings();
    await db.put('meta', { ...older, minDaysBetweenContacts: 7 }, 'settings');
    const settings = await repo.getSettings();
    expect(settings.minDaysBetweenContacts).toBe(7);
    expect(settings.templates).toEqual({});
    expect((await repo.loadLedger()).settings.templates).toEqual({});
  });
});
