import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addDays } from '../../../lib/domain/calendar';
import { agenda, groupDue, invoiceStatus, planActions, type InvoiceStatus } from '../../../lib/domain/engine';
import { defaultScenarios, scenarioFor } from '../../../lib/domain/scenarios';
import {
  ledgerSchema,
  type ClientInput,
  type InvoiceInput,
  type IsoDate,
  type Ledger,
  type LedgerEvent,
  type LedgerEventInput,
  type scenarioSchema,
  type settingsSchema,
} from '../../../lib/domain/schemas';

type ScenarioInput = z.input<typeof scenarioSchema>;
type SettingsInput = z.input<typeof settingsSchema>;

/*
 * Business steps (DOMAIN.md): 0 heads-up -3 email, 1 friendly +2 email, 2 call +8 phone,
 * 3 firm +15 email, 4 last warning +22 SMS, 5 formal notice +30 letter.
 */

type Draft<T> = T extends unknown ? Omit<T, 'id' | 'clientId'> & { clientId?: string } : never;
type EventDraft = Draft<LedgerEventInput>;

interface Setup {
  clients?: ClientInput[];
  invoices: (Partial<InvoiceInput> & Pick<InvoiceInput, 'id' | 'dueDate'>)[];
  events?: EventDraft[];
  scenarios?: ScenarioInput[];
  settings?: SettingsInput;
}

/** A ledger through the real schema (defaults filled in, every record checked). */
function build({ clients, invoices, events = [], scenarios = [], settings = {} }: Setup): Ledger {
  const full = invoices.map((invoice) => ({
    number: `F-${invoice.id}`,
    clientId: 'c1',
    issueDate: addDays(invoice.dueDate, -30),
    amountCents: 100_000,
    ...invoice,
  }));
  const clientOf = new Map(full.map((invoice) => [invoice.id, invoice.clientId]));
  return ledgerSchema.parse({
    clients: clients ?? [...new Set(full.map((invoice) => invoice.clientId))].map((id) => ({ id, name: id })),
    invoices: full,
    events: events.map((event, i) => ({
      id: `e${i + 1}`,
      clientId: clientOf.get(event.invoiceIds[0]!) ?? 'c1',
      ...event,
    })),
    scenarios,
    company: {},
    rates: { halfYears: [] },
    settings,
  });
}

const reminder = (date: IsoDate, invoiceIds: string[], stepId: string): EventDraft => ({
  type: 'reminder',
  date,
  invoiceIds,
  stepId,
  channel: 'email',
});
const call = (date: IsoDate, invoiceIds: string[], stepId: string): EventDraft => ({
  type: 'call',
  date,
  invoiceIds,
  stepId,
  outcome: 'no_answer',
});
const skip = (date: IsoDate, invoiceIds: string[], stepId: string): EventDraft => ({
  type: 'skip',
  date,
  invoiceIds,
  stepId,
});
const payment = (date: IsoDate, invoiceId: string, amountCents: number): EventDraft => ({
  type: 'payment',
  date,
  invoiceIds: [invoiceId],
  amountCents,
});

function statusOf(ledger: Ledger, invoiceId: string, today: IsoDate): InvoiceStatus {
  const status = planActions(ledger, today).statuses.find((s) => s.invoiceId === invoiceId);
  if (!status) throw new Error(`no status for ${invoiceId}`);
  return status;
}

/** The parts of a status a test states, for readable failures. */
function summary(status: InvoiceStatus) {
  return {
    state: status.state,
    reached: status.reachedStep?.id,
    next: status.next?.step.id,
    date: status.next?.date,
    due: status.due,
  };
}

describe('the next step and its date', () => {
  it.each([
    // [case, due date, issue date, today, expected next step, its date, state, due today]
    [
      'heads-up before the due date',
      '2026-11-30',
      '2026-10-31',
      '2026-11-25',
      'b-heads-up',
      '2026-11-27',
      'not_due',
      false,
    ],
    [
      'heads-up due today',
      '2026-11-28',
      '2026-10-29',
      '2026-11-25',
      'b-heads-up',
      '2026-11-25',
      'not_due',
      true,
    ],
    [
      'heads-up on 14 July moves to the 15th',
      '2026-07-17',
      '2026-06-17',
      '2026-07-13',
      'b-heads-up',
      '2026-07-15',
      'not_due',
      false,
    ],
    [
      'no heads-up for an invoice issued the day before it',
      '2026-12-04',
      '2026-12-02',
      '2026-12-02',
      'b-friendly',
      '2026-12-07',
      'not_due',
      false,
    ],
    [
      'no heads-up after the due date: the friendly reminder, overdue',
      '2026-11-02',
      '2026-10-02',
      '2026-11-25',
      'b-friendly',
      '2026-11-04',
      'active',
      true,
    ],
    [
      'friendly on a Saturday moves to Monday',
      '2026-11-12',
      '2026-10-13',
      '2026-11-13',
      'b-friendly',
      '2026-11-16',
      'active',
      false,
    ],
    [
      'friendly on 14 July (a Tuesday) moves to Wednesday',
      '2026-07-12',
      '2026-06-12',
      '2026-07-13',
      'b-friendly',
      '2026-07-15',
      'active',
      false,
    ],
    [
      'friendly on Easter Monday moves to Tuesday',
      '2026-04-04',
      '2026-03-05',
      '2026-04-05',
      'b-friendly',
      '2026-04-07',
      'active',
      false,
    ],
    [
      'friendly on Ascension Thursday moves to Friday',
      '2026-05-12',
      '2026-04-12',
      '2026-05-13',
      'b-friendly',
      '2026-05-15',
      'active',
      false,
    ],
    [
      'friendly on the Saturday before Pentecost Monday waits until Tuesday',
      '2026-05-21',
      '2026-04-21',
      '2026-05-22',
      'b-friendly',
      '2026-05-26',
      'active',
      false,
    ],
    [
      'friendly on 1 May (a Friday) waits until Monday the 4th',
      '2026-04-29',
      '2026-03-30',
      '2026-04-30',
      'b-friendly',
      '2026-05-04',
      'active',
      false,
    ],
  ])('%s', (_, dueDate, issueDate, today, step, date, state, due) => {
    const ledger = build({ invoices: [{ id: 'i1', dueDate, issueDate }] });
    expect(summary(statusOf(ledger, 'i1', today))).toEqual({
      state,
      reached: undefined,
      next: step,
      date,
      due,
    });
    expect(agenda(ledger, today).length).toBe(due ? 1 : 0);
  });

  it.each([
    // [case, events, today, reached, next step, its date]
    [
      'after the friendly reminder, the call on +8',
      [reminder('2026-11-04', ['i1'], 'b-friendly')],
      '2026-11-25',
      'b-friendly',
      'b-call',
      '2026-11-10',
    ],
    [
      'a late friendly reminder pushes the call by the interval',
      [reminder('2026-11-09', ['i1'], 'b-friendly')],
      '2026-11-25',
      'b-friendly',
      'b-call',
      '2026-11-16',
    ],
    [
      'the heads-up done, the friendly reminder on +2',
      [reminder('2026-10-30', ['i1'], 'b-heads-up')],
      '2026-11-03',
      'b-heads-up',
      'b-friendly',
      '2026-11-04',
    ],
    [
      'a call done as a step counts',
      [reminder('2026-11-04', ['i1'], 'b-friendly'), call('2026-11-10', ['i1'], 'b-call')],
      '2026-11-25',
      'b-call',
      'b-firm',
      '2026-11-17',
    ],
  ])('%s', (_, events, today, reached, next, date) => {
    const ledger = build({ invoices: [{ id: 'i1', dueDate: '2026-11-02' }], events });
    const status = statusOf(ledger, 'i1', today);
    expect(status.reachedStep?.id).toBe(reached);
    expect(status.next?.step.id).toBe(next);
    expect(status.next?.date).toBe(date);
  });

  it('gives the days late and the channel of the next step', () => {
    const ledger = build({
      invoices: [{ id: 'i1', dueDate: '2026-11-02' }],
      events: [reminder('2026-11-04', ['i1'], 'b-friendly')],
    });
    const status = statusOf(ledger, 'i1', '2026-11-25');
    expect(status.daysLate).toBe(23);
    expect(status.next?.step.channel).toBe('phone');
    expect(status.lastContactDate).toBe('2026-11-04');
    expect(statusOf(ledger, 'i1', '2026-11-02').daysLate).toBe(0);
  });
});

describe('progress through the scenario', () => {
  it('each reminder advances an invoice by one step only, whatever step it names', () => {
    // 55 days late and never reminded: the offsets point at the formal notice, the engine does not.
    const base = { invoices: [{ id: 'i1', dueDate: '2026-10-01' }] };
    expect(summary(statusOf(build(base), 'i1', '2026-11-25'))).toMatchObject({
      next: 'b-friendly',
      date: '2026-10-05',
    });
    const ledger = build({ ...base, events: [reminder('2026-11-20', ['i1'], 'b-firm')] });
    expect(summary(statusOf(ledger, 'i1', '2026-11-25'))).toEqual({
      state: 'active',
      reached: 'b-friendly',
      next: 'b-call',
      date: '2026-11-25',
      due: true,
    });
  });

  it('never moves a step backwards when the offsets would suggest an earlier one', () => {
    const invoices = [{ id: 'i1', dueDate: '2026-11-02' }];
    // Friendly, call and firm skipped on day +1: on day +3 the offsets suggest the friendly reminder.
    const skips = ['b-friendly', 'b-call', 'b-firm'].map((step) => skip('2026-11-03', ['i1'], step));
    const skipped = build({ invoices, events: skips });
    expect(summary(statusOf(skipped, 'i1', '2026-11-05'))).toEqual({
      state: 'active',
      reached: 'b-firm',
      next: 'b-last-warning',
      date: '2026-11-24',
      due: false,
    });
    // A reminder naming an earlier step afterwards does not undo it.
    const again = build({ invoices, events: [...skips, reminder('2026-11-04', ['i1'], 'b-friendly')] });
    expect(statusOf(again, 'i1', '2026-11-05').reachedStep?.id).toBe('b-firm');
  });

  it('keeps the step reached when an edited scenario puts it later', () => {
    // The call was made on day +8; then the user moved the call of the scenario to day +14.
    const edited = {
      ...defaultScenarios.business,
      steps: defaultScenarios.business.steps.map((step) =>
        step.id === 'b-call' ? { ...step, offsetDays: 14 } : step,
      ),
    };
    const ledger = build({
      invoices: [{ id: 'i1', dueDate: '2026-11-02' }],
      events: [reminder('2026-11-04', ['i1'], 'b-friendly'), call('2026-11-10', ['i1'], 'b-call')],
      scenarios: [edited],
    });
    // On day +10 the offsets say the call is not due yet; it stays done.
    expect(summary(statusOf(ledger, 'i1', '2026-11-12'))).toEqual({
      state: 'active',
      reached: 'b-call',
      next: 'b-firm',
      date: '2026-11-17',
      due: false,
    });
  });

  it('a partial payment lowers the amount due and keeps the step', () => {
    const ledger = build({
      invoices: [{ id: 'i1', dueDate: '2026-11-02', amountCents: 100_000, paidCents: 10_000 }],
      events: [reminder('2026-11-04', ['i1'], 'b-friendly'), payment('2026-11-06', 'i1', 40_000)],
    });
    const status = statusOf(ledger, 'i1', '2026-11-25');
    expect(status.outstandingCents).toBe(50_000);
    expect(summary(status)).toMatchObject({
      state: 'active',
      reached: 'b-friendly',
      next: 'b-call',
      date: '2026-11-10',
    });
    expect(agenda(ledger, '2026-11-25')[0]).toMatchObject({ invoiceIds: ['i1'], outstandingCents: 50_000 });
  });

  it('the formal notice comes only after every earlier step, or by an explicit skip', () => {
    const invoices = [{ id: 'i1', dueDate: '2026-10-01' }];
    const friendlyOnly = [reminder('2026-10-05', ['i1'], 'b-friendly')];
    expect(statusOf(build({ invoices, events: friendlyOnly }), 'i1', '2026-11-25').next?.step.id).toBe(
      'b-call',
    );

    // The same skips logged in another order the same day count the same.
    const reversed = ['b-last-warning', 'b-firm', 'b-call'].map((step) => skip('2026-11-20', ['i1'], step));
    expect(
      statusOf(build({ invoices, events: [...friendlyOnly, ...reversed] }), 'i1', '2026-11-25').reachedStep
        ?.id,
    ).toBe('b-last-warning');

    // Skipping the last warning alone passes over the call only: one step at a time.
    const one = build({ invoices, events: [...friendlyOnly, skip('2026-11-20', ['i1'], 'b-last-warning')] });
    expect(statusOf(one, 'i1', '2026-11-25').reachedStep?.id).toBe('b-call');

    // The user passes over the call, the firm reminder and the last warning, each on purpose.
    const skips = ['b-call', 'b-firm', 'b-last-warning'].map((step) => skip('2026-11-20', ['i1'], step));
    const ledger = build({ invoices, events: [...friendlyOnly, ...skips] });
    expect(summary(statusOf(ledger, 'i1', '2026-11-25'))).toMatchObject({
      reached: 'b-last-warning',
      next: 'b-formal-notice',
      date: '2026-11-02', // +30 fell on Saturday 31 October
    });
    const [action] = agenda(ledger, '2026-11-25');
    expect(action).toMatchObject({ formalNotice: true, channel: 'letter', invoiceIds: ['i1'] });
    expect(action?.step.tone).toBe('formal_notice');
  });

  it("skipping a grouped action's step passes each invoice over its own next step only", () => {
    const ledger = build({
      invoices: [
        { id: 'i1', dueDate: '2026-10-01' },
        { id: 'i2', dueDate: '2026-11-02' },
      ],
      events: [
        reminder('2026-10-05', ['i1'], 'b-friendly'),
        call('2026-10-12', ['i1'], 'b-call'),
        reminder('2026-10-19', ['i1'], 'b-firm'),
      ],
    });
    const [action] = agenda(ledger, '2026-11-25');
    expect(action).toMatchObject({ step: { id: 'b-last-warning' }, invoiceIds: ['i1', 'i2'] });
    const skipped = build({
      invoices: ledger.invoices,
      events: [...ledger.events, skip('2026-11-25', action!.invoiceIds, action!.step.id)],
    });
    const reached = planActions(skipped, '2026-11-25').statuses.map((s) => s.reachedStep?.id);
    // i2 had no step yet: the SMS of i1 does not take it near the formal notice.
    expect(reached).toEqual(['b-last-warning', 'b-friendly']);
  });

  it('after the formal notice the scenario is completed', () => {
    const steps = ['b-friendly', 'b-call', 'b-firm', 'b-last-warning', 'b-formal-notice'];
    const ledger = build({
      invoices: [{ id: 'i1', dueDate: '2026-09-01' }],
      events: steps.map((step, i) => reminder(addDays('2026-09-03', 7 * i), ['i1'], step)),
    });
    expect(summary(statusOf(ledger, 'i1', '2026-11-25'))).toEqual({
      state: 'completed',
      reached: 'b-formal-notice',
      next: undefined,
      date: undefined,
      due: false,
    });
    expect(agenda(ledger, '2026-11-25')).toEqual([]);
  });

  it('ignores events dated after today', () => {
    const ledger = build({
      invoices: [{ id: 'i1', dueDate: '2026-11-02' }],
      events: [reminder('2026-11-04', ['i1'], 'b-friendly'), payment('2026-11-30', 'i1', 100_000)],
    });
    expect(statusOf(ledger, 'i1', '2026-11-25').state).toBe('active');
    expect(statusOf(ledger, 'i1', '2026-11-30').state).toBe('settled');
    expect(statusOf(ledger, 'i1', '2026-11-03').reachedIndex).toBe(-1);
  });

  it('a step id of another scenario counts as a contact and moves nothing', () => {
    const ledger = build({
      invoices: [{ id: 'i1', dueDate: '2026-11-02' }],
      events: [reminder('2026-11-20', ['i1'], 'c-friendly')],
    });
    expect(summary(statusOf(ledger, 'i1', '2026-11-25'))).toMatchObject({
      reached: undefined,
      next: 'b-friendly',
      date: '2026-11-25',
    });
  });
});

describe('credit notes and settled invoices', () => {
  const ledger = build({
    invoices: [
      { id: 'paid', dueDate: '2026-10-01' },
      { id: 'imported-paid', dueDate: '2026-10-01', paidCents: 100_000 },
      { id: 'credit', dueDate: '2026-10-01', amountCents: -20_000, isCreditNote: true },
      { id: 'flagged-credit', dueDate: '2026-10-01', amountCents: 20_000, isCreditNote: true },
      { id: 'open', dueDate: '2026-11-02' },
    ],
    events: [payment('2026-10-20', 'paid', 60_000), payment('2026-10-25', 'paid', 40_000)],
  });

  it.each([
    ['paid', 'settled'],
    ['imported-paid', 'settled'],
    ['credit', 'credit_note'],
    ['flagged-credit', 'credit_note'],
  ])('%s is %s and has no next step', (id, state) => {
    const status = statusOf(ledger, id, '2026-11-25');
    expect(status.state).toBe(state);
    expect(status.next).toBeUndefined();
    expect(status.due).toBe(false);
  });

  it('never appear in an action, even next to an invoice of the same client that is due', () => {
    const actions = agenda(ledger, '2026-11-25');
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ invoiceIds: ['open'], outstandingCents: 100_000 });
  });
});

describe('holds', () => {
  const invoices = [{ id: 'i1', dueDate: '2026-11-02' }];
  const reminded = [reminder('2026-11-04', ['i1'], 'b-friendly'), call('2026-11-10', ['i1'], 'b-call')];

  describe('a promise pauses until the promised date plus the grace days', () => {
    // Promised for Monday 16 November, 3 grace days: paused through the 19th.
    const promise: EventDraft = {
      type: 'promise',
      date: '2026-11-10',
      invoiceIds: ['i1'],
      promisedDate: '2026-11-16',
      amountCents: 100_000,
    };
    const ledger = build({ invoices, events: [...reminded, promise] });

    it.each([
      ['2026-11-12', 'paused_promise', '2026-11-19', false],
      ['2026-11-19', 'paused_promise', '2026-11-19', false],
      ['2026-11-20', 'active', undefined, true],
      ['2026-11-25', 'active', undefined, true],
    ])('on %s: %s until %s', (today, state, pausedUntil, due) => {
      const status = statusOf(ledger, 'i1', today);
      expect(status.state).toBe(state);
      expect(status.pausedUntil).toBe(pausedUntil);
      // The firm step (+15 = 17 November) waits for the end of the grace.
      expect(status.next).toMatchObject({ date: '2026-11-20' });
      expect(status.next?.step.id).toBe('b-firm');
      expect(status.due).toBe(due);
      expect(agenda(ledger, today).length).toBe(due ? 1 : 0);
    });

    it('the grace days follow the settings, and a grace ending on a weekend resumes on Monday', () => {
      const longer = build({ invoices, events: [...reminded, promise], settings: { promiseGraceDays: 5 } });
      // Paused through Saturday 21 November; Sunday is no business day.
      expect(statusOf(longer, 'i1', '2026-11-21')).toMatchObject({
        state: 'paused_promise',
        pausedUntil: '2026-11-21',
      });
      expect(statusOf(longer, 'i1', '2026-11-25').next?.date).toBe('2026-11-23');
    });

    it('a kept promise settles the invoice', () => {
      const kept = build({ invoices, events: [...reminded, promise, payment('2026-11-16', 'i1', 100_000)] });
      expect(statusOf(kept, 'i1', '2026-11-25').state).toBe('settled');
    });
  });

  describe('a dispute pauses until it is resolved', () => {
    const dispute: LedgerEventInput = {
      id: 'd1',
      clientId: 'c1',
      type: 'dispute',
      date: '2026-11-05',
      invoiceIds: ['i1'],
      reason: 'Livraison incomplète',
    };
    const resolved = (date: IsoDate): EventDraft => ({
      type: 'dispute_resolved',
      date,
      invoiceIds: ['i1'],
      disputeId: 'd1',
      resolution: 'rejected',
    });

    it('open: no next step, no end date, nothing in the agenda', () => {
      const ledger = build({ invoices, events: [reminder('2026-11-04', ['i1'], 'b-friendly'), dispute] });
      const status = statusOf(ledger, 'i1', '2026-11-25');
      expect(status).toMatchObject({
        state: 'paused_dispute',
        pausedUntil: undefined,
        next: undefined,
        due: false,
      });
      expect(agenda(ledger, '2026-11-25')).toEqual([]);
    });

    it('resolved: the scenario resumes from the resolution, at the step after the one reached', () => {
      const ledger = build({
        invoices,
        events: [reminder('2026-11-04', ['i1'], 'b-friendly'), dispute, resolved('2026-11-24')],
      });
      expect(statusOf(ledger, 'i1', '2026-11-23').state).toBe('paused_dispute');
      expect(summary(statusOf(ledger, 'i1', '2026-11-25'))).toEqual({
        state: 'active',
        reached: 'b-friendly',
        next: 'b-call',
        date: '2026-11-24',
        due: true,
      });
    });
  });

  describe('a payment plan follows its instalments', () => {
    // 1,000 € in three instalments agreed on 10 September; 5 grace days after each.
    const plan: EventDraft = {
      type: 'plan',
      date: '2026-09-10',
      invoiceIds: ['i1'],
      instalments: [
        { dueDate: '2026-10-01', amountCents: 30_000 },
        { dueDate: '2026-11-02', amountCents: 30_000 },
        { dueDate: '2026-12-01', amountCents: 40_000 },
      ],
    };
    const history = [
      reminder('2026-09-03', ['i1'], 'b-friendly'),
      call('2026-09-09', ['i1'], 'b-call'),
      plan,
    ];
    const planInvoices = [{ id: 'i1', dueDate: '2026-09-01' }];

    it('honoured: paused until the last instalment plus grace, nothing to do', () => {
      const ledger = build({
        invoices: planInvoices,
        events: [...history, payment('2026-10-01', 'i1', 30_000), payment('2026-11-04', 'i1', 30_000)],
      });
      const status = statusOf(ledger, 'i1', '2026-11-25');
      expect(status).toMatchObject({
        state: 'paused_plan',
        pausedUntil: '2026-12-06',
        outstandingCents: 40_000,
      });
      expect(status.reachedStep?.id).toBe('b-call');
      expect(agenda(ledger, '2026-11-25')).toEqual([]);
    });

    it('a missed instalment resumes the chase after the grace days, at the next step', () => {
      const ledger = build({
        invoices: planInvoices,
        events: [...history, payment('2026-10-01', 'i1', 30_000)],
      });
      // Second instalment 2 November + 5 days = 7 November (Saturday): still the debtor's time.
      expect(statusOf(ledger, 'i1', '2026-11-07').state).toBe('paused_plan');
      const status = statusOf(ledger, 'i1', '2026-11-25');
      expect(summary(status)).toEqual({
        state: 'active',
        reached: 'b-call',
        next: 'b-firm',
        date: '2026-11-09',
        due: true,
      });
      expect(status.outstandingCents).toBe(70_000);
      expect(agenda(ledger, '2026-11-25')).toHaveLength(1);
    });

    it('one plan for two invoices: payments on either count, also one logged before the plan that day', () => {
      const two: EventDraft = {
        ...plan,
        invoiceIds: ['i1', 'i2'],
        instalments: [
          { dueDate: '2026-10-01', amountCents: 100_000 },
          { dueDate: '2026-12-01', amountCents: 100_000 },
        ],
      };
      const both = [
        { id: 'i1', dueDate: '2026-09-01' },
        { id: 'i2', dueDate: '2026-09-01' },
      ];
      // 20,000 paid on i2 the day of the plan, then 80,000 on i1: the first instalment is met.
      const kept = build({
        invoices: both,
        events: [payment('2026-09-10', 'i2', 20_000), two, payment('2026-10-01', 'i1', 80_000)],
      });
      for (const id of ['i1', 'i2'])
        expect(statusOf(kept, id, '2026-11-25')).toMatchObject({
          state: 'paused_plan',
          pausedUntil: '2026-12-06',
        });
      // Without it the first instalment was 20,000 short: the chase resumed on 7 October.
      const short = build({ invoices: both, events: [two, payment('2026-10-01', 'i1', 80_000)] });
      expect(statusOf(short, 'i2', '2026-11-25')).toMatchObject({
        state: 'active',
        next: { date: '2026-10-07' },
      });
    });

    it('the grace follows the settings', () => {
      const ledger = build({
        invoices: planInvoices,
        events: [...history, payment('2026-10-01', 'i1', 30_000)],
        settings: { planGraceDays: 0 },
      });
      expect(statusOf(ledger, 'i1', '2026-11-03')).toMatchObject({ state: 'active' });
      expect(statusOf(ledger, 'i1', '2026-11-03').next?.date).toBe('2026-11-03');
    });
  });

  describe('manual pause and resume', () => {
    it.each([
      [
        'until a date: paused through it',
        [{ type: 'pause', date: '2026-11-20', invoiceIds: ['i1'], until: '2026-11-30' }],
        '2026-11-25',
        'paused_manual',
        '2026-11-30',
        '2026-12-01',
      ],
      [
        'until a date: resumes the next business day',
        [{ type: 'pause', date: '2026-11-20', invoiceIds: ['i1'], until: '2026-11-30' }],
        '2026-12-01',
        'active',
        undefined,
        '2026-12-01',
      ],
      [
        'open-ended: no end, no next step',
        [{ type: 'pause', date: '2026-11-20', invoiceIds: ['i1'] }],
        '2026-11-25',
        'paused_manual',
        undefined,
        undefined,
      ],
      [
        'open-ended then resumed: acts from the resume',
        [
          { type: 'pause', date: '2026-11-20', invoiceIds: ['i1'] },
          { type: 'resume', date: '2026-11-24', invoiceIds: ['i1'] },
        ],
        '2026-11-25',
        'active',
        undefined,
        '2026-11-24',
      ],
    ] as [string, EventDraft[], IsoDate, string, IsoDate | undefined, IsoDate | undefined][])(
      '%s',
      (_, events, today, state, pausedUntil, nextDate) => {
        const ledger = build({ invoices, events: [...reminded, ...events] });
        const status = statusOf(ledger, 'i1', today);
        expect(status.state).toBe(state);
        expect(status.pausedUntil).toBe(pausedUntil);
        expect(status.next?.date).toBe(nextDate);
        expect(agenda(ledger, today).length).toBe(state === 'active' ? 1 : 0);
      },
    );
  });
});

describe('the interval between contacts with one client', () => {
  const invoices = [
    { id: 'i1', dueDate: '2026-11-02' },
    { id: 'i2', dueDate: '2026-11-16' },
  ];
  // i1 reminded on Wednesday 18 November; i2's friendly reminder falls that same day.
  const events = [reminder('2026-11-18', ['i1'], 'b-friendly')];

  it.each([
    [5, '2026-11-23'],
    [10, '2026-11-30'], // +10 is Saturday 28th
    [0, '2026-11-18'],
  ])(
    '%i days apart: the next contact on %s, for every invoice of the client',
    (minDaysBetweenContacts, date) => {
      const ledger = build({ invoices, events, settings: { minDaysBetweenContacts } });
      const today = '2026-11-20';
      expect(statusOf(ledger, 'i1', today).next?.date).toBe(date);
      expect(statusOf(ledger, 'i2', today).next?.date).toBe(date);
      expect(statusOf(ledger, 'i2', today).lastClientContactDate).toBe('2026-11-18');
    },
  );

  it('another client is not held back', () => {
    const ledger = build({
      invoices: [...invoices, { id: 'j1', clientId: 'c2', dueDate: '2026-11-16' }],
      events,
    });
    expect(statusOf(ledger, 'j1', '2026-11-20').next?.date).toBe('2026-11-18');
  });

  it('a heads-up the interval would push past the due date is dropped', () => {
    const ledger = build({
      invoices: [
        { id: 'i1', dueDate: '2026-11-02' },
        { id: 'i3', dueDate: '2026-11-27', issueDate: '2026-10-28' },
      ],
      events: [reminder('2026-11-23', ['i1'], 'b-friendly')],
    });
    // Heads-up due on the 24th, but no contact before the 28th: the first step is the friendly one.
    expect(summary(statusOf(ledger, 'i3', '2026-11-24'))).toMatchObject({
      next: 'b-friendly',
      date: '2026-11-30',
    });
  });
});

describe('one action per client', () => {
  const invoices = [
    { id: 'i1', dueDate: '2026-10-01', amountCents: 50_000 },
    { id: 'i2', dueDate: '2026-11-02', amountCents: 120_000 },
    { id: 'i3', dueDate: '2026-11-24', amountCents: 30_000 },
    { id: 'i4', dueDate: '2026-12-10', amountCents: 80_000 },
    { id: 'j1', clientId: 'c2', dueDate: '2026-11-02', amountCents: 10_000 },
  ];
  const done = [
    reminder('2026-10-05', ['i1'], 'b-friendly'),
    call('2026-10-12', ['i1'], 'b-call'),
    reminder('2026-10-19', ['i1'], 'b-firm'),
  ];
  const ledger = build({ invoices, events: done });
  const today = '2026-11-25';

  it('groups the overdue invoices of a client at the most advanced step due', () => {
    const actions = agenda(ledger, today);
    // Oldest first. i1 is at the last warning, i2 at the friendly reminder; i3 is one day late and
    // joins though its own step is tomorrow; i4 is not due and its heads-up is not due either.
    expect(actions.map((a) => [a.clientId, a.step.id, a.invoiceIds])).toEqual([
      ['c1', 'b-last-warning', ['i1', 'i2', 'i3']],
      ['c2', 'b-friendly', ['j1']],
    ]);
    expect(actions[0]).toMatchObject({
      channel: 'sms',
      date: '2026-10-26',
      formalNotice: false,
      outstandingCents: 200_000,
      id: 'c1/b-last-warning/2026-10-26',
    });
  });

  it('the grouped reminder advances each invoice by one step only', () => {
    const sent = build({
      invoices,
      events: [...done, reminder(today, ['i1', 'i2', 'i3'], 'b-last-warning')],
    });
    const after = planActions(sent, today);
    const reached = Object.fromEntries(after.statuses.map((s) => [s.invoiceId, s.reachedStep?.id]));
    expect(reached).toEqual({
      i1: 'b-last-warning',
      i2: 'b-friendly',
      i3: 'b-friendly',
      i4: undefined,
      j1: undefined,
    });
    // The client was contacted today: nothing more for it until the interval is over.
    expect(after.actions.map((a) => a.clientId)).toEqual(['c2']);
    expect(statusOf(sent, 'i1', today).next?.date).toBe('2026-11-30');
  });

  it('a heads-up due joins the reminder of the same client', () => {
    const withHeadsUp = build({ invoices, events: done });
    const action = agenda(withHeadsUp, '2026-12-07').find((a) => a.clientId === 'c1');
    expect(action?.invoiceIds).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(agenda(withHeadsUp, '2026-12-04').find((a) => a.clientId === 'c1')?.invoiceIds).toEqual([
      'i1',
      'i2',
      'i3',
    ]);
    // Named in a firm message before its due date, i4 only had its heads-up.
    const sent = build({
      invoices,
      events: [...done, reminder('2026-12-07', action!.invoiceIds, action!.step.id)],
    });
    expect(statusOf(sent, 'i4', '2026-12-07').reachedStep?.id).toBe('b-heads-up');
  });

  it('the formal notice is an action of its own, naming only the invoices that went through every step', () => {
    const ready = build({
      invoices,
      events: [...done, reminder('2026-10-26', ['i1'], 'b-last-warning')],
    });
    const actions = agenda(ready, today);
    expect(actions.map((a) => [a.clientId, a.step.id, a.invoiceIds, a.formalNotice])).toEqual([
      ['c1', 'b-formal-notice', ['i1'], true],
      ['c1', 'b-friendly', ['i2', 'i3'], false],
      ['c2', 'b-friendly', ['j1'], false],
    ]);
    expect(actions[0]).toMatchObject({ channel: 'letter', date: '2026-11-02', outstandingCents: 50_000 });
  });
});

describe('segments and scenarios', () => {
  it.each([
    // [segment, due date, today, next step, channel, date, events]
    ['consumer', '2026-11-02', '2026-11-25', 'c-friendly', 'email', '2026-11-09', []],
    [
      'consumer',
      '2026-11-02',
      '2026-11-25',
      'c-call',
      'phone',
      '2026-11-17',
      [reminder('2026-11-09', ['i1'], 'c-friendly')],
    ],
    [
      'consumer',
      '2026-10-01',
      '2026-11-25',
      'c-firm',
      'letter',
      '2026-11-02',
      [reminder('2026-10-06', ['i1'], 'c-friendly'), call('2026-10-16', ['i1'], 'c-call')],
    ],
    // Public buyer: heads-up five days before, on Christmas, moved to Monday 28th.
    ['public', '2026-12-30', '2026-12-21', 'p-heads-up', 'email', '2026-12-28', []],
    [
      'public',
      '2026-11-02',
      '2026-11-25',
      'p-call',
      'phone',
      '2026-11-17',
      [reminder('2026-11-09', ['i1'], 'p-friendly')],
    ],
    ['key_account', '2026-11-02', '2026-11-25', 'k-call', 'phone', '2026-11-05', []],
    ['business', '2026-11-02', '2026-11-25', 'b-friendly', 'email', '2026-11-04', []],
  ] as [string, IsoDate, IsoDate, string, string, IsoDate, EventDraft[]][])(
    '%s, due %s, on %s: next %s by %s on %s',
    (segment, dueDate, today, step, channel, date, events) => {
      const ledger = build({
        clients: [{ id: 'c1', name: 'Client', segment } as ClientInput],
        invoices: [{ id: 'i1', dueDate, issueDate: addDays(dueDate, -30) }],
        events,
      });
      const status = statusOf(ledger, 'i1', today);
      expect(status.scenarioId).toBe(`default-${segment.replace('_', '-')}`);
      expect(status.next?.step.id).toBe(step);
      expect(status.next?.step.channel).toBe(channel);
      expect(status.next?.date).toBe(date);
    },
  );

  const own: ScenarioInput = {
    id: 'gentle',
    name: 'Doux',
    steps: [
      { id: 'g-1', offsetDays: 10, channel: 'email', tone: 'friendly', templateId: 'friendly' },
      { id: 'g-2', offsetDays: 40, channel: 'letter', tone: 'formal_notice', templateId: 'formal-notice' },
    ],
  };

  it("follows the client's own scenario", () => {
    const ledger = build({
      clients: [{ id: 'c1', name: 'Client', scenarioId: 'gentle' }],
      invoices: [{ id: 'i1', dueDate: '2026-11-02' }],
      scenarios: [own],
    });
    const status = statusOf(ledger, 'i1', '2026-11-25');
    expect(status).toMatchObject({ scenarioId: 'gentle', next: { index: 0, date: '2026-11-12' } });
    expect(agenda(ledger, '2026-11-25')[0]).toMatchObject({ scenarioId: 'gentle', channel: 'email' });
  });

  it("a scenario of the user's marked for a segment replaces that segment's default", () => {
    const ledger = build({
      clients: [
        { id: 'c1', name: 'Particulier', segment: 'consumer' },
        { id: 'c2', name: 'Entreprise', segment: 'business' },
      ],
      invoices: [
        { id: 'i1', dueDate: '2026-11-02' },
        { id: 'j1', clientId: 'c2', dueDate: '2026-11-02' },
      ],
      scenarios: [{ ...own, segment: 'consumer' }],
    });
    expect(statusOf(ledger, 'i1', '2026-11-25').scenarioId).toBe('gentle');
    expect(statusOf(ledger, 'j1', '2026-11-25').scenarioId).toBe('default-business');
  });

  it('an invoice whose client record is missing is chased the business way', () => {
    const ledger = build({ clients: [], invoices: [{ id: 'i1', clientId: 'ghost', dueDate: '2026-11-02' }] });
    expect(agenda(ledger, '2026-11-25')[0]).toMatchObject({ clientId: 'ghost', step: { id: 'b-friendly' } });
  });
});

describe('one engine, several ways in', () => {
  const ledger = build({
    invoices: [
      { id: 'i1', dueDate: '2026-10-01' },
      { id: 'i2', dueDate: '2026-11-02' },
      { id: 'j1', clientId: 'c2', dueDate: '2026-11-10' },
    ],
    events: [
      reminder('2026-10-05', ['i1'], 'b-friendly'),
      payment('2026-10-06', 'i1', 20_000),
      call('2026-10-12', ['i1'], 'b-call'),
      reminder('2026-11-12', ['j1'], 'b-friendly'),
      {
        type: 'promise',
        date: '2026-11-12',
        invoiceIds: ['j1'],
        promisedDate: '2026-11-30',
        amountCents: 100_000,
      },
    ],
  });

  it('agenda is the action list of planActions', () => {
    expect(agenda(ledger, '2026-11-25')).toEqual(planActions(ledger, '2026-11-25').actions);
  });

  it('invoiceStatus for one invoice agrees with planActions', () => {
    const plan = planActions(ledger, '2026-11-25');
    for (const invoice of ledger.invoices) {
      const client = ledger.clients.find((c) => c.id === invoice.clientId)!;
      const alone = invoiceStatus(
        invoice,
        ledger.events,
        scenarioFor(client, []),
        ledger.settings,
        '2026-11-25',
      );
      expect(alone).toEqual(plan.statuses.find((s) => s.invoiceId === invoice.id));
    }
  });

  it('reads the history in date order whatever order the store returns it in', () => {
    const shuffled = { ...ledger, events: [...ledger.events].reverse() };
    expect(planActions(shuffled, '2026-11-25')).toEqual(planActions(ledger, '2026-11-25'));
  });

  it('sorts a history with a stray date decades away too', () => {
    const stray: LedgerEvent = {
      id: 'stray',
      clientId: 'c1',
      note: '',
      type: 'payment',
      date: '1990-01-02',
      invoiceIds: ['i2'],
      amountCents: 1,
    };
    const sorted = { ...ledger, events: [stray, ...ledger.events] };
    const reversed = { ...sorted, events: [...sorted.events].reverse() };
    expect(planActions(reversed, '2026-11-25')).toEqual(planActions(sorted, '2026-11-25'));
    expect(statusOf(reversed, 'i2', '2026-11-25').outstandingCents).toBe(99_999);
  });

  it('groupDue gives the same actions from the statuses alone', () => {
    const plan = planActions(ledger, '2026-11-25');
    expect(groupDue(plan.statuses, '2026-11-25')).toEqual(plan.actions);
  });

  it('counts an invoice named twice in one event once', () => {
    const twice = build({
      invoices: [{ id: 'i1', dueDate: '2026-11-02' }],
      events: [
        reminder('2026-11-04', ['i1', 'i1'], 'b-friendly'),
        {
          type: 'plan',
          date: '2026-11-05',
          invoiceIds: ['i1', 'i1'],
          instalments: [{ dueDate: '2026-12-01', amountCents: 100_000 }],
        },
      ],
    });
    expect(statusOf(twice, 'i1', '2026-11-25')).toMatchObject({ reachedIndex: 1, state: 'paused_plan' });
  });
});
