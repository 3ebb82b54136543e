import { planActions, type Action, type ActionPlan, type InvoiceStatus } from '../../lib/domain/engine';
import { formalNoticeStepIds, invoicePenalties } from '../../lib/domain/drafting';
import type { PenaltyResult } from '../../lib/domain/penalties';
import { scenarioFor } from '../../lib/domain/scenarios';
import type { Client, Invoice, IsoDate, Ledger, LedgerEvent } from '../../lib/domain/schemas';

/**
 * What the sidebar shows for one client, computed from the ledger in one pass over the client's
 * invoices and events. Pure: the view only formats it.
 */
export interface InvoiceLine {
  invoice: Invoice;
  status: InvoiceStatus;
  penalties: PenaltyResult;
  /** What was paid after the invoice entered the ledger (payment events). */
  paidLaterCents: number;
}

export interface ClientSummary {
  client: Client;
  /** Unpaid invoices (credit notes and settled ones left out), the longest overdue first. */
  open: InvoiceLine[];
  totalDueCents: number;
  penaltiesCents: number;
  /** Actions due today or earlier for this client. */
  due: Action[];
  /** The next dated step among the open invoices when nothing is due yet. */
  upcoming?: { date: IsoDate; status: InvoiceStatus };
  /** Every event of the client, newest first. */
  history: LedgerEvent[];
  currency: string;
}

export interface LedgerView {
  ledger: Ledger;
  today: IsoDate;
  plan: ActionPlan;
  statusById: Map<string, InvoiceStatus>;
  clientsById: Map<string, Client>;
  invoicesByClient: Map<string, Invoice[]>;
  eventsByClient: Map<string, LedgerEvent[]>;
  dueByClient: Map<string, Action[]>;
}

/** Indexes the ledger once per change, so that switching threads costs only one client's work. */
export function viewLedger(ledger: Ledger, today: IsoDate): LedgerView {
  const plan = planActions(ledger, today);
  const statusById = new Map<string, InvoiceStatus>();
  for (const status of plan.statuses) statusById.set(status.invoiceId, status);
  const clientsById = new Map(ledger.clients.map((client) => [client.id, client]));
  const invoicesByClient = groupBy(ledger.invoices, (invoice) => invoice.clientId);
  const eventsByClient = groupBy(ledger.events, (event) => event.clientId);
  const dueByClient = groupBy(plan.actions, (action) => action.clientId);
  return { ledger, today, plan, statusById, clientsById, invoicesByClient, eventsByClient, dueByClient };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function summariseClient(view: LedgerView, clientId: string): ClientSummary | undefined {
  const client = view.clientsById.get(clientId);
  if (!client) return undefined;
  const history = [...(view.eventsByClient.get(clientId) ?? [])].sort((a, b) =>
    a.date === b.date ? 0 : a.date < b.date ? 1 : -1,
  );
  const noticeSteps = formalNoticeStepIds(scenarioFor(client, view.ledger.scenarios));
  const open: InvoiceLine[] = [];
  let upcoming: ClientSummary['upcoming'];
  for (const invoice of view.invoicesByClient.get(clientId) ?? []) {
    const status = view.statusById.get(invoice.id);
    if (!status || status.state === 'settled' || status.state === 'credit_note') continue;
    const penalties = invoicePenalties(invoice, history, {
      segment: client.segment,
      rates: view.ledger.rates,
      today: view.today,
      noticeSteps,
    });
    let paidLaterCents = 0;
    for (const event of history)
      if (event.type === 'payment' && event.invoiceIds[0] === invoice.id) paidLaterCents += event.amountCents;
    open.push({ invoice, status, penalties, paidLaterCents });
    const next = status.next;
    if (next && next.date > view.today && (!upcoming || next.date < upcoming.date))
      upcoming = { date: next.date, status };
  }
  open.sort(
    (a, b) => b.status.daysLate - a.status.daysLate || (a.invoice.dueDate < b.invoice.dueDate ? -1 : 1),
  );
  return {
    client,
    open,
    totalDueCents: open.reduce((sum, line) => sum + line.status.outstandingCents, 0),
    penaltiesCents: open.reduce((sum, line) => sum + line.penalties.totalCents, 0),
    due: view.dueByClient.get(clientId) ?? [],
    upcoming,
    history,
    currency: open[0]?.invoice.currency ?? view.ledger.settings.currency,
  };
}
