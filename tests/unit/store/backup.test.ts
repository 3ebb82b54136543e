import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, summariseRestore } from '../../../lib/store/backup';
import { exportBackup, restoreBackup } from '../../../lib/store/backup-io';
import { openLedgerDb, type LedgerDb } from '../../../lib/store/db';
import { createLedgerRepository, type LedgerRepository } from '../../../lib/store/repository';

let db: LedgerDb;
let repo: LedgerRepository;
let n = 0;

beforeEach(async () => {
  db = await openLedgerDb(`backup-test-${++n}`);
  repo = createLedgerRepository(db);
  await repo.saveClient({ id: 'c1', name: 'Boulangerie Martin', emails: ['compta@boulangerie-martin.fr'] });
  await repo.saveInvoice({
    id: 'i1',
    number: 'F-2026-042',
    clientId: 'c1',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    amountCents: 123456,
  });
  await repo.appendEvent({
    id: 'e1',
    type: 'reminder',
    clientId: 'c1',
    invoiceIds: ['i1'],
    date: '2026-11-02',
    stepId: 'b-friendly',
    channel: 'email',
  });
  await repo.putAttachment({
    id: 'pdf1',
    name: 'F-2026-042.pdf',
    type: 'application/pdf',
    bytes: new Uint8Array([37, 80, 68, 70, 0, 255]).buffer,
    addedAt: '2026-11-01',
  });
});
afterEach(() => db.close());

describe('backup', () => {
  it('round-trips the whole ledger, attachments included, into an empty browser', async () => {
    const text = serializeBackup(await exportBackup(repo, new Date('2026-11-25T10:00:00Z')));
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;

    const fresh = await openLedgerDb(`backup-target-${n}`);
    const target = createLedgerRepository(fresh);
    expect(summariseRestore(await target.loadLedger(), parsed.backup)).toMatchObject({
      clients: { added: 1, updated: 0, unchanged: 0 },
      invoices: { added: 1 },
      events: { added: 1 },
      attachments: 1,
    });
    await restoreBackup(fresh, parsed.backup);
    const restored = await target.loadLedger();
    expect(restored.invoices[0]?.number).toBe('F-2026-042');
    expect(restored.events).toHaveLength(1);
    expect([...new Uint8Array((await target.getAttachment('pdf1'))!.bytes)]).toEqual([
      37, 80, 68, 70, 0, 255,
    ]);
    fresh.close();
  });

  it('summarises a restore over changed data before writing it', async () => {
    const backup = await exportBackup(repo);
    await repo.saveInvoice({ ...backup.ledger.invoices[0]!, amountCents: 99 });
    await repo.saveClient({ id: 'c2', name: 'Mairie de Vénissieux', segment: 'public' });
    const summary = summariseRestore(await repo.loadLedger(), backup);
    expect(summary.invoices).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(summary.clients).toEqual({ added: 0, updated: 0, unchanged: 1 });
    // Nothing was written by summarising.
    expect((await repo.getInvoice('i1'))?.amountCents).toBe(99);
    await restoreBackup(db, backup);
    expect((await repo.getInvoice('i1'))?.amountCents).toBe(123456);
    // A client only on this device stays.
    expect(await repo.getClient('c2')).toBeDefined();
  });

  it.each([
    ['not JSON at all', 'PK\u0003\u0004 binary', 'not_json'],
    ['another JSON file', '{"hello":"world"}', 'not_a_backup'],
    ['a backup from a newer version', '{"format":"relance-backup","version":99}', 'newer_version'],
  ])('refuses %s, saying why', (_label, text, code) => {
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.code).toBe(code);
  });

  it('refuses a backup whose records fail validation and names the field; the ledger is untouched', async () => {
    const backup = await exportBackup(repo);
    const broken = JSON.parse(serializeBackup(backup));
    broken.ledger.invoices[0].dueDate = '2026-02-30';
    const parsed = parseBackup(JSON.stringify(broken));
    expect(parsed).toMatchObject({
      ok: false,
      problem: { code: 'invalid', path: 'ledger.invoices.0.dueDate' },
    });
    expect((await repo.loadLedger()).invoices[0]?.dueDate).toBe('2026-10-31');
  });
});
