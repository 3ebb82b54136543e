import type { EventOf, IsoDate, Settings } from '../schemas';
import { shift } from './days';
import type { History, PlanOutcome } from './history';
import type { MoreProgress, PlanPayment } from './progress';
import type { PausedState } from './types';

/**
 * Something that holds the scenario back: a promise, a dispute, a payment plan, a manual pause.
 * A hold that is over still matters: the scenario resumes the day it ends, not from the dates
 * it would have had without it.
 */
export interface Hold {
  state: PausedState;
  /** It holds today. */
  active: boolean;
  /** The first day the scenario may act again; absent while the end is unknown. */
  resumeOn?: IsoDate;
}

/** When several holds apply the state shows the weightiest: a contested debt is not chased at all. */
const priority: readonly PausedState[] = ['paused_dispute', 'paused_plan', 'paused_promise', 'paused_manual'];

const NO_HOLDS: readonly Hold[] = [];

export function holdsOf(
  rest: MoreProgress | undefined,
  history: History,
  settings: Settings,
): readonly Hold[] {
  // Most invoices have none: no allocation for them.
  if (!rest || (!rest.disputes && !rest.paymentPlan && !rest.promise && !rest.pause)) return NO_HOLDS;
  const holds: Hold[] = [];
  const { today } = history;
  if (rest.disputes) holds.push(disputeHold(rest.disputes, history));
  if (rest.paymentPlan) {
    const outcome = judgePlan(rest.paymentPlan, history, settings.planGraceDays);
    holds.push({ state: 'paused_plan', active: outcome.honoured, resumeOn: outcome.resumeOn });
  }
  if (rest.promise) {
    // The debtor keeps the promised day and the grace days after it.
    const resumeOn = shift(rest.promise.promisedDate, settings.promiseGraceDays + 1);
    holds.push({ state: 'paused_promise', active: today < resumeOn, resumeOn });
  }
  if (rest.pause) holds.push(manualHold(rest.pause, rest.resumedOn, today));
  return holds;
}

export function weightiest(holds: readonly Hold[]): PausedState | undefined {
  for (const state of priority) if (holds.some((hold) => hold.active && hold.state === state)) return state;
  return undefined;
}

/**
 * A dispute holds until it is resolved, whatever the resolution, and the scenario may act again the
 * day of the resolution: the user is on the case. An upheld dispute or a credit note does not
 * lower the amount by itself (the ledger does not tie a credit note to the invoice it credits):
 * what is no longer owed has to be recorded against the invoice.
 */
function disputeHold(disputes: readonly EventOf<'dispute'>[], history: History): Hold {
  let resumeOn: IsoDate | undefined;
  for (const dispute of disputes) {
    const resolution = history.resolutionByDispute.get(dispute.id);
    if (resolution === undefined) return { state: 'paused_dispute', active: true };
    if (resumeOn === undefined || resolution.date > resumeOn) resumeOn = resolution.date;
  }
  return { state: 'paused_dispute', active: false, resumeOn };
}

/** `until` is the last paused day; a resume lets the scenario act again the same day. */
function manualHold(pause: EventOf<'pause'>, resumedOn: IsoDate | undefined, today: IsoDate): Hold {
  if (resumedOn !== undefined) return { state: 'paused_manual', active: false, resumeOn: resumedOn };
  if (pause.until === undefined) return { state: 'paused_manual', active: true };
  const resumeOn = shift(pause.until, 1);
  return { state: 'paused_manual', active: today < resumeOn, resumeOn };
}

/**
 * A payment plan replaces the scenario while it is honoured. It is broken when, `graceDays` after
 * an instalment's date, the payments made since the plan (on all its invoices: the instalments
 * cover them together) are below the instalments due so far; the scenario then resumes the next
 * day. Kept simple on purpose: an honoured plan asks for no action at all, the instalments are
 * the debtor's own calendar. Once the last instalment's grace is over the plan ends and, if
 * anything is still due, the scenario resumes too.
 */
export function judgePlan(plan: EventOf<'plan'>, history: History, graceDays: number): PlanOutcome {
  const known = history.planOutcomes.get(plan.id);
  if (known) return known;

  const instalments = [...plan.instalments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  // The instalments cover the plan's invoices together: their payments are merged.
  const payments: PlanPayment[] = [];
  for (const invoiceId of new Set(plan.invoiceIds)) {
    const position = history.positions.get(invoiceId);
    const rest = position === undefined ? undefined : history.tracks.more[position];
    if (rest?.paymentPlan === plan) payments.push(...rest.planPayments);
  }
  payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  let outcome: PlanOutcome | undefined;
  let dueCents = 0;
  let paidCents = 0;
  let next = 0;
  let lastCheck = plan.date;
  for (const instalment of instalments) {
    dueCents += instalment.amountCents;
    lastCheck = shift(instalment.dueDate, graceDays);
    // Not yet judged: the debtor still has until the end of the grace period.
    if (lastCheck >= history.today) {
      const lastDate = instalments[instalments.length - 1]!.dueDate;
      outcome = { honoured: true, resumeOn: shift(lastDate, graceDays + 1) };
      break;
    }
    while (next < payments.length && payments[next]!.date <= lastCheck) paidCents += payments[next++]!.cents;
    if (paidCents < dueCents) {
      outcome = { honoured: false, resumeOn: shift(lastCheck, 1) };
      break;
    }
  }
  outcome ??= { honoured: false, resumeOn: shift(lastCheck, 1) };
  history.planOutcomes.set(plan.id, outcome);
  return outcome;
}
