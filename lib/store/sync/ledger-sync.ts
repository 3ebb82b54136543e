import { eventSchema } from '../../domain/schemas';
import type { LedgerArea } from '../changes';
import type { LedgerDb } from '../db';
import type { Stamp } from './hlc';
import { readRecord } from './ledger-bridge';
import { diffRecord } from './local-change';
import { flatten, KIND_SPECS } from './record-specs';
import {
  canonicalJson,
  isVisible,
  merge,
  parseRecordKey,
  recordKey,
  type CollectionKind,
  type RecordKind,
  type RecordState,
  type ReplicaState,
  type SingletonKind,
} from './state';

/**
 * The two directions between IndexedDB (the ledger pages write) and the replica state (what
 * sync merges). `localKeys` is the set of record keys the ledger held after the last exchange:
 * a key that left it was deleted by the user; a visible record not in it has not reached the
 * ledger yet (refused by its schema, or an invoice whose client has not arrived) and is retried.
 */

const STORE_OF: Record<CollectionKind, 'clients' | 'invoices' | 'scenarios'> = {
  client: 'clients',
  invoice: 'invoices',
  scenario: 'scenarios',
};
const AREA_OF: Record<RecordKind, LedgerArea> = {
  client: 'clients',
  invoice: 'invoices',
  scenario: 'scenarios',
  company: 'settings',
  rates: 'settings',
  settings: 'settings',
};
const SINGLETONS: readonly SingletonKind[] = ['company', 'rates', 'settings'];

/** A record of the replica as the ledger would hold it, or undefined when its schema refuses it. */
export function projectRecord(key: string, record: RecordState): Record<string, unknown> | undefined {
  const parsed = parseRecordKey(key);
  if (!parsed) return undefined;
  const result = KIND_SPECS[parsed.kind].schema.safeParse(readRecord(key, record));
  return result.success ? (result.data as Record<string, unknown>) : undefined;
}

export interface LocalSnapshot {
  records: Map<string, Record<string, unknown>>;
  eventIds: Set<string>;
  events: unknown[];
}

/** What the ledger holds, raw: a singleton never saved is absent, not its defaults (they would win a merge). */
export async function readLocal(db: LedgerDb): Promise<LocalSnapshot> {
  const tx = db.transaction(['clients', 'invoices', 'events', 'scenarios', 'meta']);
  const [clients, invoices, scenarios, events, ...singletons] = await Promise.all([
    tx.objectStore('clients').getAll(),
    tx.objectStore('invoices').getAll(),
    tx.objectStore('scenarios').getAll(),
    tx.objectStore('events').getAll(),
    ...SINGLETONS.map((kind) => tx.objectStore('meta').get(kind)),
  ]);
  await tx.done;
  const records = new Map<string, Record<string, unknown>>();
  for (const [kind, list] of [
    ['client', clients],
    ['invoice', invoices],
    ['scenario', scenarios],
  ] as const)
    for (const value of list)
      records.set(recordKey(kind, value.id), value as unknown as Record<string, unknown>);
  SINGLETONS.forEach((kind, i) => {
    if (singletons[i] !== undefined) records.set(kind, singletons[i] as Record<string, unknown>);
  });
  return { records, eventIds: new Set(events.map((e) => e.id)), events };
}

/**
 * Brings the user's edits into the replica, all stamped with `stamp`: only the fields that differ
 * from the replica get it (so a concurrent edit of another field elsewhere survives), records
 * gone from the ledger get a tombstone, new events are added.
 */
export function absorbLocal(
  state: ReplicaState,
  local: LocalSnapshot,
  localKeys: ReadonlySet<string>,
  stamp: Stamp,
): ReplicaState {
  const records = new Map<string, RecordState>();
  for (const [key, value] of local.records) {
    const { kind } = parseRecordKey(key)!;
    const delta = diffRecord(kind, state.records.get(key), flatten(kind, value), stamp);
    if (delta.fields.size > 0 || delta.sets.size > 0) records.set(key, delta);
  }
  for (const key of localKeys) {
    const current = state.records.get(key);
    if (!local.records.has(key) && parseRecordKey(key)?.id !== undefined && current && isVisible(current))
      records.set(key, { fields: new Map(), sets: new Map(), deleted: stamp });
  }
  const events = new Map();
  for (const event of local.events as { id: string }[])
    if (!state.events.has(event.id)) {
      const parsed = eventSchema.safeParse(event);
      if (parsed.success) events.set(parsed.data.id, parsed.data);
    }
  return records.size === 0 && events.size === 0 ? state : merge(state, { records, events });
}

export interface ApplyResult {
  areas: LedgerArea[];
  localKeys: Set<string>;
  /** Visible records the ledger could not take yet. */
  pending: number;
}

/**
 * Writes into the ledger what the merge changed, in one transaction, each record validated by
 * its schema. A record the user edited since `local` was read is left alone: the next exchange
 * stamps that edit, which is newer, instead of overwriting it.
 */
export async function applyRemote(
  db: LedgerDb,
  before: ReplicaState,
  after: ReplicaState,
  local: LocalSnapshot,
): Promise<ApplyResult> {
  const localKeys = local.records;
  const keys = new Set<string>();
  for (const [key, record] of after.records) {
    const visible = isVisible(record);
    if (record !== before.records.get(key) || visible !== localKeys.has(key)) keys.add(key);
  }
  const newEvents = [...after.events.values()].filter((e) => !before.events.has(e.id));
  const areas = new Set<LedgerArea>();
  const nextKeys = new Set(localKeys.keys());
  let pending = 0;
  const tx = db.transaction(['clients', 'invoices', 'events', 'scenarios', 'meta'], 'readwrite');
  const read = (kind: RecordKind, id: string | undefined) =>
    id === undefined
      ? tx.objectStore('meta').get(kind as SingletonKind)
      : tx.objectStore(STORE_OF[kind as CollectionKind]).get(id);
  const order = (key: string) => (key.startsWith('client:') ? 0 : key.startsWith('invoice:') ? 2 : 1);
  for (const key of [...keys].sort((a, b) => order(a) - order(b))) {
    const { kind, id } = parseRecordKey(key)!;
    const record = after.records.get(key)!;
    const current = (await read(kind, id)) as Record<string, unknown> | undefined;
    if (canonicalJson(current) !== canonicalJson(localKeys.get(key))) continue;
    if (!isVisible(record)) {
      if (current !== undefined && id !== undefined) {
        if (kind === 'client' && (await tx.objectStore('invoices').index('by-client').count(id)) > 0)
          continue;
        await tx.objectStore(STORE_OF[kind as CollectionKind]).delete(id);
        areas.add(AREA_OF[kind]);
      }
      nextKeys.delete(key);
      continue;
    }
    const value = projectRecord(key, record);
    const orphan =
      kind === 'invoice' && value && !(await tx.objectStore('clients').getKey(String(value.clientId)));
    if (!value || orphan) {
      pending++;
      continue;
    }
    if (canonicalJson(current) !== canonicalJson(value)) {
      if (id === undefined) await tx.objectStore('meta').put(value as never, kind as SingletonKind);
      else await tx.objectStore(STORE_OF[kind as CollectionKind]).put(value as never);
      areas.add(AREA_OF[kind]);
    }
    nextKeys.add(key);
  }
  for (const event of newEvents) {
    const parsed = eventSchema.safeParse(event);
    if (!parsed.success || (await tx.objectStore('events').getKey(parsed.data.id))) continue;
    await tx.objectStore('events').put(parsed.data);
    areas.add('events');
  }
  await tx.done;
  return { areas: [...areas], localKeys: nextKeys, pending };
}
