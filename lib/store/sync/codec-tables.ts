import type { EventType } from '../../domain/schemas';
import { KIND_DEFAULTS, KIND_SPECS } from './record-specs';
import type { Json, RecordKind } from './state';
import { dayNumber, isoFromDay, stepNumbered } from './text-codec';
import { expectedEventDate, expectedStep, type Context, type Values } from './codec-context';
import {
  bool,
  cents,
  day,
  enumOf,
  instalments,
  int,
  steps,
  stringList,
  text,
  type ValueCodec,
} from './value-codecs';

/**
 * The field dictionary of the compact codec: for each kind of entry, its one-letter code and its
 * fields in order, each with the codec of its values and the value expected at its place. A
 * field equal to what is expected costs nothing, so most of a record is never written: what is
 * expected is the same field of the previous entry of the same kind in the chunk (or the schema
 * default for the first one), or a better guess where there is one (an invoice falls due as many
 * days after its issue as the previous one did; an invoice belongs to the client just written).
 */

export type { Context, Values };

export interface FieldRule {
  readonly name: string;
  /** `set` fields are add-wins sets, written element by element with their tags. */
  readonly codec: ValueCodec | 'set';
  readonly expect?: (ctx: Context, current: Values, previous: Values) => Json | undefined;
  /** Values that recur across records (first names, cities, step ids) are worth remembering. */
  readonly memo?: boolean;
  /** For sets: the element expected at position `index`. */
  readonly expectItem?: (
    current: Values,
    previous: Values,
    index: number,
    soFar: readonly string[],
  ) => string | undefined;
}

/**
 * 2: chunks compressed (compress.ts), amounts in whole euros. 3: ids the entry gives back are left
 * out (`=`, derived-ids.ts). Chunks of formats 1 and 2 still read.
 */
export const FORMAT_VERSION = '3';
export const READABLE_VERSIONS: readonly string[] = ['1', '2', FORMAT_VERSION];

export const RECORD_CODES: Readonly<Record<RecordKind, string>> = {
  client: 'C',
  invoice: 'I',
  scenario: 'S',
  company: 'P',
  rates: 'R',
  settings: 'T',
};

export const EVENT_CODES: Readonly<Record<EventType, string>> = {
  reminder: 'r',
  call: 'c',
  promise: 'p',
  dispute: 'd',
  dispute_resolved: 'v',
  payment: 'y',
  plan: 'l',
  skip: 'k',
  pause: 'u',
  resume: 'm',
};

const SEGMENTS = ['business', 'consumer', 'public', 'key_account'];
const CHANNELS = ['email', 'phone', 'letter', 'sms'];

const codecOf: Record<string, ValueCodec | 'set'> = {
  segment: enumOf(SEGMENTS),
  relationship: enumOf(['loyal', 'regular', 'new', 'late_payer']),
  language: enumOf(['fr', 'en']),
  'contact.civility': enumOf(['mme', 'm', 'none']),
  address: stringList,
  emails: 'set',
  domains: 'set',
  ownEmails: 'set',
  issueDate: day,
  dueDate: day,
  amountCents: cents,
  paidCents: cents,
  isCreditNote: bool,
  contractualRateBps: int,
  steps,
  minDaysBetweenContacts: int,
  promiseGraceDays: int,
  planGraceDays: int,
  personalThresholdCents: int,
  syncSettledAfterDays: int,
  formalNoticeDays: int,
  date: day,
  invoiceIds: stringList,
  channel: enumOf(CHANNELS),
  outcome: enumOf(['promise', 'dispute', 'paid', 'no_answer', 'wrong_contact', 'callback']),
  promisedDate: day,
  resolution: enumOf(['upheld', 'rejected', 'credit_note', 'withdrawn']),
  instalments,
  until: day,
};

const prior = (name: string) => (_ctx: Context, _current: Values, previous: Values) => previous.get(name);

/** A date expected as far from `base` (in this entry) as it was in the previous entry. */
function sameGapFrom(base: string, field: string, fallbackGap = 0) {
  return (_ctx: Context, current: Values, previous: Values): Json | undefined => {
    const start = dayNumber(current.get(base));
    if (start === undefined) return previous.get(field);
    const before = dayNumber(previous.get(base));
    const after = dayNumber(previous.get(field));
    return isoFromDay(start + (before !== undefined && after !== undefined ? after - before : fallbackGap));
  };
}

const domainOf = (email: Json | undefined) =>
  typeof email === 'string' && email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : undefined;

const MEMO = { memo: true };
const owed = (ctx: Context) =>
  ctx.anchorOwed !== undefined && ctx.anchorOwed > 0 ? ctx.anchorOwed : undefined;

const SPECIAL: Record<string, Omit<FieldRule, 'name' | 'codec'>> = {
  // Invoices imported in order are numbered like their ids: F-0042 follows i0042 when F-0041 followed i0041.
  'invoice.number': {
    expect: (ctx, _current, previous) => {
      const number = previous.get('number');
      if (typeof number !== 'string' || ctx.idStep === undefined) return number;
      return stepNumbered(number, ctx.idStep) ?? number;
    },
  },
  'invoice.currency': MEMO,
  'invoice.paymentTerms': MEMO,
  'client.contact.firstName': MEMO,
  'client.contact.lastName': MEMO,
  'client.contact.role': MEMO,
  'client.address': MEMO,
  'call.stepId': MEMO,
  'skip.stepId': MEMO,
  'dispute.reason': MEMO,
  'event.note': MEMO,
  'invoice.clientId': { expect: (ctx) => ctx.client },
  'invoice.dueDate': { expect: sameGapFrom('issueDate', 'dueDate', 30) },
  'client.emails': {
    expectItem: (_current, previous, index, soFar) =>
      (previous.get('emails') as string[] | undefined)?.[index] ?? soFar[index - 1],
  },
  'client.domains': {
    // A client's domain is mostly the one of its address: `*9` instead of the domain again.
    expectItem: (current, _previous, index, soFar) =>
      domainOf((current.get('emails') as string[] | undefined)?.[index]) ?? soFar[index - 1],
  },
  'reminder.stepId': {
    memo: true,
    expect: (ctx, _current, previous) => expectedStep(ctx) ?? previous.get('stepId'),
  },
  'reminder.date': { expect: (ctx, current) => expectedEventDate(ctx, 'reminder', current.get('stepId')) },
  'reminder.channel': {
    expect: (ctx, current, previous) => {
      const step = current.get('stepId');
      return typeof step === 'string' && ctx.stepChannel.has(step)
        ? ctx.stepChannel.get(step)
        : previous.get('channel');
    },
  },
  'payment.amountCents': { expect: (ctx, _current, previous) => owed(ctx) ?? previous.get('amountCents') },
  'promise.amountCents': { expect: (ctx, _current, previous) => owed(ctx) ?? previous.get('amountCents') },
  'event.clientId': { expect: (ctx) => ctx.client },
  'event.invoiceIds': { expect: (ctx) => (ctx.anchor === undefined ? undefined : [ctx.anchor]) },
  'promise.promisedDate': { expect: sameGapFrom('date', 'promisedDate') },
  'pause.until': { expect: sameGapFrom('date', 'until') },
};

function rule(scope: string, name: string): FieldRule {
  const special = SPECIAL[`${scope}.${name}`];
  const date = name === 'date' && !special ? { expect: (ctx: Context) => expectedEventDate(ctx, scope) } : {};
  return { name, codec: codecOf[name] ?? text, expect: prior(name), ...date, ...special };
}

export const RECORD_RULES: Readonly<Record<RecordKind, readonly FieldRule[]>> = Object.fromEntries(
  (Object.keys(KIND_SPECS) as RecordKind[]).map((kind) => [
    kind,
    KIND_SPECS[kind].fields.map((f) => rule(kind, f)),
  ]),
) as Record<RecordKind, FieldRule[]>;

/** Type-specific fields, after the date; a reminder's step comes first, as it tells its date. */
const TYPE_FIELDS: Readonly<Record<EventType, readonly string[]>> = {
  reminder: ['channel'],
  call: ['outcome', 'stepId'],
  promise: ['promisedDate', 'amountCents'],
  dispute: ['reason'],
  dispute_resolved: ['disputeId', 'resolution'],
  payment: ['amountCents'],
  plan: ['instalments'],
  skip: ['stepId'],
  pause: ['until'],
  resume: [],
};

export const EVENT_RULES: Readonly<Record<EventType, readonly FieldRule[]>> = Object.fromEntries(
  (Object.keys(TYPE_FIELDS) as EventType[]).map((type) => [
    type,
    [
      ...(type === 'reminder' ? [rule(type, 'stepId')] : []),
      rule(type, 'date'),
      ...TYPE_FIELDS[type].map((f) => rule(type, f)),
      rule('event', 'note'),
      rule('event', 'clientId'),
      rule('event', 'invoiceIds'),
    ],
  ]),
) as Record<EventType, FieldRule[]>;

/** What the first entry of each kind in a chunk is written against: the schema defaults. */
export const RECORD_DEFAULTS: Readonly<Record<RecordKind, Values>> = Object.fromEntries(
  (Object.keys(KIND_DEFAULTS) as RecordKind[]).map((kind) => {
    const flat = KIND_DEFAULTS[kind];
    const values: Values = new Map(flat.values);
    for (const [field, elements] of flat.sets) values.set(field, elements);
    return [kind, values];
  }),
) as Record<RecordKind, Values>;

export const EVENT_DEFAULTS: Values = new Map([['note', '']]);

/** The memo of a field, shared by every kind of entry that has it. */
export function memoOf(ctx: Context, rule: FieldRule): string[] | undefined {
  if (!rule.memo) return undefined;
  let memo = ctx.memos.get(rule.name);
  if (!memo) ctx.memos.set(rule.name, (memo = []));
  return memo;
}
