import {
  companyProfileSchema,
  eventSchema,
  settingsSchema,
  type Client,
  type CompanyProfile,
  type Invoice,
  type Ledger,
  type LedgerEvent,
  type RateTable,
  type Scenario,
  type Settings,
} from '../../domain/schemas';
import type { Clock, Stamp } from './hlc';
import { flatten, KIND_SPECS, unflatten, type FlatRecord } from './record-specs';
import {
  isVisible,
  makeTag,
  parseRecordKey,
  recordKey,
  setElements,
  type Json,
  type Lww,
  type RecordKind,
  type RecordState,
  type ReplicaState,
  type TagMap,
} from './state';

/** A whole record written at one stamp: each register, and one tag per set element. */
export function recordFromFlat(flat: FlatRecord, stamp: Stamp): RecordState {
  const fields = new Map<string, Lww>();
  for (const [field, value] of flat.values) fields.set(field, { value, stamp });
  const sets = new Map<string, Map<string, TagMap>>();
  for (const [field, elements] of flat.sets)
    sets.set(field, new Map(elements.map((element, i) => [element, new Map([[makeTag(stamp, i), true]])])));
  return { fields, sets };
}

/**
 * The first state of a replica: everything this browser holds, stamped with one tick. Two
 * browsers that bootstrap from their own ledgers then merge keep, field by field, the later one.
 */
export function fromLedger(ledger: Ledger, clock: Clock): ReplicaState {
  const stamp = clock.tick();
  const records = new Map<string, RecordState>();
  const add = (kind: RecordKind, value: object, id?: string) =>
    records.set(recordKey(kind, id), recordFromFlat(flatten(kind, value as Record<string, unknown>), stamp));
  for (const client of ledger.clients) add('client', client, client.id);
  for (const invoice of ledger.invoices) add('invoice', invoice, invoice.id);
  for (const scenario of ledger.scenarios) add('scenario', scenario, scenario.id);
  add('company', ledger.company);
  add('rates', ledger.rates);
  add('settings', ledger.settings);
  return { records, events: new Map(ledger.events.map((event) => [event.id, event])) };
}

/** A record as a plain object, not validated: what the planner reads to rank records. */
export function readRecord(key: string, record: RecordState): Record<string, unknown> {
  const parsed = parseRecordKey(key);
  if (!parsed) return {};
  const values = new Map<string, Json>();
  for (const [field, { value }] of record.fields) values.set(field, value);
  const sets = new Map<string, string[]>();
  for (const [field, set] of record.sets) sets.set(field, setElements(set));
  const object = unflatten(parsed.kind, values, sets);
  return parsed.id === undefined ? object : { id: parsed.id, ...object };
}

export interface RejectedRecord {
  key: string;
  message: string;
}

export interface LedgerProjection {
  ledger: Ledger;
  /** Records the schemas refuse (e.g. half of a record received, the other half still on its way). */
  rejected: RejectedRecord[];
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/** The visible records as a ledger, each one validated by its schema; refused ones are reported. */
export function toLedgerReport(state: ReplicaState): LedgerProjection {
  const rejected: RejectedRecord[] = [];
  const clients: Client[] = [];
  const invoices: Invoice[] = [];
  const scenarios: Scenario[] = [];
  const singletons: { company?: CompanyProfile; rates?: RateTable; settings?: Settings } = {};
  const keys = [...state.records.keys()].sort();
  for (const key of keys) {
    const record = state.records.get(key)!;
    const parsed = parseRecordKey(key);
    if (!parsed || !isVisible(record)) continue;
    const result = KIND_SPECS[parsed.kind].schema.safeParse(readRecord(key, record));
    if (!result.success) {
      rejected.push({ key, message: firstIssue(result.error) });
      continue;
    }
    if (parsed.kind === 'client') clients.push(result.data as Client);
    else if (parsed.kind === 'invoice') invoices.push(result.data as Invoice);
    else if (parsed.kind === 'scenario') scenarios.push(result.data as Scenario);
    else Object.assign(singletons, { [parsed.kind]: result.data });
  }
  const events: LedgerEvent[] = [];
  for (const id of [...state.events.keys()].sort()) {
    const result = eventSchema.safeParse(state.events.get(id));
    if (result.success) events.push(result.data);
    else rejected.push({ key: `event:${id}`, message: firstIssue(result.error) });
  }
  return {
    ledger: {
      clients,
      invoices,
      events,
      scenarios,
      company: singletons.company ?? companyProfileSchema.parse({}),
      rates: singletons.rates ?? { halfYears: [] },
      settings: singletons.settings ?? settingsSchema.parse({}),
    },
    rejected,
  };
}

export function toLedger(state: ReplicaState): Ledger {
  return toLedgerReport(state).ledger;
}
