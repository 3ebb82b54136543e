import { browser } from 'wxt/browser';
import { localIsoDate } from '../../lib/domain/calendar';
import type { ChangeChannel } from '../../lib/store/changes';
import type { LedgerDb } from '../../lib/store/db';
import type { LedgerRepository } from '../../lib/store/repository';
import { storageSyncArea, type StorageAreaLike } from '../../lib/store/sync/area';
import { createSyncService } from '../../lib/store/sync/service';
import type { SyncStatus } from '../../lib/store/sync/status';
import { publishSyncStatus } from '../../lib/store/sync/status-port';

/**
 * Sync between the user's browsers, run by the background: the one writer of storage.sync. The
 * status goes to storage.local for the pages (see watchSyncStatus).
 */
export function startSync(deps: {
  db: LedgerDb;
  repo: LedgerRepository;
  channel: ChangeChannel & { close(): void };
}): { stop(): void; status(): SyncStatus } {
  const publish = (status: SyncStatus) =>
    void publishSyncStatus(status).catch((error: unknown) => console.error('[Relance] sync status', error));
  const service = createSyncService({
    area: storageSyncArea(browser.storage.sync as unknown as StorageAreaLike),
    db: deps.db,
    channel: deps.channel,
    today: () => localIsoDate(new Date()),
    onStatus: publish,
  });
  void service.start().catch((error: unknown) => console.error('[Relance] sync', error));
  return { stop: () => service.stop(), status: () => service.status() };
}
