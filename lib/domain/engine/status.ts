import type { Invoice, IsoDate, LedgerEvent, Scenario, Settings } from '../schemas';
import { businessDayOf, dateOf, dayOf, shift } from './days';
import { holdsOf, weightiest } from './holds';
import { readHistory, type History } from './history';
import {
  applyContact,
  compileScenario,
  newClientRun,
  NO_DAY,
  positionOn,
  type ClientRun,
  type CompiledScenario,
} from './progress';
import type { InvoiceStatus, NextStep } from './types';

/**
 * Where one invoice stands in its scenario on `today`, for a caller that has one invoice at hand.
 * `events` must hold at least this invoice's events and the reminders and calls of its client
 * (they hold the next step back by `settings.minDaysBetweenContacts`); the whole history will do.
 * For many invoices at once, `planActions` reads the history only once.
 */
export function invoiceStatus(
  invoice: Invoice,
  events: readonly LedgerEvent[],
  scenario: Scenario,
  settings: Settings,
  today: IsoDate,
): InvoiceStatus {
  const client = newClientRun(compileScenario(scenario));
  const own = events.filter((event) => event.clientId === invoice.clientId);
  const history = readHistory([invoice], own, today, () => client);
  // The client's other invoices are not known here: their reminders name them, not this one.
  for (const event of own)
    if ((event.type === 'reminder' || event.type === 'call') && event.date <= today)
      applyContact(client, event.date);
  setContactFloor(client, settings);
  return statusOf(invoice, 0, history, settings);
}

/** The first day the client may be contacted again, from its last contact. */
export function setContactFloor(client: ClientRun, settings: Settings): void {
  client.floorDay =
    client.lastContact === undefined ? NO_DAY : dayOf(client.lastContact) + settings.minDaysBetweenContacts;
}

/** The status of the invoice at position `i`, from the history already read. */
export function statusOf(invoice: Invoice, i: number, history: History, settings: Settings): InvoiceStatus {
  const { tracks, todayDay } = history;
  const client = tracks.runs[i]!;
  const { plan } = client;
  const reached = tracks.reached[i]!;
  const dueDay = tracks.dueDays[i]!;
  // Every field set from the start (one object shape), even those only some invoices have.
  const status: InvoiceStatus = {
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    scenarioId: plan.scenario.id,
    outstandingCents: invoice.amountCents - invoice.paidCents - tracks.paidCents[i]!,
    state: 'active',
    reachedIndex: reached,
    reachedStep: reached >= 0 ? plan.scenario.steps[reached] : undefined,
    next: undefined,
    due: false,
    daysLate: Math.max(0, todayDay - dueDay),
    pausedUntil: undefined,
    lastContactDate: tracks.lastContactDays[i] === NO_DAY ? undefined : dateOf(tracks.lastContactDays[i]!),
    lastClientContactDate: client.lastContact,
  };

  // A credit note is owed by the user, and a paid invoice is done: neither is ever chased.
  if (invoice.isCreditNote) status.state = 'credit_note';
  else if (status.outstandingCents <= 0) status.state = 'settled';
  if (status.state !== 'active') return status;

  const holds = holdsOf(tracks.more[i], history, settings);
  let floorDay = client.floorDay;
  let openEnded = false;
  let resumeOn: IsoDate | undefined;
  for (const hold of holds) {
    if (hold.resumeOn === undefined) openEnded ||= hold.active;
    else if (resumeOn === undefined || hold.resumeOn > resumeOn) resumeOn = hold.resumeOn;
  }
  if (resumeOn !== undefined) floorDay = Math.max(floorDay, dayOf(resumeOn));

  // While a hold has no known end there is no date to announce.
  const next = openEnded ? undefined : nextStep(invoice, dueDay, plan, reached, floorDay, todayDay);
  status.next = next;
  status.due = next !== undefined && next.date <= history.today;

  const held = holds.length > 0 ? weightiest(holds) : undefined;
  if (held) {
    status.state = held;
    if (!openEnded && resumeOn !== undefined) status.pausedUntil = shift(resumeOn, -1);
  } else if (!next) status.state = 'completed';
  else if (todayDay <= dueDay) status.state = 'not_due';
  return status;
}

/**
 * The step after the one reached, on the first business day allowed by its offset from the due
 * date, by the interval since the last contact with the client and by the end of any hold.
 * A step meant for before the due date is dropped when it cannot come before it any more
 * (the due date has passed, or those floors push it past), and when the invoice was issued too
 * close to its due date for it: a heads-up after the fact is no heads-up.
 */
function nextStep(
  invoice: Invoice,
  dueDay: number,
  plan: CompiledScenario,
  reached: number,
  floorDay: number,
  todayDay: number,
): NextStep | undefined {
  const { steps } = plan.scenario;
  const from = positionOn(todayDay, dueDay, reached, plan) + 1;
  for (let index = from; index < steps.length; index++) {
    const step = steps[index]!;
    const nominal = dueDay + step.offsetDays;
    const beforeDue = step.offsetDays < 0;
    if (beforeDue && nominal < dayOf(invoice.issueDate)) continue;
    const day = businessDayOf(Math.max(nominal, floorDay));
    if (beforeDue && day > dueDay) continue;
    return { step, index, date: dateOf(day) };
  }
  // Past the last step: what remains is the hand-over to a third party.
  return undefined;
}
