import type { EventOf, Invoice, IsoDate, LedgerEvent, Scenario } from '../schemas';
import { dayOf } from './days';
import type { ActionGroup } from './types';

/** A scenario with what the engine looks up for every event, computed once per scenario. */
export interface CompiledScenario {
  scenario: Scenario;
  indexOf: ReadonlyMap<string, number>;
  /** The last step placed before the due date (the heads-up); -1 when there is none. */
  lastBeforeDue: number;
}

// Scenarios are immutable values: compiling one again would only give the same result.
const compiled = new WeakMap<Scenario, CompiledScenario>();

export function compileScenario(scenario: Scenario): CompiledScenario {
  let result = compiled.get(scenario);
  if (result === undefined) {
    const indexOf = new Map(scenario.steps.map((step, i) => [step.id, i]));
    let lastBeforeDue = -1;
    scenario.steps.forEach((step, i) => {
      if (step.offsetDays < 0) lastBeforeDue = i;
    });
    result = { scenario, indexOf, lastBeforeDue };
    compiled.set(scenario, result);
  }
  return result;
}

/** What all the invoices of one client share while the history is read. */
export interface ClientRun {
  plan: CompiledScenario;
  /** The latest reminder or call with the client, whatever the invoice. */
  lastContact: IsoDate | undefined;
  /** The first day the client may be contacted again, as a day number, once the history is read. */
  floorDay: number;
  /** The client's invoices filed for its actions (see `planActions`). */
  group: ActionGroup | undefined;
}

/** A day before any other: no floor. */
export const NO_DAY = -1e9;

export function newClientRun(plan: CompiledScenario): ClientRun {
  return { plan, lastContact: undefined, floorDay: NO_DAY, group: undefined };
}

/** A reminder or call with the client, whatever the invoice. */
export function applyContact(client: ClientRun, date: IsoDate): void {
  if (client.lastContact === undefined || date > client.lastContact) client.lastContact = date;
}

export interface PlanPayment {
  date: IsoDate;
  cents: number;
}

/**
 * What the history says of every invoice, one array per fact, indexed by the invoice's position in
 * the ledger: a few flat arrays rather than ten thousand objects to allocate and collect on every
 * run (the agenda is recomputed on every change), and compact for the random access of reading the
 * history event by event.
 */
export interface Tracks {
  runs: ClientRun[];
  dueDays: Int32Array;
  /** Payments logged as events (the invoice's own `paidCents` is what was paid before). */
  paidCents: Float64Array;
  /** The day number of the latest payment and what was paid that day (a plan may come later that day). */
  lastPaidDays: Int32Array;
  lastDayPaidCents: Float64Array;
  /** The last step done or skipped; -1 when none. */
  reached: Int32Array;
  /**
   * The day of the latest step event, the step reached before that day and the step the day's
   * first event named: several steps done or skipped the same day count in the order of the
   * scenario, whatever order the store returns them in.
   */
  stepDays: Int32Array;
  dayStart: Int32Array;
  dayFirst: Int32Array;
  /** The day number of the latest reminder or call that named the invoice; `NO_DAY` when none. */
  lastContactDays: Int32Array;
  /** What only some invoices have: the holds, and the payments to judge a plan by. */
  more: (MoreProgress | undefined)[];
}

export interface MoreProgress {
  /** The latest promise: a new promise replaces the one before. */
  promise: EventOf<'promise'> | undefined;
  disputes: EventOf<'dispute'>[] | undefined;
  /** The latest payment plan: a new plan replaces the one before. */
  paymentPlan: EventOf<'plan'> | undefined;
  /** The payments since the latest payment plan, to judge it. */
  planPayments: PlanPayment[];
  /** The steps named by the step events of the latest day, when there were several. */
  dayIndexes: number[] | undefined;
  pause: EventOf<'pause'> | undefined;
  /** A resume logged after the latest pause. */
  resumedOn: IsoDate | undefined;
}

export function newTracks(invoices: readonly Invoice[], clientOf: (invoice: Invoice) => ClientRun): Tracks {
  const count = invoices.length;
  const tracks: Tracks = {
    runs: new Array(count),
    dueDays: new Int32Array(count),
    paidCents: new Float64Array(count),
    lastPaidDays: new Int32Array(count).fill(NO_DAY),
    lastDayPaidCents: new Float64Array(count),
    reached: new Int32Array(count).fill(-1),
    stepDays: new Int32Array(count).fill(NO_DAY),
    dayStart: new Int32Array(count),
    dayFirst: new Int32Array(count),
    lastContactDays: new Int32Array(count).fill(NO_DAY),
    more: new Array(count).fill(undefined),
  };
  for (let i = 0; i < count; i++) {
    const invoice = invoices[i]!;
    tracks.runs[i] = clientOf(invoice);
    tracks.dueDays[i] = dayOf(invoice.dueDate);
  }
  return tracks;
}

/** Back to an empty history, the clients kept. */
export function resetTracks(tracks: Tracks): void {
  for (const run of tracks.runs) run.lastContact = undefined;
  tracks.paidCents.fill(0);
  tracks.lastPaidDays.fill(NO_DAY);
  tracks.lastDayPaidCents.fill(0);
  tracks.reached.fill(-1);
  tracks.stepDays.fill(NO_DAY);
  tracks.lastContactDays.fill(NO_DAY);
  tracks.more.fill(undefined);
}

function more(tracks: Tracks, i: number): MoreProgress {
  return (tracks.more[i] ??= {
    promise: undefined,
    disputes: undefined,
    paymentPlan: undefined,
    planPayments: [],
    pause: undefined,
    resumedOn: undefined,
    dayIndexes: undefined,
  });
}

/**
 * The position a step is counted from on a day. Once the due date has passed, the steps meant for
 * before it (the heads-up, which is optional) are over whether or not they were done: a reminder
 * sent after the due date completes the first step after it, not the heads-up nobody sent. Before
 * the due date a reminder completes the heads-up, whatever its step: an invoice not yet due named
 * in a client's grouped reminder was only told it is coming due.
 */
export function positionOn(day: number, dueDay: number, reached: number, plan: CompiledScenario): number {
  return plan.lastBeforeDue > reached && day > dueDay ? plan.lastBeforeDue : reached;
}

/**
 * One event of the invoice at position `i`, in date order; `day` is the day number of its date. A reminder, a call made as a step, or a
 * skip (the user passing over a step on purpose) completes at most one step for each invoice it
 * names: a grouped firm message moves an invoice that had only the friendly reminder to its next
 * step, not to firm, so the formal notice comes only after every earlier step was done or
 * explicitly skipped, one by one. Nothing moves a step backwards. A step id the scenario does not
 * know (another scenario's) moves nothing; a reminder or call still counts as a contact.
 */
export function applyEvent(tracks: Tracks, i: number, event: LedgerEvent, day = dayOf(event.date)): void {
  switch (event.type) {
    case 'payment': {
      const { date, amountCents } = event;
      tracks.paidCents[i]! += amountCents;
      if (day === tracks.lastPaidDays[i]) tracks.lastDayPaidCents[i]! += amountCents;
      else tracks.lastDayPaidCents[i] = amountCents;
      tracks.lastPaidDays[i] = day;
      const rest = tracks.more[i];
      if (rest?.paymentPlan) rest.planPayments.push({ date, cents: amountCents });
      break;
    }
    case 'reminder':
    case 'call': {
      // Events come in date order: the latest contact is this one.
      const { date, stepId } = event;
      tracks.lastContactDays[i] = day;
      tracks.runs[i]!.lastContact = date;
      if (stepId !== undefined) advance(tracks, i, day, stepId);
      break;
    }
    case 'skip':
      advance(tracks, i, day, event.stepId);
      break;
    case 'promise':
      more(tracks, i).promise = event;
      break;
    case 'dispute':
      (more(tracks, i).disputes ??= []).push(event);
      break;
    case 'plan': {
      const rest = more(tracks, i);
      rest.paymentPlan = event;
      // Payments count from the day of the plan, also those logged before it that day.
      rest.planPayments =
        tracks.lastPaidDays[i] === day ? [{ date: event.date, cents: tracks.lastDayPaidCents[i]! }] : [];
      break;
    }
    case 'pause': {
      const rest = more(tracks, i);
      rest.pause = event;
      rest.resumedOn = undefined;
      break;
    }
    case 'resume': {
      // The first resume ends the pause; later ones change nothing.
      const rest = tracks.more[i];
      if (rest?.pause !== undefined) rest.resumedOn ??= event.date;
      break;
    }
    case 'dispute_resolved':
      // Looked up by dispute id in the history: the resolution may not name every invoice.
      break;
  }
}

function advance(tracks: Tracks, i: number, day: number, stepId: string): void {
  const { plan } = tracks.runs[i]!;
  const reached = tracks.reached[i]!;
  const dueDay = tracks.dueDays[i]!;
  // Most events are for the step after the one reached: no lookup for them.
  const next = positionOn(day, dueDay, reached, plan) + 1;
  const following = plan.scenario.steps[next];
  const index = following !== undefined && following.id === stepId ? next : plan.indexOf.get(stepId);
  if (index === undefined) return;
  if (tracks.stepDays[i] !== day) {
    tracks.stepDays[i] = day;
    tracks.dayStart[i] = reached;
    tracks.dayFirst[i] = index;
    const rest = tracks.more[i];
    if (rest) rest.dayIndexes = undefined;
    tracks.reached[i] = stepOnce(reached, index, day, dueDay, plan);
    return;
  }
  // Another step event the same day: count the day's events again, in the order of the scenario.
  const rest = more(tracks, i);
  const indexes = (rest.dayIndexes ??= [tracks.dayFirst[i]!]);
  indexes.push(index);
  indexes.sort((a, b) => a - b);
  let position = tracks.dayStart[i]!;
  for (const named of indexes) position = stepOnce(position, named, day, dueDay, plan);
  tracks.reached[i] = position;
}

/** One step done or skipped, naming step `index`: at most the step after the one reached. */
function stepOnce(
  reached: number,
  index: number,
  day: number,
  dueDay: number,
  plan: CompiledScenario,
): number {
  const from = positionOn(day, dueDay, reached, plan);
  return index > reached ? Math.min(index, from + 1) : reached;
}
