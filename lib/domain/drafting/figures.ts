import { daysBetween } from '../calendar';
import { computePenalties, type PenaltyPayment, type PenaltyResult } from '../penalties';
import { defaultScenarioList } from '../scenarios';
import type { Invoice, IsoDate, LedgerEvent, RateTable, Scenario, Segment } from '../schemas';
import type { DraftInput, DraftLine, DraftTotals } from './types';

/** Steps whose reminder is the formal notice (the defaults' and the client's own): for a consumer, interest runs from it. */
export function formalNoticeStepIds(scenario?: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const each of [...defaultScenarioList, ...(scenario ? [scenario] : [])])
    for (const step of each.steps) if (step.tone === 'formal_notice') ids.add(step.id);
  return ids;
}

function earliestNotice(
  events: readonly LedgerEvent[],
  invoiceId: string,
  steps: ReadonlySet<string>,
  today: IsoDate,
) {
  let found: IsoDate | undefined;
  for (const event of events)
    if (
      event.type === 'reminder' &&
      event.date <= today &&
      steps.has(event.stepId) &&
      event.invoiceIds.includes(invoiceId) &&
      (found === undefined || event.date < found)
    )
      found = event.date;
  return found;
}

/**
 * The penalties of one invoice from the client's history, the same in the sidebar and in drafts:
 * what was paid before the invoice entered the ledger counts as paid on the due date (its date is
 * unknown), later payments on the day they were logged; a consumer's interest runs from the first
 * formal notice.
 */
export function invoicePenalties(
  invoice: Invoice,
  events: readonly LedgerEvent[],
  context: { segment: Segment; rates: RateTable; today: IsoDate; noticeSteps: ReadonlySet<string> },
): PenaltyResult {
  const payments: PenaltyPayment[] = [];
  if (invoice.paidCents > 0) payments.push({ date: invoice.dueDate, amountCents: invoice.paidCents });
  for (const event of events)
    if (event.type === 'payment' && event.invoiceIds[0] === invoice.id && event.date <= context.today)
      payments.push({ date: event.date, amountCents: event.amountCents });
  return computePenalties({
    amountCents: invoice.amountCents,
    dueDate: invoice.dueDate,
    payments,
    isCreditNote: invoice.isCreditNote,
    segment: context.segment,
    today: context.today,
    rates: context.rates,
    contractualRateBps: invoice.contractualRateBps,
    formalNoticeDate: earliestNotice(events, invoice.id, context.noticeSteps, context.today),
  });
}

/** Amounts, days late and penalties of each invoice of the draft. */
export function draftLines(input: DraftInput): DraftLine[] {
  const context = {
    segment: input.client.segment,
    rates: input.rates,
    today: input.today,
    noticeSteps: formalNoticeStepIds(input.scenario),
  };
  return input.invoices.map(({ invoice, status }) => ({
    invoiceId: invoice.id,
    number: invoice.number,
    outstandingCents: status.outstandingCents,
    daysLate: Math.max(0, daysBetween(invoice.dueDate, input.today)),
    penalties: invoicePenalties(invoice, input.events, context),
  }));
}

export function draftTotals(lines: readonly DraftLine[], currency: string): DraftTotals {
  let outstandingCents = 0;
  let interestCents = 0;
  let indemnityCents = 0;
  for (const line of lines) {
    outstandingCents += line.outstandingCents;
    interestCents += line.penalties.interestCents;
    indemnityCents += line.penalties.indemnityCents;
  }
  return {
    outstandingCents,
    interestCents,
    indemnityCents,
    penaltiesCents: interestCents + indemnityCents,
    currency,
  };
}

/** Dates of the earlier reminders and calls about these invoices, oldest first, without repeats. */
export function earlierContacts(input: DraftInput): IsoDate[] {
  const ids = new Set(input.invoices.map((entry) => entry.invoice.id));
  const dates = new Set<IsoDate>();
  for (const event of input.events)
    if (
      (event.type === 'reminder' || event.type === 'call') &&
      event.date < input.today &&
      event.invoiceIds.some((id) => ids.has(id))
    )
      dates.add(event.date);
  return [...dates].sort();
}
