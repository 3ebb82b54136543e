import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../lib/domain/schemas';
import { translator } from '../../../lib/i18n';
import { localChangeChannel, type LedgerChange } from '../../../lib/store/changes';
import { openLedgerDb, type LedgerDb } from '../../../lib/store/db';
import { createLedgerRepository } from '../../../lib/store/repository';
import { buildItems, decodeManifest, MANIFEST_KEY, stateEntries } from '../../../lib/store/sync/chunking';
import { packText, unpackText } from '../../../lib/store/sync/compress';
import { createClock } from '../../../lib/store/sync/hlc';
import { fromLedger } from '../../../lib/store/sync/ledger-bridge';
import {
  createSyncService,
  type SyncService,
  type SyncServiceOptions,
} from '../../../lib/store/sync/service';
import { describeSyncStatus } from '../../../lib/store/sync/status';
import { generateLedger } from '../../support/generate-ledger';
import { memoryArea, type MemoryArea } from './sync/memory-area';

const TODAY = '2026-06-15';
let counter = 0;
const open: { db: LedgerDb; service: SyncService }[] = [];
afterEach(() => {
  for (const { db, service } of open.splice(0)) {
    service.stop();
    db.close();
  }
});

async function browser(area: MemoryArea, time: { t: number }, options: Partial<SyncServiceOptions> = {}) {
  const db = await openLedgerDb(`relance-sync-${++counter}`);
  const channel = localChangeChannel();
  const announced: LedgerChange[] = [];
  channel.subscribe((change) => announced.push(change));
  const repo = createLedgerRepository(db, { channel, origin: 'page' });
  const service = createSyncService({ area, db, channel, now: () => time.t, today: () => TODAY, ...options });
  open.push({ db, service });
  return { db, repo, service, announced };
}

async function fill(db: LedgerDb, ledger: Ledger) {
  const tx = db.transaction(['clients', 'invoices', 'events', 'meta'], 'readwrite');
  for (const c of ledger.clients) void tx.objectStore('clients').put(c);
  for (const i of ledger.invoices) void tx.objectStore('invoices').put(i);
  for (const e of ledger.events) void tx.objectStore('events').put(e);
  void tx.objectStore('meta').put(ledger.settings, 'settings');
  await tx.done;
}

const martin = { id: 'c1', name: 'Boulangerie Martin', emails: ['compta@martin.fr'] };
const invoice = {
  id: 'i1',
  number: 'F-2026-042',
  clientId: 'c1',
  issueDate: '2026-05-01',
  dueDate: '2026-05-31',
  amountCents: 120_000,
};

describe('the sync service', { timeout: 30_000 }, () => {
  it('takes over what the previous version wrote (format 2) and rewrites it in format 3', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    // The previous version's items: ids written in full, chunks packed without the primer.
    const generated = generateLedger({ invoices: 30, today: TODAY, seed: 12 });
    const clientIds = new Map(generated.clients.map((c, i) => [c.id, `c${i + 1}`]));
    const old: Ledger = {
      ...generated,
      clients: generated.clients.map((c) => ({ ...c, id: clientIds.get(c.id)! })),
      invoices: generated.invoices.map((v, i) => ({
        ...v,
        id: `i${i + 1}`,
        clientId: clientIds.get(v.clientId)!,
      })),
      events: [],
    };
    const built = buildItems(
      stateEntries(
        fromLedger(
          old,
          createClock('old', () => time.t),
        ),
      ),
      undefined,
    );
    for (const [key, value] of Object.entries(built.items)) {
      if (key !== MANIFEST_KEY) expect(unpackText(value)).not.toMatch(/~[A-Za-z]=/);
      area.items.set(
        key,
        key === MANIFEST_KEY
          ? value.replace(/^3\|/, '2|')
          : packText(unpackText(value).replace(/^3\|/, '2|'), false),
      );
    }
    expect(decodeManifest(area.items.get(MANIFEST_KEY))?.version).toBe('2');
    const b = await browser(area, time);
    expect((await b.service.syncNow()).state).toBe('synced');
    const ledger = await b.repo.loadLedger();
    expect(ledger.clients.map((c) => c.id).sort()).toEqual(old.clients.map((c) => c.id).sort());
    expect(ledger.invoices.map((i) => i.id).sort()).toEqual(old.invoices.map((i) => i.id).sort());
    expect(decodeManifest(area.items.get(MANIFEST_KEY))?.version).toBe('3');
    for (const [key, value] of area.items)
      if (key !== MANIFEST_KEY) expect(String(value)).toMatch(/^[0-9A-Za-z]{1,5}'/);
  });

  it('brings an edit made on one browser into the other one’s ledger, announced as from sync', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time);
    const b = await browser(area, time);
    await a.repo.saveClient(martin);
    await a.repo.saveInvoice(invoice);
    await a.repo.appendEvent({
      id: 'e1',
      type: 'reminder',
      clientId: 'c1',
      invoiceIds: ['i1'],
      date: '2026-06-02',
      stepId: 's1',
      channel: 'email',
    });
    expect((await a.service.syncNow()).state).toBe('synced');
    await b.service.syncNow();
    expect(await b.repo.getClient('c1')).toEqual(await a.repo.getClient('c1'));
    expect(await b.repo.getInvoice('i1')).toEqual(await a.repo.getInvoice('i1'));
    expect((await b.repo.eventsOfInvoice('i1')).map((e) => e.id)).toEqual(['e1']);
    expect(b.announced).toContainEqual({
      areas: expect.arrayContaining(['clients', 'invoices', 'events']),
      origin: 'sync',
      fromSync: true,
    });
  });

  it('keeps both edits when two browsers change different fields of one client at once', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time);
    const b = await browser(area, time);
    await a.repo.saveClient(martin);
    await a.service.syncNow();
    await b.service.syncNow();
    time.t += 1_000;
    await a.repo.saveClient({ ...(await a.repo.getClient('c1'))!, name: 'Boulangerie Martin & fils' });
    await b.repo.saveClient({
      ...(await b.repo.getClient('c1'))!,
      notes: 'Appeler le mardi',
      emails: ['compta@martin.fr', 'paie@martin.fr'],
    });
    await a.service.syncNow();
    await b.service.syncNow();
    await a.service.syncNow();
    for (const x of [a, b]) {
      const client = (await x.repo.getClient('c1'))!;
      expect(client.name).toBe('Boulangerie Martin & fils');
      expect(client.notes).toBe('Appeler le mardi');
      expect(client.emails).toEqual(['compta@martin.fr', 'paie@martin.fr']);
    }
  });

  it('carries a deletion to the other browser', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time);
    const b = await browser(area, time);
    await a.repo.saveClient(martin);
    await a.repo.saveClient({ id: 'c2', name: 'Garage Dubois' });
    await a.service.syncNow();
    await b.service.syncNow();
    expect(await b.repo.getClient('c2')).toBeDefined();
    time.t += 1_000;
    expect(await a.repo.deleteClient('c2')).toBe(true);
    await a.service.syncNow();
    await b.service.syncNow();
    expect(await b.repo.getClient('c2')).toBeUndefined();
    expect(await b.repo.getClient('c1')).toBeDefined();
  });

  it('when the space is full, syncs the most urgent open invoices, keeps everything locally and says how many stay', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time);
    const ledger = generateLedger({ invoices: 12_000, today: TODAY, seed: 5 });
    await fill(a.db, ledger);
    const status = await a.service.syncNow();
    expect(status.state).toBe('synced');
    expect(area.bytesInUse()).toBeLessThanOrEqual(102_400);
    expect(area.bytesInUse()).toBeGreaterThan(95_000);
    expect(status.bytesInUse).toBe(area.bytesInUse());
    expect(status.localOnly.quota).toBeGreaterThan(0);
    expect((await a.repo.listInvoices()).length).toBe(12_000);
    expect(describeSyncStatus(status, translator('fr')).details[0]).toBe(
      `${status.localOnly.quota + status.localOnly.settledOld} éléments conservés sur cet appareil uniquement`,
    );
    const b = await browser(area, time);
    await b.service.syncNow();
    const received = await b.repo.listInvoices();
    expect(received.length).toBeGreaterThan(3_000);
    // What made it across is the invoices falling due first among the open ones.
    const receivedIds = new Set(received.map((i) => i.id));
    const paid = new Map<string, number>();
    for (const e of ledger.events)
      if (e.type === 'payment') paid.set(e.invoiceIds[0]!, (paid.get(e.invoiceIds[0]!) ?? 0) + e.amountCents);
    const openOnes = ledger.invoices.filter(
      (i) => !i.isCreditNote && i.amountCents - i.paidCents - (paid.get(i.id) ?? 0) > 0,
    );
    const firstDue = [...openOnes].sort((x, y) =>
      x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.id < y.id ? -1 : 1,
    );
    expect(firstDue.slice(0, 3_000).every((i) => receivedIds.has(i.id))).toBe(true);
  }, 120_000);

  it('writes only the chunks that changed, in one batch', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time);
    await fill(a.db, generateLedger({ invoices: 3_000, today: TODAY, seed: 9 }));
    await a.service.syncNow();
    const items = area.items.size;
    expect(items).toBeGreaterThan(5);
    const writes: string[][] = [];
    const set = area.set.bind(area);
    area.set = async (values) => {
      writes.push(Object.keys(values));
      return set(values);
    };
    time.t += 10_000;
    const some = (await a.repo.listInvoices())[123]!;
    await a.repo.saveInvoice({ ...some, paymentTerms: 'Paiement à 30 jours fin de mois' });
    await a.service.syncNow();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.filter((key) => key !== MANIFEST_KEY).length).toBeLessThanOrEqual(2);
  });

  it('waits instead of writing past the rate limit, and loses nothing meanwhile', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t, { writesPerMinute: 3, writesPerHour: 1_000 });
    const a = await browser(area, time, { limits: { writesPerMinute: 3, writesPerHour: 1_000 } });
    const b = await browser(area, time);
    const states: string[] = [];
    for (let n = 1; n <= 4; n++) {
      await a.repo.saveClient({ id: `c${n}`, name: `Client ${n}` });
      states.push((await a.service.syncNow()).state);
      time.t += 1_000;
    }
    expect(states).toContain('pending');
    expect(a.service.status().retryAt).toBeGreaterThan(time.t);
    time.t += 120_000;
    expect((await a.service.syncNow()).state).toBe('synced');
    await b.service.syncNow();
    expect((await b.repo.listClients()).map((c) => c.id).sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('reports a write the area refuses and tries again later, the ledger intact', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time);
    await a.repo.saveClient(martin);
    area.failWith = 'Sync is disabled';
    const failed = await a.service.syncNow();
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('unavailable');
    expect(describeSyncStatus(failed, translator('fr')).headline).toBe(
      'La synchronisation a échoué : la synchronisation est désactivée ou indisponible dans ce navigateur',
    );
    expect(await a.repo.getClient('c1')).toBeDefined();
    area.failWith = undefined;
    expect((await a.service.syncNow()).state).toBe('synced');
  });

  it('never overwrites data written by a newer version it cannot read', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    await area.set({ [MANIFEST_KEY]: '9||r1}abc', 'r:r1': '9|x' });
    const a = await browser(area, time);
    await a.repo.saveClient(martin);
    const status = await a.service.syncNow();
    expect(status.error?.code).toBe('newer_format');
    expect(describeSyncStatus(status, translator('en')).headline).toBe(
      'Sync failed: another browser uses a newer version of Relance; update this extension',
    );
    expect(area.items.get('r:r1')).toBe('9|x');
  });

  it('after a restart, neither rewrites the area nor takes its own ledger for new edits', async () => {
    const time = { t: 1_780_000_000_000 };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time);
    await fill(a.db, generateLedger({ invoices: 200, today: TODAY, seed: 2 }));
    await a.service.syncNow();
    const writes = area.writes;
    a.service.stop();
    time.t += 60_000;
    const restarted = createSyncService({ area, db: a.db, now: () => time.t, today: () => TODAY });
    open.push({ db: a.db, service: restarted });
    expect((await restarted.syncNow()).state).toBe('synced');
    expect(area.writes).toBe(writes);
  });

  it('syncs by itself, batched, after the pages announce a change', async () => {
    const time = { t: Date.now() };
    const area = memoryArea(() => time.t);
    const a = await browser(area, time, { debounceMs: 20, now: () => Date.now() });
    await a.service.start();
    await a.repo.saveClient(martin);
    await a.repo.saveInvoice(invoice);
    await expect
      .poll(() => [...area.items.keys()].some((k) => k.startsWith('r:')) && a.service.status().state, {
        timeout: 2_000,
      })
      .toBe('synced');
    const b = await browser(area, time);
    await b.service.syncNow();
    expect(await b.repo.getInvoice('i1')).toBeDefined();
  });

  it('fits the Outlook roaming settings (32 KB) when given their limits', async () => {
    const time = { t: 1_780_000_000_000 };
    const limits = { quotaBytes: 32_768, quotaBytesPerItem: 32_768, maxItems: 512 };
    const area = memoryArea(() => time.t, limits);
    const a = await browser(area, time, { limits });
    await fill(a.db, generateLedger({ invoices: 5_000, today: TODAY, seed: 4 }));
    const status = await a.service.syncNow();
    expect(status.state).toBe('synced');
    expect(area.bytesInUse()).toBeLessThanOrEqual(32_768);
    expect(status.localOnly.quota).toBeGreaterThan(0);
  });
});
