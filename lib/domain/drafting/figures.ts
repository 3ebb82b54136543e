import { daysBetween } from '../calendar';
import { computePenalties, type PenaltyPayment } from '../penalties';
import { defaultScenarioList } from '../scenarios';
import type { IsoDate, LedgerEvent } from '../schemas';
import type { DraftInput, DraftLine, DraftTotals } from './types';

/** Steps whose reminder is the formal notice: for a consumer, interest runs from it. */
function formalNoticeSteps(input: DraftInput): Set<string> {
  const ids = new Set<string>();
  for (const scenario of [...defaultScenarioList, ...(input.scenario ? [input.scenario] : [])])
    for (const step of scenario.steps) if (step.tone === 'formal_notice') ids.add(step.id);
  return ids;
}

function earliestNotice(
  events: readonly LedgerEvent[],
  invoiceId: string,
  steps: Set<string>,
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
 * Amounts, days late and penalties of each invoice, computed the way the sidebar shows them:
 * what was paid before the invoice entered the ledger counts as paid on the due date (its date is
 * unknown), later payments on the day they were logged.
 */
export function draftLines(input: DraftInput): DraftLine[] {
  const notices = formalNoticeSteps(input);
  return input.invoices.map(({ invoice, status }) => {
    const payments: PenaltyPayment[] = [];
    if (invoice.paidCents > 0) payments.push({ date: invoice.dueDate, amountCents: invoice.paidCents });
    for (const event of input.events)
      if (event.type === 'payment' && event.invoiceIds[0] === invoice.id && event.date <= input.today)
        payments.push({ date: event.date, amountCents: event.amountCents });
    const penalties = computePenalties({
      amountCents: invoice.amountCents,
      dueDate: invoice.dueDate,
      payments,
      isCreditNote: invoice.isCreditNote,
      segment: input.client.segment,
      today: input.today,
      rates: input.rates,
      contractualRateBps: invoice.contractualRateBps,
      formalNoticeDate: earliestNotice(input.events, invoice.id, notices, input.today),
    });
    return {
      invoiceId: invoice.id,
      number: invoice.number,
      outstandingCents: status.outstandingCents,
      daysLate: Math.max(0, daysBetween(invoice.dueDate, input.today)),
      penalties,
    };
  });
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
