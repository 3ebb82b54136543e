import type { MessageKey, MessageParams } from '../../i18n';
import type { SyncErrorCode } from './area';

/** Where sync stands, as the background publishes it for the pages. Plain data: it goes through storage.local. */
export interface SyncStatus {
  state: 'starting' | 'synced' | 'pending' | 'error';
  /** Milliseconds since the epoch. */
  updatedAt: number;
  lastSyncedAt?: number;
  /** Invoices and clients kept on this device only, by reason. */
  localOnly: { quota: number; settledOld: number };
  settledAfterDays: number;
  /** Bytes of the area in use after the last exchange, and the area's total. */
  bytesInUse: number;
  quotaBytes: number;
  error?: { code: SyncErrorCode; detail: string };
  /** When a deferred or failed write is tried again. */
  retryAt?: number;
}

export function initialStatus(nowMs: number, quotaBytes: number): SyncStatus {
  return {
    state: 'starting',
    updatedAt: nowMs,
    localOnly: { quota: 0, settledOld: 0 },
    settledAfterDays: 90,
    bytesInUse: 0,
    quotaBytes,
  };
}

export interface StatusText {
  headline: string;
  details: string[];
}

/** The status in plain words, for the options page, the popup and the tests. */
export function describeSyncStatus(
  status: SyncStatus,
  t: (key: MessageKey, params?: MessageParams) => string,
  formatTime: (ms: number) => string = (ms) => new Date(ms).toLocaleTimeString(),
): StatusText {
  const headline =
    status.state === 'error' && status.error
      ? t('sync.state.failed', {
          reason: t(`sync.error.${status.error.code}`, { detail: status.error.detail }),
        })
      : t(status.state === 'error' ? 'sync.state.pending' : `sync.state.${status.state}`);
  const details: string[] = [];
  const { quota, settledOld } = status.localOnly;
  const count = quota + settledOld;
  if (count > 0) {
    details.push(count === 1 ? t('sync.localOnly.one') : t('sync.localOnly.other', { count }));
    if (quota > 0) details.push(t('sync.because.quota', { count: quota }));
    if (settledOld > 0)
      details.push(t('sync.because.settledOld', { count: settledOld, days: status.settledAfterDays }));
  }
  if (count > 0 || status.state === 'error') details.push(t('sync.safe'));
  if (status.retryAt !== undefined && status.state !== 'synced')
    details.push(t('sync.retryAt', { time: formatTime(status.retryAt) }));
  return { headline, details };
}
