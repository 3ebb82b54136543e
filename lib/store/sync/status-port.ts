import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { SyncStatus } from './status';

/** Where the background leaves the sync status for the pages (storage.local: per device, never synced). */
export const SYNC_STATUS_KEY = 'relance.syncStatus';

const count = z.number().int().min(0);
const syncStatusSchema = z.object({
  state: z.enum(['starting', 'synced', 'pending', 'error']),
  updatedAt: z.number(),
  lastSyncedAt: z.number().optional(),
  localOnly: z.object({ quota: count, settledOld: count }),
  settledAfterDays: count,
  bytesInUse: count,
  quotaBytes: count,
  error: z
    .object({
      code: z.enum(['rate_limit', 'quota', 'unavailable', 'newer_format', 'corrupt', 'unknown']),
      detail: z.string(),
    })
    .optional(),
  retryAt: z.number().optional(),
});

export function parseSyncStatus(value: unknown): SyncStatus | undefined {
  const parsed = syncStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

type Changes = Record<string, { newValue?: unknown }>;
/** The part of `browser.storage.local` used here. */
export interface LocalAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  onChanged: {
    addListener(l: (changes: Changes) => void): void;
    removeListener(l: (changes: Changes) => void): void;
  };
}

const defaultArea = (): LocalAreaLike => browser.storage.local as unknown as LocalAreaLike;

export function publishSyncStatus(status: SyncStatus, area: LocalAreaLike = defaultArea()): Promise<void> {
  return area.set({ [SYNC_STATUS_KEY]: status });
}

/** Calls back with the current status, then with every new one; returns the function that stops it. */
export function watchSyncStatus(
  callback: (status: SyncStatus) => void,
  area: LocalAreaLike = defaultArea(),
): () => void {
  let stopped = false;
  const listener = (changes: Changes) => {
    const status =
      SYNC_STATUS_KEY in changes ? parseSyncStatus(changes[SYNC_STATUS_KEY]!.newValue) : undefined;
    if (status && !stopped) callback(status);
  };
  area.onChanged.addListener(listener);
  void area.get(SYNC_STATUS_KEY).then((items) => {
    const status = parseSyncStatus(items[SYNC_STATUS_KEY]);
    if (status && !stopped) callback(status);
  });
  return () => {
    stopped = true;
    area.onChanged.removeListener(listener);
  };
}
