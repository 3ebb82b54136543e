import { describe, expect, it } from 'vitest';
import {
  clientSchema,
  eventSchema,
  invoiceSchema,
  isoDateSchema,
  ledgerSchema,
  rateTableSchema,
  scenarioSchema,
  settingsSchema,
  companyProfileSchema,
} from '../../../lib/domain/schemas';

describe('dates', () => {
  it.each([
    ['2026-11-25', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['25/11/2026', false],
    ['2026-11-25T10:00:00Z', false],
  ])('%s is a valid date: %s', (value, valid) => {
    expect(isoDateSchema.safeParse(value).success).toBe(valid);
  });
});

describe('client', () => {
  it('fills sensible defaults and normalises addresses', () => {
    const client = clientSchema.parse({
      id: 'c1',
      name: 'Boulangerie Martin',
      emails: [' Compta@Boulangerie-Martin.FR '],
      domains: ['Boulangerie-Martin.fr'],
    });
    expect(client).toMatchObject({
      segment: 'business',
      relationship: 'regular',
      language: 'fr',
      emails: ['compta@boulangerie-martin.fr'],
      domains: ['boulangerie-martin.fr'],
      contact: { civility: 'none' },
    });
  });

  it.each([
    [{ siren: '12345678' }, 'siren'],
    [{ emails: ['not-an-address'] }, 'emails'],
    [{ segment: 'alien' }, 'segment'],
    [{ name: '   ' }, 'name'],
  ])('rejects %o at %s', (override, path) => {
    const result = clientSchema.safeParse({ id: 'c1', name: 'Acme', ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(path);
  });
});

describe('invoice', () => {
  const base = {
    id: 'i1',
    number: 'F-2026-042',
    clientId: 'c1',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    amountCents: 123456,
  };

  it('keeps amounts in cents with a currency', () => {
    expect(invoiceSchema.parse(base)).toMatchObject({ currency: 'EUR', paidCents: 0, isCreditNote: false });
  });

  it.each([
    [{ amountCents: 12.5 }, 'amountCents'],
    [{ dueDate: '2026-09-01' }, 'dueDate'],
    [{ currency: 'euro' }, 'currency'],
    [{ paidCents: -1 }, 'paidCents'],
  ])('rejects %o', (override, path) => {
    const result = invoiceSchema.safeParse({ ...base, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(path);
  });
});

describe('events', () => {
  const base = { id: 'e1', clientId: 'c1', invoiceIds: ['i1'], date: '2026-11-02' };

  it.each([
    [{ type: 'reminder', stepId: 'b-friendly', channel: 'email' }],
    [{ type: 'call', outcome: 'no_answer' }],
    [{ type: 'promise', promisedDate: '2026-11-20', amountCents: 50000 }],
    [{ type: 'dispute', reason: 'Livraison incomplète' }],
    [{ type: 'dispute_resolved', disputeId: 'e0', resolution: 'rejected' }],
    [{ type: 'payment', amountCents: 10000 }],
    [
      {
        type: 'plan',
        instalments: [
          { dueDate: '2026-12-01', amountCents: 50000 },
          { dueDate: '2027-01-01', amountCents: 50000 },
        ],
      },
    ],
    [{ type: 'skip', stepId: 'b-call' }],
    [{ type: 'pause', until: '2026-12-15' }],
    [{ type: 'resume' }],
  ])('accepts %o', (event) => {
    expect(eventSchema.safeParse({ ...base, ...event }).success).toBe(true);
  });

  it.each([
    [{ type: 'reminder', stepId: 's', channel: 'fax' }],
    [{ type: 'payment', amountCents: 0 }],
    [{ type: 'payment', amountCents: 100, invoiceIds: ['i1', 'i2'] }],
    [{ type: 'plan', instalments: [] }],
    [{ type: 'unknown' }],
    [{ type: 'resume', invoiceIds: [] }],
  ])('rejects %o', (event) => {
    expect(eventSchema.safeParse({ ...base, ...event }).success).toBe(false);
  });
});

describe('scenario', () => {
  const step = (id: string, offsetDays: number) => ({
    id,
    offsetDays,
    channel: 'email',
    tone: 'friendly',
    templateId: 'friendly',
  });

  it('requires steps in order of their offsets, with distinct ids', () => {
    expect(
      scenarioSchema.safeParse({ id: 's', name: 'S', steps: [step('a', -3), step('b', 2)] }).success,
    ).toBe(true);
    expect(
      scenarioSchema.safeParse({ id: 's', name: 'S', steps: [step('a', 5), step('b', 2)] }).success,
    ).toBe(false);
    expect(
      scenarioSchema.safeParse({ id: 's', name: 'S', steps: [step('a', 1), step('a', 2)] }).success,
    ).toBe(false);
  });
});

describe('settings, company, rates, ledger', () => {
  it('builds an empty ledger from defaults', () => {
    const ledger = ledgerSchema.parse({
      clients: [],
      invoices: [],
      events: [],
      scenarios: [],
      company: {},
      rates: { halfYears: [] },
      settings: {},
    });
    expect(ledger.settings).toMatchObject({ language: 'fr', minDaysBetweenContacts: 5, formalNoticeDays: 8 });
    expect(ledger.company.legalName).toBe('');
  });

  it('rejects a company with a malformed SIREN and a rate table with a duplicate half-year', () => {
    expect(companyProfileSchema.safeParse({ siren: '1234' }).success).toBe(false);
    const row = { period: '2026-H1', ecbBps: 215, legalConsumerBps: 667, legalOtherBps: 262 };
    expect(rateTableSchema.safeParse({ halfYears: [row, row] }).success).toBe(false);
    expect(rateTableSchema.safeParse({ halfYears: [{ ...row, period: '2026-S1' }] }).success).toBe(false);
  });

  it('refuses a settings value out of range', () => {
    expect(settingsSchema.safeParse({ minDaysBetweenContacts: -1 }).success).toBe(false);
  });
});
