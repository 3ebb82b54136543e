import type { ActionPlan, InvoiceState } from '../../lib/domain/engine';
import type {
  Channel,
  EventType,
  Invoice,
  IsoDate,
  Ledger,
  LedgerEvent,
  Segment,
  Tone,
} from '../../lib/domain/schemas';
import {
  agingBucketOf,
  paymentBehaviour,
  type AgingBucket,
  type ClientBehaviour,
} from '../../lib/domain/figures';

/** One line of the tracking table: an invoice with what the engine says of it, flattened for sorting. */
export interface TrackingRow {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  emails: readonly string[];
  segment: Segment;
  currency: string;
  amountCents: number;
  paidCents: number;
  remainingCents: number;
  issueDate: IsoDate;
  dueDate: IsoDate;
  daysLate: number;
  bucket: AgingBucket;
  reachedIndex: number;
  reachedTone?: Tone;
  lastAction?: { type: EventType; date: IsoDate };
  next?: { channel: Channel; tone: Tone; date: IsoDate };
  state: InvoiceState;
  behaviour?: ClientBehaviour;
  /** Lower-case client name, invoice number and client emails, for the search box. */
  haystack: string;
}

/** The latest event of each invoice (the log order breaks ties within a day). */
function lastEvents(events: readonly LedgerEvent[]): Map<string, LedgerEvent> {
  const last = new Map<string, LedgerEvent>();
  for (const event of events)
    for (const invoiceId of event.invoiceIds) {
      const known = last.get(invoiceId);
      if (known === undefined || event.date >= known.date) last.set(invoiceId, event);
    }
  return last;
}

export function buildRows(
  ledger: Ledger,
  plan: ActionPlan,
  behaviours: ReadonlyMap<string, ClientBehaviour> = new Map(),
): TrackingRow[] {
  const clients = new Map(ledger.clients.map((client) => [client.id, client]));
  const last = lastEvents(ledger.events);
  const rows: TrackingRow[] = new Array(ledger.invoices.length);
  for (let i = 0; i < ledger.invoices.length; i++) {
    const invoice: Invoice = ledger.invoices[i]!;
    const status = plan.statuses[i]!;
    const client = clients.get(invoice.clientId);
    const event = last.get(invoice.id);
    const clientName = client?.name ?? invoice.clientId;
    const emails = client?.emails ?? [];
    rows[i] = {
      id: invoice.id,
      number: invoice.number,
      clientId: invoice.clientId,
      clientName,
      emails,
      segment: client?.segment ?? 'business',
      currency: invoice.currency,
      amountCents: invoice.amountCents,
      paidCents: invoice.amountCents - status.outstandingCents,
      remainingCents: status.outstandingCents,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      daysLate: status.daysLate,
      bucket: agingBucketOf(status.daysLate),
      reachedIndex: status.reachedIndex,
      reachedTone: status.reachedStep?.tone,
      lastAction: event && { type: event.type, date: event.date },
      next: status.next && {
        channel: status.next.step.channel,
        tone: status.next.step.tone,
        date: status.next.date,
      },
      state: status.state,
      behaviour: behaviours.get(invoice.clientId),
      haystack: `${clientName}\n${invoice.number}\n${emails.join('\n')}`.toLowerCase(),
    };
  }
  return rows;
}

const rowsOfPlan = new WeakMap<ActionPlan, TrackingRow[]>();

/**
 * The rows of a plan, with each client's payment behaviour. Remembered per plan (the page keeps
 * one per ledger and day), so coming back to the table does not redo 10,000 rows.
 */
export function trackingRows(ledger: Ledger, plan: ActionPlan, today: IsoDate): TrackingRow[] {
  let rows = rowsOfPlan.get(plan);
  if (rows === undefined) {
    const behaviours = new Map(paymentBehaviour(ledger, today).map((entry) => [entry.clientId, entry]));
    rows = buildRows(ledger, plan, behaviours);
    rowsOfPlan.set(plan, rows);
  }
  return rows;
}

export interface TrackingFilters {
  query: string;
  segment: Segment | '';
  /** The tone of the step reached; `none` before the first step. */
  step: Tone | 'none' | '';
  state: InvoiceState | '';
  bucket: AgingBucket | '';
}

export const noFilters: TrackingFilters = { query: '', segment: '', step: '', state: '', bucket: '' };

export function filterRows(rows: readonly TrackingRow[], filters: TrackingFilters): TrackingRow[] {
  const query = filters.query.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (query === '' || row.haystack.includes(query)) &&
      (filters.segment === '' || row.segment === filters.segment) &&
      (filters.step === '' || (row.reachedTone ?? 'none') === filters.step) &&
      (filters.state === '' || row.state === filters.state) &&
      (filters.bucket === '' || row.bucket === filters.bucket),
  );
}

export const sortKeys = [
  'client',
  'number',
  'amount',
  'paid',
  'remaining',
  'issueDate',
  'dueDate',
  'daysLate',
  'step',
  'lastAction',
  'next',
  'state',
] as const;
export type SortKey = (typeof sortKeys)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

type Value = string | number;
const sortValue: Record<SortKey, (row: TrackingRow) => Value> = {
  client: (row) => row.clientName.toLocaleLowerCase('fr'),
  number: (row) => row.number,
  amount: (row) => row.amountCents,
  paid: (row) => row.paidCents,
  remaining: (row) => row.remainingCents,
  issueDate: (row) => row.issueDate,
  dueDate: (row) => row.dueDate,
  daysLate: (row) => row.daysLate,
  step: (row) => row.reachedIndex,
  // Rows without a date sort after every dated one.
  lastAction: (row) => row.lastAction?.date ?? '~',
  next: (row) => row.next?.date ?? '~',
  state: (row) => row.state,
};

/** A stable sort on one column; ties keep the order by due date then number, so paging is predictable. */
export function sortRows(rows: readonly TrackingRow[], sort: Sort): TrackingRow[] {
  const value = sortValue[sort.key];
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  const direction = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * direction;
    if (a.row.dueDate !== b.row.dueDate) return a.row.dueDate < b.row.dueDate ? -1 : 1;
    return a.row.number < b.row.number ? -1 : a.row.number > b.row.number ? 1 : 0;
  });
  return keyed.map((entry) => entry.row);
}
