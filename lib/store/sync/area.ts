/**
 * The storage the replicas meet in, as a port: `storage.sync` in the extension, Office
 * `roamingSettings` in the Outlook add-in. Only what the sync service needs.
 */
export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Changes made by anyone, this browser included; returns the unsubscribe function. */
  onChanged(
    listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => void,
  ): () => void;
}

export type SyncErrorCode = 'rate_limit' | 'quota' | 'unavailable' | 'newer_format' | 'corrupt' | 'unknown';

/** A write the area refused; `code` says why, so the service knows whether waiting helps. */
export class SyncAreaError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncAreaError';
  }
}

/**
 * Chrome and Firefox reject a write over a limit with a message naming the limit, e.g.
 * "QUOTA_BYTES_PER_ITEM quota exceeded" or "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded".
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function classifyAreaError(error: unknown): SyncAreaError {
  if (error instanceof SyncAreaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED_WRITE|rate/i.test(message))
    return new SyncAreaError('rate_limit', message);
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(message)) return new SyncAreaError('quota', message);
  if (/disabled|not available|undefined|sync is off|managed/i.test(message))
    return new SyncAreaError('unavailable', message);
  return new SyncAreaError('unknown', message);
}

/** The subset of `browser.storage.sync` (WebExtension StorageArea) the adapter uses. */
export interface StorageAreaLike {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  onChanged: {
    addListener(
      listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => void,
    ): void;
    removeListener(
      listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => void,
    ): void;
  };
}

/** A WebExtension storage area as a SyncArea; its errors come back classified. */
export function storageSyncArea(area: StorageAreaLike): SyncArea {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw classifyAreaError(error);
    }
  };
  return {
    get: () => guard(() => area.get(null)),
    set: (items) => guard(() => area.set(items)),
    remove: (keys) => guard(() => area.remove(keys)),
    onChanged(listener) {
      area.onChanged.addListener(listener);
      return () => area.onChanged.removeListener(listener);
    },
  };
}
