import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isBusinessDay } from '../../../lib/domain/calendar';
import { agenda, planActions, type ActionPlan } from '../../../lib/domain/engine';
import { defaultScenarioList, scenarioFor } from '../../../lib/domain/scenarios';
import { ledgerSchema, type IsoDate, type Ledger, type LedgerEvent } from '../../../lib/domain/schemas';
import { generateLedger } from '../../support/generate-ledger';

/** What must hold for any ledger on any day. */
function checkPlan(ledger: Ledger, today: IsoDate, plan: ActionPlan) {
  const invoices = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice]));
  const statuses = new Map(plan.statuses.map((status) => [status.invoiceId, status]));
  expect(plan.statuses).toHaveLength(ledger.invoices.length);

  const named = new Set<string>();
  const kinds = new Set<string>();
  let previous = '';
  for (const action of plan.actions) {
    // Due today or overdue, oldest first.
    expect(action.date <= today).toBe(true);
    expect(action.date >= previous).toBe(true);
    previous = action.date;
    // One reminder and at most one formal notice per client.
    const kind = `${action.clientId}/${action.formalNotice}`;
    expect(kinds.has(kind)).toBe(false);
    kinds.add(kind);
    expect(action.channel).toBe(action.step.channel);
    expect(action.formalNotice).toBe(action.step.tone === 'formal_notice');
    let outstanding = 0;
    for (const id of action.invoiceIds) {
      const invoice = invoices.get(id)!;
      const status = statuses.get(id)!;
      // Every invoice of an action is its client's, owed, and named once in the agenda.
      expect(invoice.clientId).toBe(action.clientId);
      expect(invoice.isCreditNote).toBe(false);
      expect(status.state).not.toMatch(/settled|credit_note|paused|completed/);
      expect(status.outstandingCents).toBeGreaterThan(0);
      expect(named.has(id)).toBe(false);
      named.add(id);
      outstanding += status.outstandingCents;
      if (action.formalNotice) {
        // The formal notice names only invoices that went through every earlier step.
        expect(status.due).toBe(true);
        expect(status.reachedIndex).toBe(action.stepIndex - 1);
      }
    }
    expect(action.outstandingCents).toBe(outstanding);
  }

  for (const status of plan.statuses) {
    const invoice = invoices.get(status.invoiceId)!;
    if (status.due) expect(named.has(status.invoiceId)).toBe(true);
    if (status.state === 'settled' || status.state === 'credit_note') expect(status.next).toBeUndefined();
    if (invoice.isCreditNote) expect(status.state).toBe('credit_note');
    if (!status.next) continue;
    expect(status.next.index).toBeGreaterThan(status.reachedIndex);
    expect(isBusinessDay(status.next.date)).toBe(true);
    expect(status.next.date >= addDays(invoice.dueDate, status.next.step.offsetDays)).toBe(true);
    if (status.lastClientContactDate !== undefined)
      expect(daysBetween(status.lastClientContactDate, status.next.date)).toBeGreaterThanOrEqual(
        ledger.settings.minDaysBetweenContacts,
      );
    if (status.pausedUntil !== undefined) expect(status.next.date > status.pausedUntil).toBe(true);
  }
  expect(agenda(ledger, today)).toEqual(plan.actions);
}

/** Doing every action of the day, as the sidebar records it. */
function doEverything(ledger: Ledger, today: IsoDate, plan: ActionPlan): Ledger {
  const done: LedgerEvent[] = plan.actions.map((action, i) => ({
    id: `done-${i}`,
    type: 'reminder',
    clientId: action.clientId,
    invoiceIds: action.invoiceIds,
    date: today,
    note: '',
    stepId: action.step.id,
    channel: action.channel,
  }));
  return { ...ledger, events: [...ledger.events, ...done] };
}

function checkProgress(ledger: Ledger, today: IsoDate, before: ActionPlan, after: ActionPlan) {
  const clients = new Map(ledger.clients.map((client) => [client.id, client]));
  const invoices = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice]));
  const reachedAfter = new Map(after.statuses.map((status) => [status.invoiceId, status.reachedIndex]));
  const named = new Set(before.actions.flatMap((action) => action.invoiceIds));
  for (const status of before.statuses) {
    const now = reachedAfter.get(status.invoiceId)!;
    // A step never goes backwards, and one reminder moves an invoice by one step at most
    // (past the heads-up, which is optional).
    expect(now).toBeGreaterThanOrEqual(status.reachedIndex);
    if (!named.has(status.invoiceId)) {
      expect(now).toBe(status.reachedIndex);
      continue;
    }
    const invoice = invoices.get(status.invoiceId)!;
    const scenario = scenarioFor(clients.get(invoice.clientId)!, ledger.scenarios);
    const headsUps = scenario.steps.filter((step) => step.offsetDays < 0).length;
    expect(now).toBeLessThanOrEqual(Math.max(status.reachedIndex, headsUps - 1) + 1);
    if (status.due) expect(now).toBe(status.next!.index);
  }
  // Done today: with an interval between contacts nothing is due again today.
  if (ledger.settings.minDaysBetweenContacts > 0) expect(after.actions).toEqual([]);
}

const dayIn2026 = (day: number) => addDays('2026-01-01', day);

describe('the engine on generated ledgers', () => {
  it('keeps its promises on any realistic ledger, any day, in any event order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 5, max: 250 }),
        fc.integer({ min: 0, max: 540 }),
        fc.record({
          minDaysBetweenContacts: fc.integer({ min: 0, max: 14 }),
          promiseGraceDays: fc.integer({ min: 0, max: 10 }),
          planGraceDays: fc.integer({ min: 0, max: 10 }),
        }),
        fc.boolean(),
        (seed, invoices, day, settings, storeOrder) => {
          const today = dayIn2026(day);
          const generated = generateLedger({ invoices, today, seed });
          const ledger = { ...generated, settings: { ...generated.settings, ...settings } };
          const plan = planActions(ledger, today);
          checkPlan(ledger, today, plan);
          // The store returns events by id, not by date: the result must not change.
          if (storeOrder) {
            const byId = [...ledger.events].sort((a, b) => (a.id < b.id ? -1 : 1));
            expect(planActions({ ...ledger, events: byId }, today)).toEqual(plan);
          }
          const after = planActions(doEverything(ledger, today, plan), today);
          checkProgress(ledger, today, plan, after);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('agrees with itself from one day to the next: a step due and not done stays due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 300 }), (seed, day) => {
        const today = dayIn2026(day);
        const ledger = generateLedger({ invoices: 120, today, seed });
        // Invoices whose own step is due (not those that only join their client's reminder), past the
        // heads-up: a heads-up not sent before the due date is dropped.
        const dueToday = new Set(
          planActions(ledger, today)
            .statuses.filter((status) => status.due && status.next!.step.offsetDays >= 0)
            .map((status) => status.invoiceId),
        );
        const tomorrow = planActions(ledger, addDays(today, 1));
        for (const status of tomorrow.statuses)
          if (dueToday.has(status.invoiceId) && status.state === 'active') expect(status.due).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

/** Small ledgers with arbitrary histories: every kind of event, in any order, on any day. */
const ids = ['i1', 'i2', 'i3', 'i4', 'i5'];
const stepIds = [
  ...new Set(defaultScenarioList.flatMap((scenario) => scenario.steps.map((step) => step.id))),
];
const day = fc.integer({ min: -60, max: 120 }).map((n) => addDays('2026-09-01', n));
const invoiceIds = fc.subarray(ids, { minLength: 1, maxLength: 3 });
const eventArb = fc.oneof(
  fc.record({
    type: fc.constant('reminder'),
    date: day,
    invoiceIds,
    stepId: fc.constantFrom(...stepIds),
    channel: fc.constant('email'),
  }),
  fc.record({
    type: fc.constant('call'),
    date: day,
    invoiceIds,
    stepId: fc.option(fc.constantFrom(...stepIds), { nil: undefined }),
    outcome: fc.constantFrom('promise', 'dispute', 'paid', 'no_answer', 'wrong_contact', 'callback'),
  }),
  fc.record({ type: fc.constant('skip'), date: day, invoiceIds, stepId: fc.constantFrom(...stepIds) }),
  fc.record({
    type: fc.constant('payment'),
    date: day,
    invoiceIds: fc.constantFrom(...ids).map((id) => [id]),
    amountCents: fc.integer({ min: 1, max: 150_000 }),
  }),
  fc.record({
    type: fc.constant('promise'),
    date: day,
    invoiceIds,
    promisedDate: day,
    amountCents: fc.integer({ min: 0, max: 150_000 }),
  }),
  fc.record({ type: fc.constant('dispute'), date: day, invoiceIds, reason: fc.constant('') }),
  fc.record({
    type: fc.constant('dispute_resolved'),
    date: day,
    invoiceIds,
    disputeId: fc.integer({ min: 0, max: 20 }).map((n) => `e${n}`),
    resolution: fc.constantFrom('upheld', 'rejected', 'credit_note', 'withdrawn'),
  }),
  fc.record({
    type: fc.constant('plan'),
    date: day,
    invoiceIds,
    instalments: fc.array(fc.record({ dueDate: day, amountCents: fc.integer({ min: 1, max: 80_000 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ type: fc.constant('pause'), date: day, invoiceIds, until: fc.option(day, { nil: undefined }) }),
  fc.record({ type: fc.constant('resume'), date: day, invoiceIds }),
);
const ledgerArb = fc
  .record({
    segments: fc.array(fc.constantFrom('business', 'consumer', 'public', 'key_account'), {
      minLength: 2,
      maxLength: 2,
    }),
    invoices: fc.tuple(
      ...ids.map(() =>
        fc.record({
          client: fc.constantFrom('c1', 'c2'),
          due: fc.integer({ min: -60, max: 90 }),
          term: fc.integer({ min: 0, max: 60 }),
          amountCents: fc.integer({ min: 1, max: 200_000 }),
          paidCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200_000 })),
          isCreditNote: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
        }),
      ),
    ),
    events: fc.array(eventArb, { maxLength: 20 }),
    minDaysBetweenContacts: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ segments, invoices, events, minDaysBetweenContacts }) => {
    const clientOf = new Map(ids.map((id, i) => [id, invoices[i]!.client]));
    return ledgerSchema.parse({
      clients: [
        { id: 'c1', name: 'Un', segment: segments[0] },
        { id: 'c2', name: 'Deux', segment: segments[1] },
      ],
      invoices: invoices.map((invoice, i) => {
        const dueDate = addDays('2026-09-01', invoice.due);
        return {
          id: ids[i],
          number: `F-${i}`,
          clientId: invoice.client,
          issueDate: addDays(dueDate, -invoice.term),
          dueDate,
          amountCents: invoice.amountCents,
          paidCents: invoice.paidCents,
          isCreditNote: invoice.isCreditNote,
        };
      }),
      // One client per event, as the sidebar records them.
      events: events.map((event, i) => {
        const client = clientOf.get(event.invoiceIds[0]!)!;
        const own = event.invoiceIds.filter((id) => clientOf.get(id) === client);
        return { ...event, id: `e${i}`, clientId: client, invoiceIds: own };
      }),
      scenarios: [],
      company: {},
      rates: { halfYears: [] },
      settings: { minDaysBetweenContacts },
    });
  });

describe('the engine on arbitrary histories', () => {
  it('keeps its promises whatever happened', () => {
    fc.assert(
      fc.property(ledgerArb, day, fc.boolean(), (ledger, today, reverse) => {
        const plan = planActions(ledger, today);
        checkPlan(ledger, today, plan);
        const after = planActions(doEverything(ledger, today, plan), today);
        checkProgress(ledger, today, plan, after);
        if (reverse) {
          // Events of different days: the order they come in does not matter.
          const dates = new Set(ledger.events.map((event) => event.date));
          if (dates.size === ledger.events.length)
            expect(planActions({ ...ledger, events: [...ledger.events].reverse() }, today)).toEqual(plan);
        }
      }),
      { numRuns: 400 },
    );
  });
});
