import type { Worker } from 'playwright-core';
import type { Ledger } from '../../lib/domain/schemas';

/**
 * Writes a ledger into the extension's IndexedDB from its background worker, the way any page of
 * the extension writes it (same database, same stores), then announces the change on the ledger's
 * BroadcastChannel so every open page and the badge refresh. `ledger` must be parsed already
 * (ledgerSchema.parse), as the repository would have stored it.
 */
export async function seedLedger(background: Worker, ledger: Ledger, options: { clear?: boolean } = {}) {
  await background.evaluate(
    async ({ ledger, clear }) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      // The background creates the database at start; wait for it rather than create an empty one.
      let version = 0;
      for (let tries = 0; tries < 100 && version === 0; tries++) {
        const found = (await indexedDB.databases()).find((db) => db.name === 'relance');
        version = found?.version ?? 0;
        if (version === 0) await new Promise((r) => setTimeout(r, 50));
      }
      if (version === 0) throw new Error('the extension never created its database');
      const open = indexedDB.open('relance', version);
      const db = await request(open);
      const stores = ['clients', 'invoices', 'events', 'scenarios', 'meta'] as const;
      const tx = db.transaction([...stores], 'readwrite');
      if (clear) for (const store of stores) tx.objectStore(store).clear();
      for (const client of ledger.clients) tx.objectStore('clients').put(client);
      for (const invoice of ledger.invoices) tx.objectStore('invoices').put(invoice);
      for (const event of ledger.events) tx.objectStore('events').put(event);
      for (const scenario of ledger.scenarios) tx.objectStore('scenarios').put(scenario);
      tx.objectStore('meta').put(ledger.company, 'company');
      tx.objectStore('meta').put(ledger.rates, 'rates');
      tx.objectStore('meta').put(ledger.settings, 'settings');
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      const channel = new BroadcastChannel('relance-ledger-changes');
      channel.postMessage({ areas: ['clients', 'invoices', 'events', 'settings'], origin: 'test-seed' });
      channel.close();
    },
    { ledger, clear: options.clear ?? true },
  );
}

/** The badge text of the extension's action, read from the background. */
export function badgeText(background: Worker): Promise<string> {
  return background.evaluate(() => chrome.action.getBadgeText({}));
}
