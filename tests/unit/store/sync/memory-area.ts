import { itemBytes, SYNC_LIMITS, type SyncLimits } from '../../../../lib/store/sync/limits';
import type { SyncArea } from '../../../../lib/store/sync/area';

type Listener = Parameters<SyncArea['onChanged']>[0];

/**
 * storage.sync in memory, refusing what Chrome refuses with Chrome's messages: an item over
 * QUOTA_BYTES_PER_ITEM (key + JSON), a total over QUOTA_BYTES, more than MAX_ITEMS items, and
 * more than the write operations allowed per minute and per hour (each set/remove is one).
 * Several services may share one: a write is seen by every listener, like sync between browsers.
 */
export interface MemoryArea extends SyncArea {
  readonly items: Map<string, unknown>;
  bytesInUse(): number;
  writes: number;
  /** Makes every call fail with this message until cleared (e.g. sync disabled). */
  failWith?: string;
}

export function memoryArea(now: () => number, limits: Partial<SyncLimits> = {}): MemoryArea {
  const l = { ...SYNC_LIMITS, ...limits };
  const items = new Map<string, unknown>();
  const listeners = new Set<Listener>();
  const log: number[] = [];
  const total = (map: Map<string, unknown>) => {
    let bytes = 0;
    for (const [key, value] of map) bytes += itemBytes(key, value);
    return bytes;
  };
  const count = () => {
    const t = now();
    if (log.filter((at) => at > t - 60_000).length >= l.writesPerMinute)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (log.filter((at) => at > t - 3_600_000).length >= l.writesPerHour)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    log.push(t);
  };
  const notify = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
    for (const listener of listeners) listener(structuredClone(changes));
  };
  const area: MemoryArea = {
    items,
    writes: 0,
    bytesInUse: () => total(items),
    async get() {
      if (area.failWith) throw new Error(area.failWith);
      return Object.fromEntries([...items].map(([k, v]) => [k, structuredClone(v)]));
    },
    async set(values) {
      if (area.failWith) throw new Error(area.failWith);
      for (const [key, value] of Object.entries(values))
        if (itemBytes(key, value) > l.quotaBytesPerItem)
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      const next = new Map(items);
      for (const [key, value] of Object.entries(values)) next.set(key, structuredClone(value));
      if (total(next) > l.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      if (next.size > l.maxItems) throw new Error('MAX_ITEMS quota exceeded');
      count();
      area.writes++;
      const changes: Record<string, { newValue?: unknown; oldValue?: unknown }> = {};
      for (const [key, value] of Object.entries(values)) {
        changes[key] = { oldValue: items.get(key), newValue: value };
        items.set(key, structuredClone(value));
      }
      notify(changes);
    },
    async remove(keys) {
      if (area.failWith) throw new Error(area.failWith);
      count();
      area.writes++;
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const key of keys)
        if (items.has(key)) {
          changes[key] = { oldValue: items.get(key) };
          items.delete(key);
        }
      notify(changes);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return area;
}
