import { localIsoDate } from '../../lib/domain/calendar';
import { demoLedger } from '../../lib/demo/sample-ledger';
import type { LedgerRepository } from '../../lib/store/repository';

/**
 * Demo builds (`npm run demo`) start with the sample studio's ledger so a newcomer sees every
 * step at once. Regular builds never carry it: the flag is replaced at build time and the demo
 * data is dropped from the bundle.
 */
export async function seedDemoIfEmpty(repo: LedgerRepository): Promise<void> {
  if (import.meta.env.WXT_RELANCE_DEMO !== 'true') return;
  if ((await repo.listClients()).length > 0) return;
  const ledger = demoLedger(localIsoDate(new Date()));
  await repo.saveCompany(ledger.company);
  await repo.saveSettings(ledger.settings);
  await repo.saveRates(ledger.rates);
  await repo.saveBatch({ clients: ledger.clients, invoices: ledger.invoices });
  for (const event of ledger.events) await repo.appendEvent(event);
}
