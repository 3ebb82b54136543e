import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clientSchema,
  companyProfileSchema,
  invoiceSchema,
  settingsSchema,
} from '../../../lib/domain/schemas';
import { createClock, type Clock } from '../../../lib/store/sync/hlc';
import { KIND_SPECS } from '../../../lib/store/sync/record-specs';
import { fromLedger, toLedger } from '../../../lib/store/sync/ledger-bridge';
import { applyLocalChange, type LocalChange } from '../../../lib/store/sync/local-change';
import { canonicalJson, merge, type ReplicaState } from '../../../lib/store/sync/state';
import { generateLedger } from '../../support/generate-ledger';
import { hostileString } from './sync/arbitraries';

const base = generateLedger({ invoices: 6, today: '2026-06-15', seed: 11 });
const clientIds = base.clients.map((c) => c.id);
const invoice = base.invoices[0]!;

const change: fc.Arbitrary<LocalChange> = fc.oneof(
  fc.record({
    type: fc.constant('patch' as const),
    kind: fc.constant('client' as const),
    id: fc.constantFrom(...clientIds),
    patch: fc.oneof(
      hostileString(8, 1).map((name) => ({ name: 'C' + name })),
      hostileString(20).map((notes) => ({ notes })),
      fc.subarray(['a@x.fr', 'b@x.fr', 'c@y.fr', 'compta@client0.example.fr']).map((emails) => ({ emails })),
    ),
  }),
  fc.record({
    type: fc.constant('patch' as const),
    kind: fc.constant('settings' as const),
    patch: fc.integer({ min: 0, max: 60 }).map((promiseGraceDays) => ({ promiseGraceDays })),
  }),
  fc.record({
    type: fc.constant('delete' as const),
    kind: fc.constant('client' as const),
    id: fc.constantFrom(...clientIds),
  }),
  fc.integer({ min: 1, max: 30 }).map((n) => ({
    type: 'event' as const,
    event: {
      id: `ev${n}`,
      type: 'resume',
      clientId: invoice.clientId,
      invoiceIds: [invoice.id],
      date: '2026-06-01',
      note: '',
    },
  })),
);

function replicaClock(node: string, at: { t: number }): Clock {
  return createClock(node, () => at.t);
}

const comparable = (state: ReplicaState) =>
  canonicalJson({
    records: [...state.records]
      .map(([k, r]) => [
        k,
        [...r.fields].sort(),
        [...r.sets]
          .filter(([, s]) => s.size > 0)
          .map(([f, s]) => [f, [...s].sort().map(([e, t]) => [e, [...t].sort()])])
          .sort(),
        r.deleted ?? null,
      ])
      .sort(),
    events: [...state.events.keys()].sort(),
  });

describe('the replicated ledger', () => {
  it('converges whatever the order of the deltas, delivered twice or more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2), change, fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        (ops, seeds) => {
          const at = { t: 1_780_000_000_000 };
          const start = fromLedger(base, replicaClock('base', at));
          const clocks = ['a', 'b', 'c'].map((n) => replicaClock(n, at));
          const states = [start, start, start];
          const deltas: ReplicaState[] = [];
          for (const [who, c, skew] of ops) {
            at.t += skew; // wall clocks that stand still or move: ties are broken by counter and node
            try {
              const applied = applyLocalChange(states[who]!, c, clocks[who]!);
              states[who] = applied.state;
              deltas.push(applied.delta);
            } catch {
              // A patch of a deleted client fails its schema (no name): the user could not make it.
            }
          }
          const finals = seeds.map((seed) => {
            const order = fc.sample(
              fc.shuffledSubarray([...deltas, ...deltas], { minLength: deltas.length * 2 }),
              { seed, numRuns: 1 },
            )[0]!;
            return order.reduce(merge, start);
          });
          const all = deltas.reduce(merge, start);
          for (const state of finals) expect(comparable(state)).toBe(comparable(all));
          for (const state of states) expect(comparable(merge(state, all))).toBe(comparable(all));
          expect(canonicalJson(toLedger(finals[0]!))).toBe(canonicalJson(toLedger(finals[1]!)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps both edits when two browsers change different fields of one record at once', () => {
    fc.assert(
      fc.property(
        hostileString(10, 1),
        hostileString(30),
        fc.integer({ min: -5, max: 5 }),
        (name, notes, skew) => {
          const at = { t: 1_780_000_000_000 };
          const start = fromLedger(base, replicaClock('base', at));
          const id = clientIds[0]!;
          at.t += 10;
          const a = applyLocalChange(
            start,
            { type: 'patch', kind: 'client', id, patch: { name: 'X' + name } },
            replicaClock('a', at),
          );
          at.t += skew; // b's clock may even be behind a's
          const b = applyLocalChange(
            start,
            { type: 'patch', kind: 'client', id, patch: { notes } },
            replicaClock('b', at),
          );
          for (const merged of [merge(a.state, b.delta), merge(b.state, a.delta)]) {
            const client = toLedger(merged).clients.find((c) => c.id === id)!;
            expect(client.name).toBe(('X' + name).trim());
            expect(client.notes).toBe(notes);
          }
        },
      ),
    );
  });

  it('keeps an address added on one browser while another removes a different one', () => {
    const at = { t: 1_780_000_000_000 };
    const start = fromLedger(base, replicaClock('base', at));
    const client = base.clients.find((c) => c.emails.length > 0)!;
    at.t += 5;
    const a = applyLocalChange(
      start,
      { type: 'patch', kind: 'client', id: client.id, patch: { emails: [...client.emails, 'new@x.fr'] } },
      replicaClock('a', at),
    );
    const b = applyLocalChange(
      start,
      { type: 'patch', kind: 'client', id: client.id, patch: { emails: [] } },
      replicaClock('b', at),
    );
    const emails = toLedger(merge(a.state, b.delta)).clients.find((c) => c.id === client.id)!.emails;
    expect(emails).toEqual(['new@x.fr']);
    expect(toLedger(merge(b.state, a.delta)).clients.find((c) => c.id === client.id)!.emails).toEqual([
      'new@x.fr',
    ]);
  });

  it('keeps every event both browsers recorded: the history is a union', () => {
    const at = { t: 1_780_000_000_000 };
    const start = fromLedger(base, replicaClock('base', at));
    const event = (id: string) => ({
      type: 'event' as const,
      event: {
        id,
        type: 'resume',
        clientId: invoice.clientId,
        invoiceIds: [invoice.id],
        date: '2026-06-01',
        note: '',
      },
    });
    const a = applyLocalChange(start, event('from-a'), replicaClock('a', at));
    const b = applyLocalChange(start, event('from-b'), replicaClock('b', at));
    const ids = toLedger(merge(a.state, b.state)).events.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['from-a', 'from-b', ...base.events.map((e) => e.id)]));
  });
});

describe('the register lists', () => {
  it.each([
    ['client', clientSchema],
    ['invoice', invoiceSchema],
    ['company', companyProfileSchema],
    ['settings', settingsSchema],
  ] as const)('name every field of the %s schema, so a new field cannot go unsynced', (kind, schema) => {
    const shape =
      (schema as unknown as { shape?: Record<string, unknown> }).shape ??
      (schema as unknown as { def: { in?: { shape: Record<string, unknown> } } }).def.in?.shape ??
      {};
    const fields = Object.keys(shape)
      .filter((f) => f !== 'id')
      .flatMap((f) =>
        f === 'contact'
          ? ['civility', 'firstName', 'lastName', 'role', 'phone'].map((c) => `contact.${c}`)
          : [f],
      );
    expect([...KIND_SPECS[kind].fields].sort()).toEqual(fields.sort());
  });
});
