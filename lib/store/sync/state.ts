import { canonicalJson } from '../../domain/ids';
import type { LedgerEvent } from '../../domain/schemas';

export { canonicalJson };
import type { Stamp } from './hlc';

/**
 * The replicated ledger, a state-based CRDT. Merge rules:
 * - every scalar field of a record is a last-writer-wins register stamped with an HLC; equal
 *   stamps with different values (only possible with corrupted data) keep the greater value in
 *   canonical JSON, so the tie still resolves the same way everywhere;
 * - e-mail lists (client emails and domains, the user's own addresses) are add-wins sets: each
 *   add is a tag, a remove kills the tags it has seen, so a concurrent add survives a remove and
 *   two browsers adding different addresses keep both;
 * - a deletion is a tombstone stamp on the record; the record stays deleted until some field is
 *   written with a newer stamp (see `isVisible`);
 * - events are a grow-only set keyed by id and never change; two different events under one id
 *   (only possible with corrupted data) keep the greater in canonical JSON.
 * A delta is a state holding only what changed, merged like any other state.
 */

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

export interface Lww {
  /** `null` means the field is unset (an optional field left out). */
  readonly value: Json;
  readonly stamp: Stamp;
}

/** tag → still alive. A tag is the stamp of the add followed by `.` and a position. */
export type TagMap = ReadonlyMap<string, boolean>;
/** element → its tags. */
export type OrSet = ReadonlyMap<string, TagMap>;

export interface RecordState {
  readonly fields: ReadonlyMap<string, Lww>;
  readonly sets: ReadonlyMap<string, OrSet>;
  readonly deleted?: Stamp;
}

export interface ReplicaState {
  /** `client:<id>`, `invoice:<id>`, `scenario:<id>`, and the singletons `company`, `rates`, `settings`. */
  readonly records: ReadonlyMap<string, RecordState>;
  readonly events: ReadonlyMap<string, LedgerEvent>;
}

export type CollectionKind = 'client' | 'invoice' | 'scenario';
export type SingletonKind = 'company' | 'rates' | 'settings';
export type RecordKind = CollectionKind | SingletonKind;

export const COLLECTION_KINDS: readonly CollectionKind[] = ['client', 'invoice', 'scenario'];
export const SINGLETON_KINDS: readonly SingletonKind[] = ['company', 'rates', 'settings'];

export function isSingleton(kind: RecordKind): kind is SingletonKind {
  return (SINGLETON_KINDS as readonly string[]).includes(kind);
}

export function recordKey(kind: RecordKind, id?: string): string {
  return isSingleton(kind) ? kind : `${kind}:${id ?? ''}`;
}

export function parseRecordKey(key: string): { kind: RecordKind; id?: string } | undefined {
  if ((SINGLETON_KINDS as readonly string[]).includes(key)) return { kind: key as SingletonKind };
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  if (colon < 0 || !(COLLECTION_KINDS as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as CollectionKind, id: key.slice(colon + 1) };
}

export const emptyState = (): ReplicaState => ({ records: new Map(), events: new Map() });
export const emptyRecord = (): RecordState => ({ fields: new Map(), sets: new Map() });

/** Values compared in canonical JSON (sorted keys), the spelling that also breaks ties. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

export function tagStamp(tag: string): Stamp {
  return tag.slice(0, tag.lastIndexOf('.'));
}

export function makeTag(stamp: Stamp, position: number): string {
  return `${stamp}.${position}`;
}

/** Orders tags by stamp, then by position (numerically: "10" comes after "9"). */
export function compareTags(a: string, b: string): number {
  const sa = tagStamp(a);
  const sb = tagStamp(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return Number(a.slice(sa.length + 1)) - Number(b.slice(sb.length + 1));
}

export function mergeLww(a: Lww, b: Lww): Lww {
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? a : b;
  if (a.value === b.value) return a;
  return canonicalJson(a.value) >= canonicalJson(b.value) ? a : b;
}

function mergeTags(a: TagMap, b: TagMap): TagMap {
  let out: Map<string, boolean> | undefined;
  for (const [tag, live] of b) {
    const mine = a.get(tag);
    if (mine === undefined || (mine && !live)) (out ??= new Map(a)).set(tag, live);
  }
  return out ?? a;
}

export function mergeOrSet(a: OrSet, b: OrSet): OrSet {
  let out: Map<string, TagMap> | undefined;
  for (const [element, tags] of b) {
    const mine = a.get(element);
    const merged = mine ? mergeTags(mine, tags) : tags;
    if (merged !== mine) (out ??= new Map(a)).set(element, merged);
  }
  return out ?? a;
}

/** Merges maps value by value; returns `a` itself when `b` adds nothing, so unchanged data is shared. */
function mergeMaps<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, f: (x: V, y: V) => V) {
  let out: Map<string, V> | undefined;
  for (const [key, theirs] of b) {
    const mine = a.get(key);
    const merged = mine === undefined ? theirs : f(mine, theirs);
    if (merged !== mine) (out ??= new Map(a)).set(key, merged);
  }
  return out ?? a;
}

export function mergeRecord(a: RecordState, b: RecordState): RecordState {
  const fields = mergeMaps(a.fields, b.fields, mergeLww);
  const sets = mergeMaps(a.sets, b.sets, mergeOrSet);
  const deleted =
    a.deleted === undefined || (b.deleted !== undefined && b.deleted > a.deleted) ? b.deleted : a.deleted;
  if (fields === a.fields && sets === a.sets && deleted === a.deleted) return a;
  return deleted === undefined ? { fields, sets } : { fields, sets, deleted };
}

function mergeEvent(a: LedgerEvent, b: LedgerEvent): LedgerEvent {
  if (a === b) return a;
  const ja = canonicalJson(a);
  const jb = canonicalJson(b);
  return ja === jb || ja > jb ? a : b;
}

/** Commutative, associative and idempotent: replicas that saw the same deltas hold the same state. */
export function merge(a: ReplicaState, b: ReplicaState): ReplicaState {
  const records = mergeMaps(a.records, b.records, mergeRecord);
  const events = mergeMaps(a.events, b.events, mergeEvent);
  return records === a.records && events === a.events ? a : { records, events };
}

/** The stamps that count as edits: every field write and every add to a set. */
export function latestEdit(record: RecordState): Stamp | undefined {
  let latest: Stamp | undefined;
  for (const { stamp } of record.fields.values()) if (latest === undefined || stamp > latest) latest = stamp;
  for (const set of record.sets.values())
    for (const tags of set.values())
      for (const tag of tags.keys()) {
        const stamp = tagStamp(tag);
        if (latest === undefined || stamp > latest) latest = stamp;
      }
  return latest;
}

/**
 * Deleted, unless some edit is newer than the tombstone: a change made after the deletion (by HLC,
 * not by arrival) brings the record back, an older one arriving late does not.
 */
export function isVisible(record: RecordState): boolean {
  if (record.deleted === undefined) return true;
  const latest = latestEdit(record);
  return latest !== undefined && latest > record.deleted;
}

/** The elements present in a set, in the order they were first added. */
export function setElements(set: OrSet | undefined): string[] {
  if (!set) return [];
  const present: { element: string; first: string }[] = [];
  for (const [element, tags] of set) {
    let first: string | undefined;
    for (const [tag, live] of tags)
      if (live && (first === undefined || compareTags(tag, first) < 0)) first = tag;
    if (first !== undefined) present.push({ element, first });
  }
  present.sort((x, y) => compareTags(x.first, y.first) || (x.element < y.element ? -1 : 1));
  return present.map((p) => p.element);
}

/** The greatest stamp anywhere in the state: the clock must move past it after a merge. */
export function maxStamp(state: ReplicaState): Stamp | undefined {
  let max: Stamp | undefined;
  for (const record of state.records.values()) {
    const latest = latestEdit(record);
    if (latest !== undefined && (max === undefined || latest > max)) max = latest;
    if (record.deleted !== undefined && (max === undefined || record.deleted > max)) max = record.deleted;
  }
  return max;
}
