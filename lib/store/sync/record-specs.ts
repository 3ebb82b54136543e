import type { z } from 'zod';
import {
  clientSchema,
  companyProfileSchema,
  invoiceSchema,
  rateTableSchema,
  scenarioSchema,
  settingsSchema,
} from '../../domain/schemas';
import type { Json, RecordKind } from './state';

/**
 * How each kind of record is cut into registers. The lists are explicit (not read from the zod
 * shapes) because their order is also the positional order of the compact codec: a schema change
 * must come with a codec version, and tests/unit/store/sync-crdt.test.ts fails when a schema field is missing here.
 */
export interface KindSpec {
  readonly schema: z.ZodType;
  /**
   * Register names, in codec order; `contact.firstName` is the field `firstName` of `contact`.
   * The id is not a register: it is part of the record key.
   */
  readonly fields: readonly string[];
  /** Fields replicated as add-wins sets of strings rather than as one value. */
  readonly sets: readonly string[];
}

export const RATE_FIELD_PREFIX = 'halfYear:';

export const KIND_SPECS: Readonly<Record<RecordKind, KindSpec>> = {
  client: {
    schema: clientSchema,
    fields: [
      'name',
      'emails',
      'domains',
      'contact.firstName',
      'contact.lastName',
      'contact.civility',
      'contact.phone',
      'contact.role',
      'siren',
      'address',
      'segment',
      'relationship',
      'language',
      'notes',
      'scenarioId',
    ],
    sets: ['emails', 'domains'],
  },
  invoice: {
    schema: invoiceSchema,
    fields: [
      'number',
      'issueDate',
      'dueDate',
      'amountCents',
      'clientId',
      'paidCents',
      'currency',
      'paymentTerms',
      'isCreditNote',
      'contractualRateBps',
      'pdfRef',
    ],
    sets: [],
  },
  scenario: { schema: scenarioSchema, fields: ['name', 'segment', 'steps'], sets: [] },
  company: {
    schema: companyProfileSchema,
    fields: [
      'legalName',
      'legalForm',
      'shareCapital',
      'address',
      'siren',
      'rcs',
      'vatNumber',
      'email',
      'phone',
      'iban',
      'bic',
      'paymentLink',
      'signature',
      'termsRef',
    ],
    sets: [],
  },
  /** One register per half-year (`halfYear:2026-H1` → [ecb, legal consumer, legal other] or null). */
  rates: { schema: rateTableSchema, fields: [], sets: [] },
  settings: {
    schema: settingsSchema,
    fields: [
      'language',
      'locale',
      'currency',
      'ownEmails',
      'minDaysBetweenContacts',
      'promiseGraceDays',
      'planGraceDays',
      'personalThresholdCents',
      'syncSettledAfterDays',
      'formalNoticeDays',
      // One register: edits of the templates replace each other as a whole.
      'templates',
    ],
    sets: ['ownEmails'],
  },
};

export interface FlatRecord {
  readonly values: Map<string, Json>;
  readonly sets: Map<string, string[]>;
}

function readPath(object: Record<string, unknown>, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return object[path];
  const inner = object[path.slice(0, dot)];
  return inner && typeof inner === 'object'
    ? (inner as Record<string, unknown>)[path.slice(dot + 1)]
    : undefined;
}

/** A parsed record as registers: every known field is present, `null` standing for "left out". */
export function flatten(kind: RecordKind, record: Record<string, unknown>): FlatRecord {
  const spec = KIND_SPECS[kind];
  const values = new Map<string, Json>();
  const sets = new Map<string, string[]>();
  if (kind === 'rates') {
    const rows = (record.halfYears ?? []) as {
      period: string;
      ecbBps: number;
      legalConsumerBps: number;
      legalOtherBps: number;
    }[];
    for (const row of rows)
      values.set(RATE_FIELD_PREFIX + row.period, [row.ecbBps, row.legalConsumerBps, row.legalOtherBps]);
    return { values, sets };
  }
  for (const field of spec.fields) {
    const value = readPath(record, field);
    if (spec.sets.includes(field)) sets.set(field, [...new Set((value ?? []) as string[])]);
    else values.set(field, value === undefined ? null : (value as Json));
  }
  return { values, sets };
}

/** Registers back to a plain object for the schema to parse; unset fields are left out. */
export function unflatten(
  kind: RecordKind,
  values: ReadonlyMap<string, Json>,
  sets: ReadonlyMap<string, string[]>,
) {
  const out: Record<string, unknown> = {};
  if (kind === 'rates') {
    const rows: unknown[] = [];
    for (const [field, value] of [...values].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!field.startsWith(RATE_FIELD_PREFIX) || !Array.isArray(value)) continue;
      const [ecbBps, legalConsumerBps, legalOtherBps] = value as Json[];
      rows.push({ period: field.slice(RATE_FIELD_PREFIX.length), ecbBps, legalConsumerBps, legalOtherBps });
    }
    out.halfYears = rows;
    return out;
  }
  for (const [field, value] of values) {
    if (value === null) continue;
    const dot = field.indexOf('.');
    if (dot < 0) out[field] = value;
    else {
      const outer = field.slice(0, dot);
      const inner = (out[outer] ??= {}) as Record<string, unknown>;
      inner[field.slice(dot + 1)] = value;
    }
  }
  for (const [field, elements] of sets) out[field] = elements;
  return out;
}

/**
 * What a record shows for a register it does not have: the schema default, or `null` (unset)
 * for a field without one. A replica may hold only part of a record (the planner sends a deleted
 * record as its tombstone); a write compares with these, so saving a record as displayed never
 * stamps a value the user did not change.
 */
export const KIND_DEFAULTS: Readonly<Record<RecordKind, FlatRecord>> = {
  client: flatten('client', {
    segment: 'business',
    relationship: 'regular',
    language: 'fr',
    contact: { civility: 'none', firstName: '', lastName: '', role: '', phone: '' },
    address: [],
    notes: '',
  }),
  invoice: flatten('invoice', { currency: 'EUR', paidCents: 0, paymentTerms: '', isCreditNote: false }),
  scenario: flatten('scenario', {}),
  company: flatten('company', companyProfileSchema.parse({})),
  rates: flatten('rates', {}),
  settings: flatten('settings', settingsSchema.parse({})),
};
