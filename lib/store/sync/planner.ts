import type { IsoDate, LedgerEvent } from '../../domain/schemas';
import { buildItems, eventEntry, recordEntry, type ChunkOptions, type SortedEntry } from './chunking';
import { itemBytes, SYNC_LIMITS, type SyncLimits } from './limits';
import { MANIFEST_KEY } from './chunking';
import { rankRecords, type Unit } from './priorities';
import {
  isVisible,
  maxStamp,
  tagStamp,
  type Lww,
  type RecordState,
  type ReplicaState,
  type TagMap,
} from './state';

/**
 * What goes to storage.sync when not everything fits. Priorities, highest first: settings,
 * company, rates, scenarios and deletions; then each open invoice with its client and the events
 * its status depends on (see priorities.ts); clients without invoices; settled invoices of the
 * last `syncSettledAfterDays` days; the rest of their history. Invoices settled longer ago stay
 * on this device whatever the room, and so do, when the space runs out, the units that do not
 * fit. Nothing is deleted anywhere: other browsers keep what they already received (the
 * replicated sets only grow).
 */

export interface PlanOptions {
  today: IsoDate;
  /** Defaults to the synced settings' `syncSettledAfterDays`. */
  settledAfterDays?: number;
  limits?: Partial<SyncLimits>;
  /** Kept free for what Chrome counts differently than we do, and for other keys of the area. */
  safetyMarginBytes?: number;
  /** Bytes and items of keys in the area that are not ours. */
  foreignBytes?: number;
  foreignItems?: number;
  chunk?: ChunkOptions;
}

export interface PlanCounts {
  invoices: number;
  clients: number;
  events: number;
}

export interface SyncPlan {
  items: Record<string, string>;
  bytes: number;
  kept: PlanCounts & { records: number };
  localOnly: PlanCounts;
  /** Invoices and clients kept on this device only, by reason. */
  localOnlyBecause: { quota: number; settledOld: number };
  /** Some of the ledger had to stay on this device: the sync space is full. */
  full: boolean;
  /** False when not even the settings and open invoices' minimum fit: nothing should be written. */
  fits: boolean;
}

export const DEFAULT_SAFETY_MARGIN = 2_048;

/** A deleted record travels as its tombstone and whatever was written after it, nothing older. */
function tombstoneOnly(record: RecordState): RecordState {
  const deleted = record.deleted!;
  const fields = new Map<string, Lww>([...record.fields].filter(([, r]) => r.stamp > deleted));
  const sets = new Map<string, Map<string, TagMap>>();
  for (const [field, set] of record.sets) {
    const kept = [...set]
      .map(
        ([element, tags]) =>
          [element, new Map([...tags].filter(([tag]) => tagStamp(tag) > deleted))] as const,
      )
      .filter(([, tags]) => tags.size > 0);
    if (kept.length > 0) sets.set(field, new Map(kept));
  }
  return { fields, sets, deleted };
}

function entriesFor(state: ReplicaState, units: readonly Unit[], count: number): SortedEntry[] {
  const out: SortedEntry[] = [];
  const seenRecords = new Set<string>();
  const seenEvents = new Set<string>();
  for (const unit of units.slice(0, count)) {
    for (const key of unit.records) {
      if (seenRecords.has(key)) continue;
      seenRecords.add(key);
      const record = state.records.get(key)!;
      out.push(recordEntry(key, isVisible(record) ? record : tombstoneOnly(record)));
    }
    for (const id of unit.events) {
      if (seenEvents.has(id)) continue;
      seenEvents.add(id);
      out.push(eventEntry(state.events.get(id) as LedgerEvent));
    }
  }
  return out;
}

function count(state: ReplicaState, entries: readonly SortedEntry[]) {
  const kept = { invoices: 0, clients: 0, events: 0, records: 0 };
  for (const { entry } of entries) {
    if (entry.type === 'event') kept.events++;
    else {
      kept.records++;
      const visible = isVisible(state.records.get(entry.key)!);
      if (visible && entry.key.startsWith('invoice:')) kept.invoices++;
      if (visible && entry.key.startsWith('client:')) kept.clients++;
    }
  }
  return kept;
}

export function planSync(state: ReplicaState, options: PlanOptions): SyncPlan {
  const limits = { ...SYNC_LIMITS, ...options.limits };
  const budget =
    limits.quotaBytes - (options.safetyMarginBytes ?? DEFAULT_SAFETY_MARGIN) - (options.foreignBytes ?? 0);
  const maxItems = limits.maxItems - (options.foreignItems ?? 0);
  const { units, mandatory, totals, settledOld } = rankRecords(
    state,
    options.today,
    options.settledAfterDays,
  );
  const top = maxStamp(state);
  const attempt = (n: number) => {
    const entries = entriesFor(state, units, n);
    const built = buildItems(entries, top, { maxItemBytes: limits.quotaBytesPerItem, ...options.chunk });
    const manifestOk = itemBytes(MANIFEST_KEY, built.items[MANIFEST_KEY]) <= limits.quotaBytesPerItem;
    const fits = manifestOk && built.bytes <= budget && Object.keys(built.items).length <= maxItems;
    return { entries, built, fits };
  };
  let best = attempt(units.length);
  if (!best.fits) {
    // Adding units only adds entries, so what fits is a prefix: bisect for the longest one.
    let lo = mandatory;
    let hi = units.length - 1;
    best = attempt(lo);
    while (best.fits && lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const trial = attempt(mid);
      if (trial.fits) [lo, best] = [mid, trial];
      else hi = mid - 1;
    }
  }
  const kept = best.fits ? count(state, best.entries) : { invoices: 0, clients: 0, events: 0, records: 0 };
  const localOnly = {
    invoices: totals.invoices - kept.invoices,
    clients: totals.clients - kept.clients,
    events: totals.events - kept.events,
  };
  const old = settledOld.invoices + settledOld.clients;
  return {
    items: best.fits ? best.built.items : {},
    bytes: best.fits ? best.built.bytes : 0,
    kept,
    localOnly,
    localOnlyBecause: { quota: localOnly.invoices + localOnly.clients - old, settledOld: old },
    full: localOnly.invoices + localOnly.clients - old > 0 || !best.fits,
    fits: best.fits,
  };
}
