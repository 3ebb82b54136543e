import type { LedgerDb } from './db';
import type { ChangeChannel } from './changes';
import { createBackup, fromBase64, toBase64, type Backup } from './backup';
import type { LedgerRepository } from './repository';

/** Reads everything, attachments included, into a backup value. */
export async function exportBackup(repo: LedgerRepository, now = new Date()): Promise<Backup> {
  const ledger = await repo.loadLedger();
  const attachments = (await repo.db.getAll('attachments')).map(({ id, name, type, bytes, addedAt }) => ({
    id,
    name,
    type,
    addedAt,
    base64: toBase64(bytes),
  }));
  return createBackup(ledger, attachments, now);
}

/**
 * Writes a validated backup in one transaction: merged by id, events only added. If anything
 * fails midway the transaction aborts and the ledger is as it was.
 */
export async function restoreBackup(db: LedgerDb, backup: Backup, channel?: ChangeChannel): Promise<void> {
  const { ledger } = backup;
  const tx = db.transaction(
    ['clients', 'invoices', 'events', 'scenarios', 'attachments', 'meta'],
    'readwrite',
  );
  const events = tx.objectStore('events');
  const knownEvents = new Set(await events.getAllKeys());
  await Promise.all([
    ...ledger.clients.map((client) => tx.objectStore('clients').put(client)),
    ...ledger.invoices.map((invoice) => tx.objectStore('invoices').put(invoice)),
    ...ledger.events.filter((event) => !knownEvents.has(event.id)).map((event) => events.add(event)),
    ...ledger.scenarios.map((scenario) => tx.objectStore('scenarios').put(scenario)),
    ...backup.attachments.map(({ base64, ...rest }) =>
      tx.objectStore('attachments').put({ ...rest, bytes: fromBase64(base64) }),
    ),
    tx.objectStore('meta').put(ledger.settings, 'settings'),
    tx.objectStore('meta').put(ledger.company, 'company'),
    tx.objectStore('meta').put(ledger.rates, 'rates'),
  ]);
  await tx.done;
  channel?.publish({
    areas: ['clients', 'invoices', 'events', 'scenarios', 'attachments', 'settings'],
    origin: 'backup',
  });
}
