import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../lib/domain/schemas';
import { encodeEntries, decodeEntries, entriesToState } from '../../../lib/store/sync/chunk-codec';
import { buildItems, stateEntries } from '../../../lib/store/sync/chunking';
import { createClock } from '../../../lib/store/sync/hlc';
import { fromLedger, toLedgerReport } from '../../../lib/store/sync/ledger-bridge';
import { itemBytes, utf8Bytes } from '../../../lib/store/sync/limits';
import { DEFAULT_SAFETY_MARGIN, planSync } from '../../../lib/store/sync/planner';
import { decodeItems } from '../../../lib/store/sync/read-items';
import { canonicalJson } from '../../../lib/store/sync/state';
import { generateLedger } from '../../support/generate-ledger';
import { arbitraryLedger } from './sync/arbitraries';

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
const sorted = (l: Ledger) =>
  canonicalJson({
    ...l,
    clients: byId(l.clients),
    invoices: byId(l.invoices),
    events: byId(l.events),
    scenarios: byId(l.scenarios),
  });

function roundTrip(ledger: Ledger, maxItemBytes?: number) {
  const state = fromLedger(
    ledger,
    createClock('nodeA', () => 1_780_000_000_000),
  );
  const built = buildItems(stateEntries(state), undefined, { maxItemBytes });
  const decoded = decodeItems(built.items);
  return { built, decoded, report: toLedgerReport(decoded.state) };
}

describe('the compact codec', () => {
  it('reads back exactly any ledger, hostile strings included, whole or cut in small items', () => {
    fc.assert(
      fc.property(arbitraryLedger, fc.constantFrom(undefined, 600), (ledger, maxItemBytes) => {
        const { built, decoded, report } = roundTrip(ledger, maxItemBytes);
        expect(decoded.problems).toEqual([]);
        expect(report.rejected).toEqual([]);
        expect(sorted(report.ledger)).toBe(sorted(ledger));
        for (const [key, value] of Object.entries(built.items))
          expect(itemBytes(key, value)).toBeLessThanOrEqual(maxItemBytes ?? 8192);
      }),
      { numRuns: 150 },
    );
  });

  it('reads back the replica state itself, stamps and tombstones included', () => {
    fc.assert(
      fc.property(arbitraryLedger, (ledger) => {
        const state = fromLedger(
          ledger,
          createClock('n1', () => 1_780_000_000_000),
        );
        const back = entriesToState(decodeEntries(encodeEntries(stateEntries(state).map((e) => e.entry))));
        expect(canonicalJson(toComparable(back))).toBe(canonicalJson(toComparable(state)));
      }),
      { numRuns: 150 },
    );
  });

  it('writes nothing JSON must escape, so an item costs what its text is long', () => {
    const ledger = generateLedger({ invoices: 300, today: '2026-06-15', seed: 3 });
    const { built } = roundTrip(ledger);
    for (const [key, value] of Object.entries(built.items)) {
      expect(typeof value).toBe('string');
      expect(itemBytes(key, value)).toBe(utf8Bytes(key) + utf8Bytes(value as string) + 2);
    }
  });

  it('still reads the plain chunks of format 1: an update takes over the previous version’s data', () => {
    const ledger = generateLedger({ invoices: 60, today: '2026-06-15', seed: 6 });
    const state = fromLedger(
      ledger,
      createClock('nodeA', () => 1_780_000_000_000),
    );
    const text = encodeEntries(stateEntries(state).map((e) => e.entry));
    const v1 = text.replace(/^2\|/, '1|');
    const decoded = decodeItems({ m: '1||r1}abc', 'r:r1': v1 });
    expect(decoded.problems).toEqual([]);
    expect(sorted(toLedgerReport(decoded.state).ledger)).toBe(sorted(ledger));
  });

  it('fits over 3,200 open invoices of a realistic ledger, each with every step taken, safety margin kept', () => {
    const today = '2026-06-15';
    const ledger = generateLedger({ invoices: 16_000, today, seed: 42 });
    const state = fromLedger(
      ledger,
      createClock('nodeA', () => 1_780_000_000_000),
    );
    const plan = planSync(state, { today });
    expect(plan.fits).toBe(true);
    expect(plan.bytes).toBeLessThanOrEqual(102_400 - DEFAULT_SAFETY_MARGIN);
    for (const [key, value] of Object.entries(plan.items))
      expect(itemBytes(key, value)).toBeLessThanOrEqual(8_192);
    // Open invoices come first in the plan: all the invoices kept are open ones. DESIGN.md's budget
    // is 4,000; with every step event kept (the step reached needs them all) 3,264 fit today, and
    // this guards that figure from falling back.
    expect(plan.kept.invoices).toBeGreaterThanOrEqual(3_200);
  }, 60_000);

  it.each([
    ['ASCII', 'abc', 3],
    ['`<` `>` `&` as Chrome escapes them', '<a&b>', 20],
    ['two-byte letters', 'éé', 4],
    ['a pair of surrogates', '😀', 4],
    ['line separator', '\u2028', 6],
  ])('counts %s like Chrome', (_label, text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
  });
});

function toComparable(state: ReturnType<typeof fromLedger>) {
  const sets = (m: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, boolean>>>) =>
    Object.fromEntries(
      [...m]
        .filter(([, s]) => s.size > 0)
        .map(([f, s]) => [f, Object.fromEntries([...s].map(([e, t]) => [e, Object.fromEntries(t)]))]),
    );
  return {
    records: Object.fromEntries(
      [...state.records].map(([k, r]) => [
        k,
        { fields: Object.fromEntries(r.fields), sets: sets(r.sets), deleted: r.deleted },
      ]),
    ),
    events: Object.fromEntries(state.events),
  };
}
