import type { IsoDate, LedgerEvent } from '../../domain/schemas';
import { isVisible, type Json, type RecordState, type ReplicaState } from './state';
import { dayNumber, isoFromDay } from './text-codec';

/** Records and events that travel together: an invoice is no use on another browser without its client. */
export interface Unit {
  readonly records: readonly string[];
  readonly events: readonly string[];
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

/**
 * The events another browser needs to show an invoice's status right: every payment (the amount
 * still due), the last action, the step reached, and what pauses the scenario (the last promise,
 * the last payment plan, disputes not yet resolved, a pause not yet resumed). `events` is sorted by date.
 */
export function statusEvents(events: readonly LedgerEvent[], open: boolean): LedgerEvent[] {
  const keep = new Set<LedgerEvent>(events.filter((e) => e.type === 'payment'));
  const latest = events[events.length - 1];
  if (latest) keep.add(latest);
  if (open) {
    const resolved = new Set(events.flatMap((e) => (e.type === 'dispute_resolved' ? [e.disputeId] : [])));
    for (const e of events) if (e.type === 'dispute' && !resolved.has(e.id)) keep.add(e);
    for (const test of [
      (e: LedgerEvent) => e.type === 'reminder' || e.type === 'skip' || (e.type === 'call' && !!e.stepId),
      (e: LedgerEvent) => e.type === 'promise',
      (e: LedgerEvent) => e.type === 'plan',
    ]) {
      const found = last(events, test);
      if (found) keep.add(found);
    }
    const pause = last(events, (e) => e.type === 'pause' || e.type === 'resume');
    if (pause?.type === 'pause') keep.add(pause);
  }
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
    ...open.map((v) => withClient(v, statusEvents(v.events, true))),
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
