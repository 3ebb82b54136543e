import { addMonths, daysBetween } from './calendar';
import { defaultScenarioList } from './scenarios';
import type { Channel, Invoice, IsoDate, Ledger, LedgerEvent, Tone } from './schemas';

/**
 * The score: what is owed and how late, how fast the money comes in, which step gets paid, and
 * which clients are slower than usual. Common rules for every figure:
 * - only what was known on `today` counts: events dated later are left out;
 * - credit notes are owed by the user, not to them: they are in no figure;
 * - an invoice's `paidCents` (paid before it entered the ledger) has no date: it counts as paid
 *   by the due date, never as a late payment and never as a recovery.
 */

export const agingBuckets = ['not_due', 'late_1_30', 'late_31_60', 'late_61_90', 'late_over_90'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

export interface Tally {
  cents: number;
  count: number;
}

export interface AgedBalance {
  buckets: Record<AgingBucket, Tally>;
  total: Tally;
}

/** The bucket of an amount `daysLate` days past its due date (0 or less: not yet due). */
export function agingBucketOf(daysLate: number): AgingBucket {
  if (daysLate <= 0) return 'not_due';
  if (daysLate <= 30) return 'late_1_30';
  if (daysLate <= 60) return 'late_31_60';
  if (daysLate <= 90) return 'late_61_90';
  return 'late_over_90';
}

/** Payments logged as events, per invoice, up to `today`, in date order. */
function paymentsByInvoice(events: readonly LedgerEvent[], today: IsoDate): Map<string, LedgerEvent[]> {
  const byInvoice = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    if (event.type !== 'payment' || event.date > today) continue;
    const id = event.invoiceIds[0]!;
    const list = byInvoice.get(id);
    if (list) list.push(event);
    else byInvoice.set(id, [event]);
  }
  for (const list of byInvoice.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byInvoice;
}

function paidCentsOf(payments: readonly LedgerEvent[] | undefined): number {
  let cents = 0;
  for (const payment of payments ?? []) if (payment.type === 'payment') cents += payment.amountCents;
  return cents;
}

/** What is still owed on each invoice on `today` (credit notes and invoices issued later left out). */
function outstandingOf(ledger: Ledger, today: IsoDate): { invoice: Invoice; cents: number }[] {
  const payments = paymentsByInvoice(ledger.events, today);
  const open: { invoice: Invoice; cents: number }[] = [];
  for (const invoice of ledger.invoices) {
    if (invoice.isCreditNote || invoice.issueDate > today) continue;
    const cents = invoice.amountCents - invoice.paidCents - paidCentsOf(payments.get(invoice.id));
    if (cents > 0) open.push({ invoice, cents });
  }
  return open;
}

/** Amounts still owed on `today`, by how late they are (days after the due date). */
export function agedBalance(ledger: Ledger, today: IsoDate): AgedBalance {
  const buckets = Object.fromEntries(agingBuckets.map((b) => [b, { cents: 0, count: 0 }])) as Record<
    AgingBucket,
    Tally
  >;
  const total = { cents: 0, count: 0 };
  for (const { invoice, cents } of outstandingOf(ledger, today)) {
    const bucket = buckets[agingBucketOf(daysBetween(invoice.dueDate, today))];
    bucket.cents += cents;
    bucket.count += 1;
    total.cents += cents;
    total.count += 1;
  }
  return { buckets, total };
}

export interface Dso {
  /** Days of sales outstanding; null when nothing was invoiced in the period. */
  days: number | null;
  receivablesCents: number;
  salesCents: number;
  periodDays: number;
}

/**
 * Days sales outstanding, standard (simple) method: receivables on `today` ÷ credit sales of the
 * last `periodDays` days × `periodDays`. Receivables are every amount still owed (due or not,
 * incl. VAT); sales are the amounts incl. VAT of the invoices issued in the `periodDays` days
 * ending on `today` (today included). Not the count-back method: it smooths seasonal sales less
 * well but needs only one period and reads the same in every accounting textbook.
 */
export function dso(ledger: Ledger, today: IsoDate, periodDays = 90): Dso {
  let receivablesCents = 0;
  for (const { cents } of outstandingOf(ledger, today)) receivablesCents += cents;
  let salesCents = 0;
  for (const invoice of ledger.invoices) {
    if (invoice.isCreditNote) continue;
    const age = daysBetween(invoice.issueDate, today);
    if (age >= 0 && age < periodDays) salesCents += invoice.amountCents;
  }
  const days = salesCents > 0 ? (receivablesCents / salesCents) * periodDays : null;
  return { days, receivablesCents, salesCents, periodDays };
}

export interface StepRecovery extends Tally {
  /** The step of the last contact before the payment; null when paid before any reminder. */
  stepId: string | null;
  tone?: Tone;
  channel?: Channel;
}

/**
 * Payments attributed to the step reached: each payment (received between `from` and `today`)
 * goes to the step of the last reminder or step call naming its invoice on or before the day it
 * arrived. A call logged without a step is not a step of the scenario and is passed over.
 * Rows come in order of the amount recovered, largest first; `count` counts payments.
 */
export function recoveredByStep(ledger: Ledger, today: IsoDate, from?: IsoDate): StepRecovery[] {
  const steps = new Map<string, Tone>();
  for (const scenario of [...defaultScenarioList, ...ledger.scenarios])
    for (const step of scenario.steps) steps.set(step.id, step.tone);

  const contacts = new Map<string, { date: IsoDate; stepId: string; channel: Channel }[]>();
  for (const event of ledger.events) {
    if (event.date > today) continue;
    if ((event.type !== 'reminder' && event.type !== 'call') || event.stepId === undefined) continue;
    const channel: Channel = event.type === 'call' ? 'phone' : event.channel;
    for (const id of event.invoiceIds) {
      const list = contacts.get(id) ?? [];
      list.push({ date: event.date, stepId: event.stepId, channel });
      contacts.set(id, list);
    }
  }

  const rows = new Map<string | null, StepRecovery>();
  for (const event of ledger.events) {
    if (event.type !== 'payment' || event.date > today || (from !== undefined && event.date < from)) continue;
    let last: { date: IsoDate; stepId: string; channel: Channel } | undefined;
    // The log's order breaks ties within a day: the later entry is the last contact.
    for (const contact of contacts.get(event.invoiceIds[0]!) ?? [])
      if (contact.date <= event.date && (last === undefined || contact.date >= last.date)) last = contact;
    const key = last?.stepId ?? null;
    let row = rows.get(key);
    if (row === undefined) {
      row = { stepId: key, cents: 0, count: 0 };
      if (last) {
        row.channel = last.channel;
        const tone = steps.get(last.stepId);
        if (tone) row.tone = tone;
      }
      rows.set(key, row);
    }
    row.cents += event.amountCents;
    row.count += 1;
  }
  return [...rows.values()].sort(
    (a, b) => b.cents - a.cents || String(a.stepId).localeCompare(String(b.stepId)),
  );
}

export interface MonthRecovery {
  /** `YYYY-MM`: the month the invoices fell due in. */
  month: string;
  /** Amounts incl. VAT of the invoices due that month. */
  dueCents: number;
  /** Paid so far (by `today`) on those invoices, on time or late. */
  paidCents: number;
  /** Still unpaid at the end of their due date: what became overdue. */
  overdueCents: number;
  /** The part of `overdueCents` paid since, by `today`. */
  recoveredCents: number;
  /** paidCents / dueCents; null when nothing fell due. */
  collectionRate: number | null;
  /** recoveredCents / overdueCents; null when nothing became overdue. */
  recoveryRate: number | null;
}

/**
 * The recovery rate over time, by the month invoices fell due (a cohort per month), for the
 * `months` months ending with the month of `today`, oldest first. Two rates per month:
 * - collection rate = paid so far / amount that fell due;
 * - recovery rate = amount paid after the due date / amount unpaid at the due date: the share of
 *   the overdue money that the reminders brought back. Recent months are naturally lower: their
 *   overdue amounts have had less time to come in.
 */
export function recoveryByMonth(ledger: Ledger, today: IsoDate, months = 12): MonthRecovery[] {
  const first = addMonths(`${today.slice(0, 7)}-01`, -(months - 1));
  const rows = new Map<string, MonthRecovery>();
  for (let i = 0; i < months; i++) {
    const month = addMonths(first, i).slice(0, 7);
    rows.set(month, {
      month,
      dueCents: 0,
      paidCents: 0,
      overdueCents: 0,
      recoveredCents: 0,
      collectionRate: null,
      recoveryRate: null,
    });
  }
  const payments = paymentsByInvoice(ledger.events, today);
  for (const invoice of ledger.invoices) {
    const row = rows.get(invoice.dueDate.slice(0, 7));
    // An invoice falls due at the end of its due date: the cohort holds only those past it.
    if (row === undefined || invoice.isCreditNote || invoice.dueDate >= today) continue;
    let onTime = invoice.paidCents;
    let late = 0;
    for (const payment of payments.get(invoice.id) ?? [])
      if (payment.type === 'payment') {
        if (payment.date <= invoice.dueDate) onTime += payment.amountCents;
        else late += payment.amountCents;
      }
    onTime = Math.min(onTime, invoice.amountCents);
    late = Math.min(late, invoice.amountCents - onTime);
    row.dueCents += invoice.amountCents;
    row.paidCents += onTime + late;
    row.overdueCents += invoice.amountCents - onTime;
    row.recoveredCents += late;
  }
  for (const row of rows.values()) {
    row.collectionRate = row.dueCents > 0 ? row.paidCents / row.dueCents : null;
    row.recoveryRate = row.overdueCents > 0 ? row.recoveredCents / row.overdueCents : null;
  }
  return [...rows.values()];
}

export interface BehaviourOptions {
  /** Fewer payments than this: no usual delay yet, so no alert. */
  minPayments?: number;
  /** The alert margin is the larger of these days… */
  marginDays?: number;
  /** …and this share of the usual delay. */
  marginRatio?: number;
}

export interface ClientBehaviour {
  clientId: string;
  /** Average days late of the money received, weighted by amount; null without enough history. */
  usualDaysLate: number | null;
  payments: number;
  paidCents: number;
  /** Days late of the client's oldest unpaid overdue invoice on `today` (0 when none). */
  currentDaysLate: number;
  overdueCents: number;
  /** The delay beyond which the client is slower than usual; null without a usual delay. */
  thresholdDays: number | null;
  /** The current delay exceeds the usual one by more than the margin. */
  alert: boolean;
}

/**
 * Each client's payment behaviour: the usual delay is Σ(amount × days late) / Σ amount over every
 * payment received (a payment before or on the due date is 0 days late), so one large invoice paid
 * late weighs more than a small one. The alert fires when the oldest overdue invoice is later than
 * usual delay + max(marginDays, marginRatio × usual delay).
 */
export function paymentBehaviour(
  ledger: Ledger,
  today: IsoDate,
  options: BehaviourOptions = {},
): ClientBehaviour[] {
  const { minPayments = 2, marginDays = 7, marginRatio = 0.5 } = options;
  const byClient = new Map<
    string,
    { weighted: number; paid: number; count: number; late: number; overdue: number }
  >();
  const stats = (clientId: string) => {
    let s = byClient.get(clientId);
    if (!s) byClient.set(clientId, (s = { weighted: 0, paid: 0, count: 0, late: 0, overdue: 0 }));
    return s;
  };
  for (const client of ledger.clients) stats(client.id);

  const invoices = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice]));
  for (const event of ledger.events) {
    if (event.type !== 'payment' || event.date > today) continue;
    const invoice = invoices.get(event.invoiceIds[0]!);
    if (!invoice || invoice.isCreditNote) continue;
    const s = stats(invoice.clientId);
    s.weighted += event.amountCents * Math.max(0, daysBetween(invoice.dueDate, event.date));
    s.paid += event.amountCents;
    s.count += 1;
  }
  for (const { invoice, cents } of outstandingOf(ledger, today)) {
    const late = daysBetween(invoice.dueDate, today);
    if (late <= 0) continue;
    const s = stats(invoice.clientId);
    s.late = Math.max(s.late, late);
    s.overdue += cents;
  }

  return [...byClient].map(([clientId, s]) => {
    const usual = s.count >= minPayments && s.paid > 0 ? s.weighted / s.paid : null;
    const threshold = usual === null ? null : usual + Math.max(marginDays, marginRatio * usual);
    return {
      clientId,
      usualDaysLate: usual,
      payments: s.count,
      paidCents: s.paid,
      currentDaysLate: s.late,
      overdueCents: s.overdue,
      thresholdDays: threshold,
      alert: threshold !== null && s.late > threshold,
    };
  });
}

/** The clients paying later than usual, the furthest past their threshold first. */
export function lateAlerts(ledger: Ledger, today: IsoDate, options?: BehaviourOptions): ClientBehaviour[] {
  return paymentBehaviour(ledger, today, options)
    .filter((b) => b.alert)
    .sort((a, b) => b.currentDaysLate - b.thresholdDays! - (a.currentDaysLate - a.thresholdDays!));
}
