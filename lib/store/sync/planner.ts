import type { IsoDate, LedgerEvent } from '../../domain/schemas';
import { ChunkWriter } from './chunk-codec';
import { buildItems, eventEntry, recordEntry, type ChunkOptions, type SortedEntry } from './chunking';
import { itemBytes, SYNC_LIMITS, type SyncLimits } from './limits';
import { MANIFEST_KEY } from './chunking';
import { rankRecords, recordHead, type Unit } from './priorities';
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
 * company, rates, scenarios and deletions; then each open invoice with its client's head and the
 * events its status depends on (see priorities.ts); the rest of those clients; clients without
 * invoices; settled invoices of the last `syncSettledAfterDays` days; the rest of their history. Invoices settled longer ago stay
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
/** Real builds (compressing every chunk) per plan, at most. */
const MAX_BUILDS = 8;

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

/**
 * The entries of the first `count` units: each record once, whole if some unit brings it whole,
 * else its head; each event once.
 */
export function unitEntries(state: ReplicaState, units: readonly Unit[], count: number): SortedEntry[] {
  const whole = new Set(units.slice(0, count).flatMap((unit) => unit.records));
  const out: SortedEntry[] = [];
  const seenRecords = new Set<string>();
  const seenEvents = new Set<string>();
  for (const unit of units.slice(0, count)) {
    for (const key of [...(unit.heads ?? []), ...unit.records]) {
      if (seenRecords.has(key)) continue;
      seenRecords.add(key);
      const record = state.records.get(key)!;
      const sent = !isVisible(record)
        ? tombstoneOnly(record)
        : whole.has(key)
          ? record
          : recordHead(key, record);
      out.push(recordEntry(key, sent));
    }
    for (const id of unit.events) {
      if (seenEvents.has(id)) continue;
      seenEvents.add(id);
      out.push(eventEntry(state.events.get(id) as LedgerEvent));
    }
  }
  return out;
}

/** Text characters of the first n units' entries, for every n, from one encoding of them all. */
function prefixTextSizes(state: ReplicaState, units: readonly Unit[]): number[] {
  // Each entry's text once whole, and once as a head for the records some unit brings as a head.
  const sizes = (heads: boolean) => {
    const entries = unitEntries(state, units, units.length).map((item) =>
      heads && item.entry.type === 'record'
        ? recordEntry(item.entry.key, recordHead(item.entry.key, item.entry.record))
        : item,
    );
    entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    const writer = new ChunkWriter();
    const size = new Map<string, number>();
    for (const { entry } of entries)
      size.set(entry.type === 'event' ? `event:${entry.event.id}` : entry.key, writer.add(entry).length + 1);
    return size;
  };
  const wholeSize = sizes(false);
  const headSize = sizes(true);
  const out = [0];
  const seen = new Map<string, 'head' | 'whole'>();
  for (const unit of units) {
    let added = 0;
    for (const key of unit.heads ?? [])
      if (!seen.has(key)) {
        seen.set(key, 'head');
        added += headSize.get(key) ?? 0;
      }
    for (const key of [...unit.records, ...unit.events.map((id) => `event:${id}`)]) {
      const before = seen.get(key);
      if (before === 'whole') continue;
      seen.set(key, 'whole');
      added += (wholeSize.get(key) ?? 0) - (before === 'head' ? (headSize.get(key) ?? 0) : 0);
    }
    out.push(out[out.length - 1]! + added);
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

/** Lets the background answer the pages' messages between two builds of a long plan. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The items to write. A ledger that fits is one build; one that overflows takes a few, each
 * compressing every chunk (about a second for a full area), so the planner yields between them
 * rather than hold the background's messages for the whole search.
 */
export async function planSync(state: ReplicaState, options: PlanOptions): Promise<SyncPlan> {
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
  let builds = 0;
  const attempt = async (n: number) => {
    if (builds++ > 0) await breathe();
    const entries = unitEntries(state, units, n);
    const built = buildItems(entries, top, { maxItemBytes: limits.quotaBytesPerItem, ...options.chunk });
    const manifestOk = itemBytes(MANIFEST_KEY, built.items[MANIFEST_KEY]) <= limits.quotaBytesPerItem;
    const fits = manifestOk && built.bytes <= budget && Object.keys(built.items).length <= maxItems;
    return { n, entries, built, fits };
  };
  // Adding units only adds entries, so what fits is a prefix. Compressing is what costs, so the
  // search estimates each prefix's size from the text of its entries (encoded once, all
  // together): first times the pack-to-text ratio of the last real build, then, once a build
  // that fits and one that does not bracket the limit, by interpolating between them, with a
  // halving when that keeps landing on the same side (a new chunk makes the size jump, units
  // already sent leave it flat).
  const text = prefixTextSizes(state, units);
  /** The longest prefix in [lo, hi] whose text is at most `length`, or lo. */
  const longest = (lo: number, hi: number, length: number) => {
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (text[mid]! <= length) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let ratio = 0.4;
  let lo = mandatory;
  let hi = units.length;
  let best: Awaited<ReturnType<typeof attempt>> | undefined;
  let over: Awaited<ReturnType<typeof attempt>> | undefined;
  let floor: Awaited<ReturnType<typeof attempt>> | undefined;
  let sameSide = 0;
  let lastFits: boolean | undefined;
  for (let round = 0; round < MAX_BUILDS && lo <= hi; round++) {
    let a: number;
    if (over && sameSide >= 2) a = Math.floor((lo + hi) / 2);
    else if (best && over) {
      const [t0, t1] = [text[best.n]!, text[over.n]!];
      a = longest(
        lo,
        hi,
        t0 + ((budget - best.built.bytes) * (t1 - t0)) / (over.built.bytes - best.built.bytes),
      );
    } else a = longest(lo, hi, budget / ratio);
    const trial = await attempt(a);
    if (a === mandatory) floor = trial;
    if (text[a]! > 0) ratio = trial.built.bytes / text[a]!;
    sameSide = trial.fits === lastFits ? sameSide + 1 : 1;
    lastFits = trial.fits;
    if (trial.fits) {
      best = trial;
      lo = a + 1;
    } else {
      over = trial;
      hi = a - 1;
    }
    // Close enough: a few units short of the limit is not worth another build.
    if (best && hi - lo < Math.max(2, best.n / 400)) break;
  }
  // Estimates that kept missing (the size can stay flat over many units, e.g. records already
  // sent whole): halve until something fits rather than settle for the mandatory part.
  while (!best && lo <= hi) {
    const a = Math.floor((lo + hi) / 2);
    const trial = await attempt(a);
    if (a === mandatory) floor = trial;
    if (trial.fits) best = trial;
    else hi = a - 1;
  }
  // Nothing fits: not even the mandatory part (then nothing is written).
  best ??= floor ?? (await attempt(mandatory));
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
