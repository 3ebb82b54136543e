import { settingsSchema, type IsoDate, type LedgerEvent } from '../../domain/schemas';
import { isVisible, parseRecordKey, type Json, type RecordState, type ReplicaState } from './state';
import { dayNumber, isoFromDay } from './text-codec';

/** Records and events that travel together: an invoice is no use on another browser without its client. */
export interface Unit {
  readonly records: readonly string[];
  /** Records of which only the head (`HEAD_FIELDS`) goes with this unit; a later unit brings the rest. */
  readonly heads?: readonly string[];
  readonly events: readonly string[];
}

/**
 * What another browser needs of a client to show its invoices' status and act on them: its name,
 * the addresses that match its mail, and what picks its scenario and the tone of its drafts. The
 * contact, postal address, SIREN and notes (letters, salutations) come later when the space is
 * short: registers are merged one by one, so a record may arrive in parts, and a browser that
 * holds only the head shows the schema defaults for the rest until it comes.
 */
export const HEAD_FIELDS: Readonly<Partial<Record<string, ReadonlySet<string>>>> = {
  client: new Set(['name', 'emails', 'domains', 'segment', 'relationship', 'language', 'scenarioId']),
};

/**
 * The registers and sets of a record that are in its kind's head; the record itself when it has
 * nothing else (kinds without a head, deleted records, records received as their head).
 */
export function recordHead(key: string, record: RecordState): RecordState {
  const head = HEAD_FIELDS[parseRecordKey(key)?.kind ?? ''];
  if (!head || !isVisible(record)) return record;
  if ([...record.fields.keys(), ...record.sets.keys()].every((name) => head.has(name))) return record;
  return {
    fields: new Map([...record.fields].filter(([name]) => head.has(name))),
    sets: new Map([...record.sets].filter(([name]) => head.has(name))),
  };
}

const field = (record: RecordState | undefined, name: string): Json | undefined =>
  record?.fields.get(name)?.value;
const num = (value: Json | undefined) => (typeof value === 'number' ? value : 0);
const str = (value: Json | undefined) => (typeof value === 'string' ? value : '');
const byDate = (a: LedgerEvent, b: LedgerEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function last<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

/** What tells when a hold is over: today and the grace days of the synced settings. */
export interface HoldDays {
  today: IsoDate;
  promiseGraceDays: number;
  planGraceDays: number;
}

const DEFAULTS = settingsSchema.parse({});
const shift = (date: string, days: number) => {
  const day = dayNumber(date);
  return day === undefined ? undefined : isoFromDay(day + days);
};

/**
 * The events another browser needs to show an invoice's status right: every payment (the amount
 * still due), the last action, every step taken (the step reached follows from all of them), and what pauses the scenario (the last promise,
 * the last payment plan, disputes not yet resolved, a pause not yet resumed). A promise, a plan or
 * a pause whose hold is over (lib/domain/engine/holds.ts: the promised day or the last instalment
 * and their grace days, or the pause's last day, are past) no longer matters once a contact followed on or after the day it
 * ended: the scenario's next date then comes from that contact. Such a promise or plan travels
 * with the rest of the history. `events` is sorted by date.
 */
export function statusEvents(events: readonly LedgerEvent[], open: boolean, holds?: HoldDays): LedgerEvent[] {
  const keep = new Set<LedgerEvent>(events.filter((e) => e.type === 'payment'));
  const latest = events[events.length - 1];
  if (latest) keep.add(latest);
  if (!open) return events.filter((e) => keep.has(e));
  const resolved = new Set(events.flatMap((e) => (e.type === 'dispute_resolved' ? [e.disputeId] : [])));
  for (const e of events) if (e.type === 'dispute' && !resolved.has(e.id)) keep.add(e);
  // Every step taken, not only the last: the engine moves an invoice one step per event (a grouped
  // reminder at the firm step takes a newer invoice only to its next step), so the step reached can
  // only be read from all of them.
  for (const e of events)
    if (e.type === 'reminder' || e.type === 'skip' || (e.type === 'call' && !!e.stepId)) keep.add(e);
  const contacts = [...keep].filter((e) => e.type === 'reminder' || e.type === 'call');
  /** The hold ended before today and a contact kept came on or after the day it ended. */
  const superseded = (resumeOn: string | undefined) =>
    holds !== undefined &&
    resumeOn !== undefined &&
    holds.today >= resumeOn &&
    contacts.some((e) => e.date >= resumeOn);
  const promise = last(events, (e) => e.type === 'promise');
  if (
    promise?.type === 'promise' &&
    !superseded(shift(promise.promisedDate, (holds?.promiseGraceDays ?? 0) + 1))
  )
    keep.add(promise);
  const plan = last(events, (e) => e.type === 'plan');
  if (plan?.type === 'plan') {
    const end = plan.instalments.reduce<string | undefined>(
      (max, i) => (max === undefined || i.dueDate > max ? i.dueDate : max),
      undefined,
    );
    if (!superseded(end === undefined ? undefined : shift(end, (holds?.planGraceDays ?? 0) + 1)))
      keep.add(plan);
  }
  const pause = last(events, (e) => e.type === 'pause' || e.type === 'resume');
  if (pause?.type === 'pause' && !superseded(pause.until === undefined ? undefined : shift(pause.until, 1)))
    keep.add(pause);
  return events.filter((e) => keep.has(e));
}

interface InvoiceView {
  key: string;
  clientKey: string;
  open: boolean;
  /** Due date for an open invoice, day of the last payment for a settled one. */
  day: string;
  events: LedgerEvent[];
}

export interface Ranking {
  units: Unit[];
  /** The first `mandatory` units must fit or nothing is written. */
  mandatory: number;
  totals: { invoices: number; clients: number; events: number };
  /** Settled longer ago than `syncSettledAfterDays`: never synced, they stay on this device. */
  settledOld: { invoices: number; clients: number };
}

export function rankRecords(state: ReplicaState, today: IsoDate, settledAfterDays?: number): Ranking {
  const settingDays = field(state.records.get('settings'), 'syncSettledAfterDays');
  const days = settledAfterDays ?? (typeof settingDays === 'number' ? settingDays : 90);
  const cutoff = isoFromDay((dayNumber(today) ?? 0) - days);
  const setting = (name: 'promiseGraceDays' | 'planGraceDays') => {
    const value = field(state.records.get('settings'), name);
    return typeof value === 'number' ? value : DEFAULTS[name];
  };
  const holds: HoldDays = {
    today,
    promiseGraceDays: setting('promiseGraceDays'),
    planGraceDays: setting('planGraceDays'),
  };

  const eventsOf = new Map<string, LedgerEvent[]>();
  for (const event of state.events.values())
    for (const id of new Set(Array.isArray(event.invoiceIds) ? event.invoiceIds : []))
      (eventsOf.get(id) ?? eventsOf.set(id, []).get(id)!).push(event);

  const mandatory: Unit[] = [];
  const singletons = ['settings', 'company', 'rates'].filter((key) => state.records.has(key));
  const scenarios: string[] = [];
  const tombstones: string[] = [];
  const invoices: InvoiceView[] = [];
  const clients: string[] = [];
  const billed = new Set<string>();
  for (const [key, record] of state.records) {
    if (!isVisible(record)) tombstones.push(key);
    else if (key.startsWith('scenario:')) scenarios.push(key);
    else if (key.startsWith('client:')) clients.push(key);
    else if (key.startsWith('invoice:')) {
      const id = key.slice('invoice:'.length);
      const events = (eventsOf.get(id) ?? []).sort(byDate);
      const payments = events.filter(
        (e): e is Extract<LedgerEvent, { type: 'payment' }> => e.type === 'payment' && e.invoiceIds[0] === id,
      );
      const paid = num(field(record, 'paidCents')) + payments.reduce((sum, e) => sum + num(e.amountCents), 0);
      const open = field(record, 'isCreditNote') !== true && num(field(record, 'amountCents')) - paid > 0;
      const clientKey = `client:${str(field(record, 'clientId'))}`;
      billed.add(clientKey);
      const settledOn = payments[payments.length - 1]?.date ?? str(field(record, 'dueDate'));
      invoices.push({ key, clientKey, open, day: open ? str(field(record, 'dueDate')) : settledOn, events });
    }
  }
  mandatory.push({ records: [...singletons, ...scenarios.sort(), ...tombstones.sort()], events: [] });

  const withClient = (view: InvoiceView, events: readonly LedgerEvent[]): Unit => ({
    records: state.records.has(view.clientKey) ? [view.clientKey, view.key] : [view.key],
    events: events.map((e) => e.id),
  });
  // An open invoice needs only its client's head; the rest of the client follows all open invoices.
  const withClientHead = (view: InvoiceView, events: readonly LedgerEvent[]): Unit => ({
    records: [view.key],
    ...(state.records.has(view.clientKey) ? { heads: [view.clientKey] } : {}),
    events: events.map((e) => e.id),
  });
  const historyOf = (views: readonly InvoiceView[]): Unit[] =>
    views
      .flatMap((v) => v.events)
      .sort(byDate)
      .reverse()
      .map((e) => ({ records: [], events: [e.id] }));
  const compare = (a: InvoiceView, b: InvoiceView) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : a.key < b.key ? -1 : 1;

  const listed = new Set(invoices.map((v) => v.key.slice('invoice:'.length)));
  const open = invoices.filter((v) => v.open).sort(compare);
  const settled = invoices.filter((v) => !v.open).sort((a, b) => compare(b, a));
  const recent = settled.filter((v) => v.day >= cutoff);
  const old = settled.filter((v) => v.day < cutoff);

  const units: Unit[] = [
    ...mandatory,
    ...open.map((v) => withClientHead(v, statusEvents(v.events, true, holds))),
    ...[...new Set(open.map((v) => v.clientKey))]
      .filter(
        (key) =>
          state.records.has(key) && recordHead(key, state.records.get(key)!) !== state.records.get(key),
      )
      .map((key) => ({ records: [key], events: [] })),
    ...clients.filter((key) => !billed.has(key)).map((key) => ({ records: [key], events: [] })),
    ...recent.map((v) => withClient(v, statusEvents(v.events, false))),
    ...historyOf([...open, ...recent]),
    // Last, events about no invoice of this ledger (deleted ones, or never received here).
    ...[...state.events.values()]
      .filter((e) => !(Array.isArray(e.invoiceIds) && e.invoiceIds.some((id) => listed.has(id))))
      .sort(byDate)
      .reverse()
      .map((e) => ({ records: [], events: [e.id] })),
  ];
  const current = new Set([...open, ...recent].map((v) => v.clientKey));
  const oldClients = new Set(
    old.map((v) => v.clientKey).filter((key) => !current.has(key) && state.records.has(key)),
  );
  return {
    units,
    mandatory: mandatory.length,
    totals: { invoices: invoices.length, clients: clients.length, events: state.events.size },
    settledOld: { invoices: old.length, clients: oldClients.size },
  };
}
