import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Ledger } from '../../lib/domain/schemas';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import { generateLedger } from '../support/generate-ledger';

const TODAY = new Date().toISOString().slice(0, 10);

/** Writes records straight into the extension's IndexedDB, then tells the background, as a page does. */
async function writeLedger(page: Page, part: Partial<Ledger>) {
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('relance');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['clients', 'invoices', 'events'], 'readwrite');
    for (const c of data.clients ?? []) tx.objectStore('clients').put(c);
    for (const i of data.invoices ?? []) tx.objectStore('invoices').put(i);
    for (const e of data.events ?? []) tx.objectStore('events').put(e);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const channel = new BroadcastChannel('relance-ledger-changes');
    channel.postMessage({ areas: ['clients', 'invoices', 'events'], origin: 'test' });
    channel.close();
  }, part);
}

async function countInvoices(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('relance');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction('invoices').objectStore('invoices').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  });
}

async function clientIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('relance');
      request.onsuccess = () => resolve(request.result);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = db.transaction('clients').objectStore('clients').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return keys.map(String);
  });
}

interface Status {
  state: string;
  localOnly: { quota: number; settledOld: number };
  updatedAt: number;
}
const status = (b: ExtensionBrowser) =>
  b.background.evaluate(
    async () =>
      (await chrome.storage.local.get('relance.syncStatus'))['relance.syncStatus'] as Status | undefined,
  );

async function sidebar(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/sidebar.html`);
  return page;
}

describe('sync through the real storage.sync', () => {
  let first: ExtensionBrowser;
  let page: Page;
  // More open invoices than storage.sync holds even compressed (about 4,000).
  const ledger = generateLedger({ invoices: 9_000, today: TODAY, seed: 21 });

  beforeAll(async () => {
    first = await launchWithExtension();
    page = await sidebar(first);
  });
  afterAll(async () => {
    await first?.close();
  });

  it('fills storage.sync up to its quota, keeps every invoice locally and says how many stay on this device', async () => {
    await writeLedger(page, ledger);
    await expect
      .poll(async () => (await status(first))?.localOnly.quota ?? 0, { timeout: 60_000, interval: 500 })
      .toBeGreaterThan(0);
    await expect.poll(async () => (await status(first))?.state, { timeout: 30_000 }).toBe('synced');
    const bytes = await first.background.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    expect(bytes).toBeGreaterThan(80_000);
    expect(bytes).toBeLessThanOrEqual(102_400);
    expect(await countInvoices(page)).toBe(ledger.invoices.length);
    const { localOnly } = (await status(first))!;
    const line = page.getByTestId('sync-status');
    await expect
      .poll(() => line.textContent(), { timeout: 10_000 })
      .toContain(`${localOnly.quota + localOnly.settledOld} éléments conservés sur cet appareil uniquement`);
    expect(await line.textContent()).toContain('Synchronisé');
  });

  it('merges with a second browser profile through the items they share', async () => {
    const second = await launchWithExtension();
    try {
      const other = await sidebar(second);
      const own = {
        id: 'c-second',
        name: 'Client du second navigateur',
        emails: ['compta@second.fr'],
        domains: [],
        address: [],
        segment: 'business',
        relationship: 'regular',
        language: 'fr',
        contact: { civility: 'none', firstName: '', lastName: '', role: '', phone: '' },
        notes: '',
      };
      // Long overdue: the most urgent invoice of all, so the planner keeps it in the full space.
      const overdue = {
        id: 'i-second',
        number: 'B-0001',
        clientId: 'c-second',
        issueDate: '2024-01-02',
        dueDate: '2024-02-01',
        amountCents: 99_000,
        currency: 'EUR',
        paidCents: 0,
        paymentTerms: '',
        isCreditNote: false,
      };
      await writeLedger(other, { clients: [own as Ledger['clients'][number]], invoices: [overdue] });
      await expect.poll(async () => (await status(second))?.state, { timeout: 30_000 }).toBe('synced');

      // What Chrome Sync would carry from the first profile to the second.
      const items = await first.background.evaluate(() => chrome.storage.sync.get(null));
      await second.background.evaluate(async (values) => {
        await chrome.storage.sync.clear();
        await chrome.storage.sync.set(values);
      }, items);
      await expect
        .poll(() => countInvoices(other), { timeout: 60_000, interval: 500 })
        .toBeGreaterThan(3_000);
      expect(await clientIds(other)).toContain('c-second');

      // And back: the second profile rewrote the area with both ledgers merged.
      await expect
        .poll(
          async () =>
            JSON.stringify(await second.background.evaluate(() => chrome.storage.sync.get(null))) !==
            JSON.stringify(items),
          { timeout: 30_000 },
        )
        .toBe(true);
      await expect.poll(async () => (await status(second))?.state, { timeout: 30_000 }).toBe('synced');
      const merged = await second.background.evaluate(() => chrome.storage.sync.get(null));
      await first.background.evaluate(async (values) => {
        await chrome.storage.sync.clear();
        await chrome.storage.sync.set(values);
      }, merged);
      await expect.poll(() => clientIds(page), { timeout: 30_000, interval: 500 }).toContain('c-second');
      expect(await countInvoices(page)).toBe(ledger.invoices.length + 1);
    } finally {
      await second.close();
    }
  });
});
