import type { Json, RecordKind } from './state';
import { dayNumber, isoFromDay } from './text-codec';

/**
 * What the codec has learnt while going through a chunk, identically when writing and reading,
 * so that it can expect the next value. Entries come client by client, each invoice followed by
 * its events, which makes most values guessable: an invoice belongs to the client just written;
 * a reminder is the step after the previous reminder of the same invoice, sent as many days after
 * the due date as that step was for the previous invoice; a payment settles what is still due.
 */

export type Values = Map<string, Json | undefined>;

export interface Context {
  /** The previous entry of each code, field by field. */
  readonly previous: Map<string, Values>;
  /** Last id written per entry code (events share `E`). */
  readonly previousIds: Map<string, string>;
  /** How far the id of the entry being written moved from the previous one, when both end in a number. */
  idStep: number | undefined;
  readonly memos: Map<string, string[]>;
  client: string | undefined;
  /** The invoice the following events are expected to concern, its due day and what is still owed. */
  anchor: string | undefined;
  anchorDue: number | undefined;
  anchorOwed: number | undefined;
  /** The step of the last reminder of the anchor invoice. */
  anchorStep: string | undefined;
  /** The step the previous invoice's reminders started with. */
  firstStep: string | undefined;
  readonly stepAfter: Map<string, string>;
  readonly stepOffset: Map<string, number>;
  readonly stepChannel: Map<string, Json | undefined>;
  /** Days from the anchor's due date to the last event of each type. */
  readonly typeOffset: Map<string, number>;
  lastEventDay: number | undefined;
}

export function newContext(): Context {
  return {
    previous: new Map(),
    previousIds: new Map(),
    idStep: undefined,
    memos: new Map(),
    client: undefined,
    anchor: undefined,
    anchorDue: undefined,
    anchorOwed: undefined,
    anchorStep: undefined,
    firstStep: undefined,
    stepAfter: new Map(),
    stepOffset: new Map(),
    stepChannel: new Map(),
    typeOffset: new Map(),
    lastEventDay: undefined,
  };
}

const num = (value: Json | undefined) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;

export function afterRecord(ctx: Context, kind: RecordKind, id: string | undefined, values: Values): void {
  if (kind === 'client') {
    ctx.client = id;
    ctx.anchor = ctx.anchorDue = ctx.anchorOwed = ctx.anchorStep = undefined;
  }
  if (kind === 'invoice') {
    const client = values.get('clientId');
    if (typeof client === 'string') ctx.client = client;
    ctx.anchor = id;
    ctx.anchorDue = dayNumber(values.get('dueDate'));
    const amount = num(values.get('amountCents'));
    ctx.anchorOwed = amount === undefined ? undefined : amount - (num(values.get('paidCents')) ?? 0);
    ctx.anchorStep = undefined;
  }
}

export function afterEvent(ctx: Context, type: string, event: Record<string, Json | undefined>): void {
  const ids = event.invoiceIds;
  const first = Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : undefined;
  if (first !== ctx.anchor) {
    ctx.anchor = first;
    ctx.anchorDue = ctx.anchorOwed = ctx.anchorStep = undefined;
  }
  if (typeof event.clientId === 'string') ctx.client = event.clientId;
  const day = dayNumber(event.date);
  if (day !== undefined) {
    ctx.lastEventDay = day;
    if (ctx.anchorDue !== undefined) ctx.typeOffset.set(type, day - ctx.anchorDue);
  }
  const amount = num(event.amountCents);
  if (type === 'payment' && amount !== undefined && ctx.anchorOwed !== undefined) ctx.anchorOwed -= amount;
  if (type === 'reminder' && typeof event.stepId === 'string') {
    const step = event.stepId;
    if (ctx.anchorStep === undefined) ctx.firstStep = step;
    else ctx.stepAfter.set(ctx.anchorStep, step);
    ctx.anchorStep = step;
    ctx.stepChannel.set(step, event.channel);
    if (day !== undefined && ctx.anchorDue !== undefined) ctx.stepOffset.set(step, day - ctx.anchorDue);
  }
}

/** The date of an event of this type: as far from the anchor's due date as the last one was. */
export function expectedEventDate(ctx: Context, type: string, step?: Json): Json | undefined {
  const offset =
    typeof step === 'string' && ctx.stepOffset.has(step)
      ? ctx.stepOffset.get(step)
      : ctx.typeOffset.get(type);
  if (ctx.anchorDue !== undefined) return isoFromDay(ctx.anchorDue + (offset ?? 0));
  return ctx.lastEventDay === undefined ? undefined : isoFromDay(ctx.lastEventDay);
}

export function expectedStep(ctx: Context): string | undefined {
  return ctx.anchorStep === undefined ? ctx.firstStep : ctx.stepAfter.get(ctx.anchorStep);
}
