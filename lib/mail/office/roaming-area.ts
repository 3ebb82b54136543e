/// <reference types="office-js" />
import { SyncAreaError, type SyncArea } from '../../store/sync/area';
import { OfficeCallError, officeCall } from './office-async';

/**
 * roamingSettings hold 32 KB per add-in and mailbox, all settings together, stored as JSON; saveAsync
 * fails past that. Measured here on the JSON in UTF-8 bytes, before saving, so nothing is half-written.
 * https://learn.microsoft.com/office/dev/add-ins/outlook/metadata-for-an-outlook-add-in
 */
export const ROAMING_LIMITS = { quotaBytes: 32 * 1024 } as const;

type Changes = Parameters<Parameters<SyncArea['onChanged']>[0]>[0];

/** roamingSettings cannot list its names, so the area keeps the list of its keys in one setting. */
export const ROAMING_INDEX_KEY = 'relance:keys';

export interface RoamingAreaOptions {
  quotaBytes?: number;
}

const encoder = new TextEncoder();

/**
 * The sync port over `Office.context.roamingSettings`. Writes change the in-memory settings, then
 * persist them with saveAsync; a failed save puts the previous values back, so memory and mailbox agree.
 * Writes are queued: two overlapping calls cannot interleave their saves.
 *
 * Errors are SyncAreaErrors: `quota` (checked before saving, nothing changed) or `unavailable`/`unknown`
 * from saveAsync. onChanged reports this pane's own writes only: Outlook loads other clients' settings
 * when the pane opens and has no change event.
 */
export function createRoamingArea(
  settings: Office.RoamingSettings,
  options: RoamingAreaOptions = {},
): SyncArea & { bytesInUse(): number } {
  const quotaBytes = options.quotaBytes ?? ROAMING_LIMITS.quotaBytes;
  const listeners = new Set<(changes: Changes) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const keys = (): string[] => {
    const stored: unknown = settings.get(ROAMING_INDEX_KEY);
    return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
  };
  const read = (): Record<string, unknown> => {
    const items: Record<string, unknown> = {};
    for (const key of keys()) {
      const value: unknown = settings.get(key);
      if (value !== undefined && value !== null) items[key] = value;
    }
    return items;
  };
  const size = (items: Record<string, unknown>) =>
    encoder.encode(JSON.stringify({ ...items, [ROAMING_INDEX_KEY]: Object.keys(items) })).length;

  /** Replaces our settings with `next` and saves; on failure restores `previous` in memory. */
  async function write(previous: Record<string, unknown>, next: Record<string, unknown>): Promise<void> {
    const needed = size(next);
    if (needed > quotaBytes)
      throw new SyncAreaError(
        'quota',
        `QUOTA_BYTES quota exceeded: ${needed} bytes needed, ${quotaBytes} allowed`,
      );
    const apply = (items: Record<string, unknown>, before: Record<string, unknown>) => {
      for (const key of Object.keys(before)) if (!(key in items)) settings.remove(key);
      for (const [key, value] of Object.entries(items)) settings.set(key, value);
      settings.set(ROAMING_INDEX_KEY, Object.keys(items));
    };
    apply(next, previous);
    try {
      await officeCall<void>('roamingSettings.saveAsync', (callback) => settings.saveAsync(callback));
    } catch (error) {
      apply(previous, next);
      // Office says "GenericSettingsError" or similar; a code-less throw means the API is not there.
      const code = error instanceof OfficeCallError && error.code !== undefined ? 'unknown' : 'unavailable';
      throw new SyncAreaError(code, error instanceof Error ? error.message : String(error));
    }
    const changes: Changes = {};
    for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
      if (JSON.stringify(previous[key]) === JSON.stringify(next[key])) continue;
      changes[key] = { oldValue: previous[key], newValue: next[key] };
    }
    if (Object.keys(changes).length > 0) for (const listener of [...listeners]) listener(changes);
  }

  return {
    get: async () => read(),
    set: (items) =>
      serial(async () => {
        const previous = read();
        const next = { ...previous };
        for (const [key, value] of Object.entries(items)) {
          if (key === ROAMING_INDEX_KEY)
            throw new SyncAreaError('unknown', `${ROAMING_INDEX_KEY} is reserved`);
          // storage.sync drops undefined values; roamingSettings would keep a null.
          if (value === undefined) delete next[key];
          else next[key] = value;
        }
        await write(previous, next);
      }),
    remove: (removed) =>
      serial(async () => {
        const previous = read();
        if (!removed.some((key) => key in previous)) return;
        const next = { ...previous };
        for (const key of removed) delete next[key];
        await write(previous, next);
      }),
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    bytesInUse: () => size(read()),
  };
}
