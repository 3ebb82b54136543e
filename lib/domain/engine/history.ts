import type { EventOf, Invoice, IsoDate, LedgerEvent } from '../schemas';
import { dayOf } from './days';
import { applyEvent, newTracks, resetTracks, type ClientRun, type Tracks } from './progress';

/** What a payment plan came to, judged on one day. */
export interface PlanOutcome {
  /** The plan still replaces the scenario. */
  honoured: boolean;
  /** The first day the scenario may act again: after the broken check, or after the last instalment's grace. */
  resumeOn: IsoDate;
}

/** The history read once for a whole ledger: every invoice's progress and what clients share. */
export interface History {
  today: IsoDate;
  todayDay: number;
  /** What the history says of each invoice, by its position in the invoice list. */
  tracks: Tracks;
  /** Invoice id → position in the invoice list. */
  positions: Map<string, number>;
  /** The first resolution of each dispute, by dispute event id. */
  resolutionByDispute: Map<string, EventOf<'dispute_resolved'>>;
  /** Plans concern several invoices: each is judged once, then shared. */
  planOutcomes: Map<string, PlanOutcome>;
}

/**
 * Reads the history in one pass, in date order: linear in the size of the ledger, so the badge can
 * be recomputed on every change. Events dated after `today` are left out, so that a status "as of"
 * a past day only depends on what was known that day (and a mistyped future date cannot pause or
 * advance anything early). Events of one day keep the order they come in: the store returns them
 * by id, so same-day events should not contradict each other (a pause and a resume the same day).
 */
export function readHistory(
  invoices: readonly Invoice[],
  events: readonly LedgerEvent[],
  today: IsoDate,
  clientOf: (invoice: Invoice) => ClientRun,
): History {
  const positions = new Map<string, number>();
  for (let i = 0; i < invoices.length; i++) positions.set(invoices[i]!.id, i);
  const tracks = newTracks(invoices, clientOf);
  let resolutionByDispute = new Map<string, EventOf<'dispute_resolved'>>();

  // The log is usually in date order: read it as it comes, and start again sorted if it is not.
  // Each date becomes a day number once, here, for all the event changes.
  const todayDay = dayOf(today);
  let previous = -Infinity;
  let inOrder = true;
  for (let e = 0; e < events.length; e++) {
    const event = events[e]!;
    const day = dayOf(event.date);
    if (day > todayDay) continue;
    if (day < previous) {
      inOrder = false;
      break;
    }
    previous = day;
    read(event, day, positions, tracks, resolutionByDispute);
  }
  if (!inOrder) {
    resetTracks(tracks);
    resolutionByDispute = new Map();
    for (const event of sortedUpTo(events, today))
      read(event, dayOf(event.date), positions, tracks, resolutionByDispute);
  }
  return {
    today,
    todayDay,
    tracks,
    positions,
    resolutionByDispute,
    planOutcomes: new Map(),
  };
}

function read(
  event: LedgerEvent,
  day: number,
  positions: ReadonlyMap<string, number>,
  tracks: Tracks,
  resolutionByDispute: Map<string, EventOf<'dispute_resolved'>>,
): void {
  const ids = event.invoiceIds;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    // An id named twice in one event counts once (a payment must not be counted twice).
    if (k > 0 && ids.indexOf(id) < k) continue;
    const position = positions.get(id);
    if (position !== undefined) applyEvent(tracks, position, event, day);
  }
  if (event.type === 'dispute_resolved' && !resolutionByDispute.has(event.disputeId))
    resolutionByDispute.set(event.disputeId, event);
}

/**
 * The events up to `today`, in date order, stable within a day: the store returns them by id. A
 * counting sort on day numbers keeps it linear.
 */
function sortedUpTo(events: readonly LedgerEvent[], today: IsoDate): readonly LedgerEvent[] {
  let kept = 0;
  for (const event of events) if (event.date <= today) kept++;
  const days = new Int32Array(kept);
  const list: LedgerEvent[] = new Array(kept);
  let first = Infinity;
  let last = -Infinity;
  let n = 0;
  for (const event of events) {
    if (event.date > today) continue;
    const day = dayOf(event.date);
    if (day < first) first = day;
    if (day > last) last = day;
    days[n] = day;
    list[n++] = event;
  }
  const span = last - first + 1;
  // A stray date decades away would make the counting table huge: sort by comparison then.
  if (span > 4 * kept + 4096) {
    const order = list.map((_, i) => i).sort((a, b) => days[a]! - days[b]! || a - b);
    return order.map((i) => list[i]!);
  }
  const starts = new Int32Array(span + 1);
  for (let i = 0; i < kept; i++) starts[days[i]! - first + 1]!++;
  for (let d = 1; d <= span; d++) starts[d]! += starts[d - 1]!;
  const sorted: LedgerEvent[] = new Array(kept);
  for (let i = 0; i < kept; i++) sorted[starts[days[i]! - first]!++] = list[i]!;
  return sorted;
}
