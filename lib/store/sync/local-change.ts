import type { z } from 'zod';
import { eventSchema } from '../../domain/schemas';
import { EventExistsError, LedgerValidationError } from '../errors';
import type { Clock, Stamp } from './hlc';
import { readRecord } from './ledger-bridge';
import { flatten, KIND_DEFAULTS, KIND_SPECS, RATE_FIELD_PREFIX, type FlatRecord } from './record-specs';
import {
  emptyState,
  isSingleton,
  isVisible,
  jsonEqual,
  makeTag,
  merge,
  recordKey,
  setElements,
  type CollectionKind,
  type Lww,
  type RecordKind,
  type RecordState,
  type ReplicaState,
  type TagMap,
} from './state';

/** What the user did on this browser, in ledger terms. */
export type LocalChange =
  /** A whole record as the repository saves it; only the fields that differ get a new stamp. */
  | { type: 'put'; kind: RecordKind; value: unknown }
  /** Some fields of a record (shallow: `contact` is replaced whole). */
  | { type: 'patch'; kind: RecordKind; id?: string; patch: Record<string, unknown> }
  | { type: 'delete'; kind: CollectionKind; id: string }
  | { type: 'event'; event: unknown };

export interface AppliedChange {
  state: ReplicaState;
  /** Only what this change wrote: what the other replicas need to receive. */
  delta: ReplicaState;
  changed: boolean;
}

function parse(kind: string, schema: z.ZodType, value: unknown): Record<string, unknown> {
  const result = schema.safeParse(value);
  if (!result.success) throw new LedgerValidationError(kind, result.error.issues);
  return result.data as Record<string, unknown>;
}

/**
 * The registers a write must stamp. Writing only what differs is what lets two browsers edit
 * different fields of one record at the same time without one erasing the other. Writing to a
 * deleted record restores it: every field is stamped, so the restore is newer than the tombstone.
 */
export function diffRecord(
  kind: RecordKind,
  current: RecordState | undefined,
  flat: FlatRecord,
  stamp: Stamp,
): RecordState {
  const restoring = current !== undefined && !isVisible(current);
  const defaults = KIND_DEFAULTS[kind].values;
  const fields = new Map<string, Lww>();
  for (const [field, value] of flat.values) {
    const mine = current?.fields.get(field);
    const shown = mine ? mine.value : (defaults.get(field) ?? null);
    if (restoring || current === undefined || !jsonEqual(shown, value)) fields.set(field, { value, stamp });
  }
  if (kind === 'rates' && current) {
    // A half-year missing from the new table was removed: its register is cleared, not forgotten.
    for (const [field, mine] of current.fields)
      if (field.startsWith(RATE_FIELD_PREFIX) && !flat.values.has(field) && mine.value !== null)
        fields.set(field, { value: null, stamp });
  }
  const sets = new Map<string, Map<string, TagMap>>();
  for (const [field, wanted] of flat.sets) {
    const mineSet = current?.sets.get(field);
    const present = new Set(setElements(mineSet));
    const changes = new Map<string, TagMap>();
    wanted.forEach((element, position) => {
      if (restoring || !present.has(element))
        changes.set(element, new Map([[makeTag(stamp, position), true]]));
    });
    const keep = new Set(wanted);
    for (const element of present) {
      if (keep.has(element)) continue;
      // A remove kills only the tags it has seen: an add made elsewhere meanwhile survives it.
      const live = [...(mineSet?.get(element) ?? [])].filter(([, alive]) => alive);
      changes.set(element, new Map(live.map(([tag]) => [tag, false])));
    }
    if (changes.size > 0) sets.set(field, changes);
  }
  return { fields, sets };
}

function recordDelta(key: string, record: RecordState): ReplicaState {
  const empty = record.fields.size === 0 && record.sets.size === 0 && record.deleted === undefined;
  return { records: empty ? new Map() : new Map([[key, record]]), events: new Map() };
}

/** Applies one local change, stamped with one tick of this node's clock. */
export function applyLocalChange(state: ReplicaState, change: LocalChange, clock: Clock): AppliedChange {
  let delta: ReplicaState;
  if (change.type === 'event') {
    const event = eventSchema.safeParse(change.event);
    if (!event.success) throw new LedgerValidationError('event', event.error.issues);
    const existing = state.events.get(event.data.id);
    if (existing && !jsonEqual(existing, event.data)) throw new EventExistsError(event.data.id);
    delta = existing ? emptyState() : { records: new Map(), events: new Map([[event.data.id, event.data]]) };
  } else if (change.type === 'delete') {
    delta = recordDelta(recordKey(change.kind, change.id), {
      fields: new Map(),
      sets: new Map(),
      deleted: clock.tick(),
    });
  } else {
    const { kind } = change;
    const spec = KIND_SPECS[kind];
    let value: unknown = change.type === 'put' ? change.value : undefined;
    if (change.type === 'patch') {
      const key = recordKey(kind, change.id);
      const current = state.records.get(key);
      const base = current && isVisible(current) ? readRecord(key, current) : {};
      value = { ...base, ...change.patch, ...(isSingleton(kind) ? {} : { id: change.id }) };
    }
    const parsed = parse(kind, spec.schema, value);
    const key = recordKey(kind, isSingleton(kind) ? undefined : String(parsed.id));
    delta = recordDelta(key, diffRecord(kind, state.records.get(key), flatten(kind, parsed), clock.tick()));
  }
  const changed = delta.records.size > 0 || delta.events.size > 0;
  return { state: changed ? merge(state, delta) : state, delta, changed };
}
