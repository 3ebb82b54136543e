/**
 * How many OPEN invoices fit in the real storage.sync, measured by writing into the background
 * worker's storage.sync in headless Chromium (Chrome enforces the quota; a refused write is the
 * answer), with Relance's codec (compact text, compressed per item: lib/store/sync/compress.ts)
 * and with naive JSON. Each open invoice travels with its client's head (what its status and mail
 * matching need; the rest of the client comes after all open invoices) and the events its status
 * depends on (payments, last action, step reached, a promise, plan or pause still holding, open
 * disputes), in the planner's order (most urgent first), from a realistic ledger
 * (tests/support/generate-ledger.ts, its ids made as the product makes them). Naive JSON is the fairest plain approach: the same records
 * as JSON objects packed greedily into items under 8 KB (one item per invoice would stop at
 * MAX_ITEMS = 512 items before the bytes run out, so it is also printed for reference).
 * Budget (DESIGN.md): >= 4,000 open invoices, and 10x naive JSON. The codec's items at capacity are
 * read back and checked against what was written, so the figure is for data that round-trips.
 */
import { generateLedger } from '../tests/support/generate-ledger';
import { buildItems, type SortedEntry } from '../lib/store/sync/chunking';
import { createClock } from '../lib/store/sync/hlc';
import { fromLedger, readRecord } from '../lib/store/sync/ledger-bridge';
import { itemBytes } from '../lib/store/sync/limits';
import { unitEntries } from '../lib/store/sync/planner';
import { rankRecords } from '../lib/store/sync/priorities';
import { decodeItems } from '../lib/store/sync/read-items';
import { canonicalJson, type RecordState } from '../lib/store/sync/state';
import { ensureBenchBuild, verdict } from './_support';

process.env.RELANCE_OUT_DIR ??= '.output-bench';
ensureBenchBuild();
const { launchWithExtension } = await import('../scripts/chromium');

const TODAY = '2026-06-15';
const ledger = generateLedger({ invoices: 16_000, today: TODAY, seed: 42 });
const state = fromLedger(
  ledger,
  createClock('bench', () => Date.parse(`${TODAY}T09:00:00Z`)),
);
const { units, mandatory } = rankRecords(state, TODAY);
const base = units.slice(0, mandatory);
const paid = new Map<string, number>();
for (const e of ledger.events)
  if (e.type === 'payment') paid.set(e.invoiceIds[0]!, (paid.get(e.invoiceIds[0]!) ?? 0) + e.amountCents);
const open = new Set(
  ledger.invoices
    .filter((i) => !i.isCreditNote && i.amountCents - i.paidCents - (paid.get(i.id) ?? 0) > 0)
    .map((i) => `invoice:${i.id}`),
);
// The planner's units for open invoices, most urgent first: the invoice, its client, its status events.
const openUnits = units.slice(mandatory).filter((u) => u.records.some((key) => open.has(key)));

/** What the planner sends for the first n open invoices: records (clients as their head), events. */
function entries(n: number): SortedEntry[] {
  return unitEntries(state, [...base, ...openUnits.slice(0, n)], base.length + n);
}
const sentRecords = (list: readonly SortedEntry[]) =>
  list.flatMap(({ entry }) => (entry.type === 'record' ? [entry] : []));
const sentEvents = (list: readonly SortedEntry[]) =>
  list.flatMap(({ entry }) => (entry.type === 'event' ? [entry.event] : []));

const PREFIX = 'bench:';
function codecItems(n: number): Record<string, unknown> {
  const { items } = buildItems(entries(n), undefined);
  return Object.fromEntries(Object.entries(items).map(([k, v]) => [PREFIX + k, v]));
}

function packedJsonItems(n: number): Record<string, unknown> {
  const list = entries(n);
  const objects: unknown[] = [
    ...sentRecords(list).map(({ key, record }) => ({ key, ...readRecord(key, record) })),
    ...sentEvents(list),
  ];
  const items: Record<string, unknown> = {};
  let pack: unknown[] = [];
  const flush = () => {
    if (pack.length) items[`${PREFIX}j${Object.keys(items).length}`] = pack;
    pack = [];
  };
  for (const object of objects) {
    if (itemBytes(`${PREFIX}j0000`, [...pack, object]) > 8_192) flush();
    pack.push(object);
  }
  flush();
  return items;
}

function perInvoiceJsonItems(n: number): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  const list = entries(n);
  for (const { key, record } of sentRecords(list)) items[PREFIX + key] = readRecord(key, record);
  for (const event of sentEvents(list)) items[`${PREFIX}event:${event.id}`] = event;
  return items;
}

const browser = await launchWithExtension();
try {
  const worker = browser.background;
  /** Writes the items for n invoices; true when Chrome accepted them. */
  async function fits(make: (n: number) => Record<string, unknown>, n: number): Promise<boolean> {
    const items = make(n);
    return worker.evaluate(
      async ({ items, prefix }) => {
        const all = await chrome.storage.sync.get(null);
        const old = Object.keys(all).filter((k) => k.startsWith(prefix));
        if (old.length) await chrome.storage.sync.remove(old);
        try {
          await chrome.storage.sync.set(items);
          return true;
        } catch {
          return false;
        }
      },
      { items, prefix: PREFIX },
    );
  }
  async function capacity(make: (n: number) => Record<string, unknown>): Promise<number> {
    let lo = 0;
    let hi = openUnits.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (await fits(make, mid)) lo = mid;
      else hi = mid - 1;
      // Two writes per probe: stay under MAX_WRITE_OPERATIONS_PER_MINUTE (120).
      await new Promise((resolve) => setTimeout(resolve, 1_200));
    }
    return lo;
  }
  const codec = await capacity(codecItems);
  // What fitted must read back from storage.sync: the same records and events.
  if (!(await fits(codecItems, codec))) throw new Error('the codec items no longer fit');
  const stored = await worker.evaluate(() => chrome.storage.sync.get(null));
  const back = decodeItems(
    Object.fromEntries(
      Object.entries(stored)
        .filter(([k]) => k.startsWith(PREFIX))
        .map(([k, v]) => [k.slice(PREFIX.length), v]),
    ),
  );
  const expected = entries(codec);
  const expectedRecords = sentRecords(expected);
  const expectedEvents = sentEvents(expected);
  // A record as shown; an empty set is not written (it reads back as absent, which shows the same).
  const shown = (record: RecordState, key: string) =>
    canonicalJson(
      Object.fromEntries(
        Object.entries(readRecord(key, record)).filter(([, v]) => !(Array.isArray(v) && v.length === 0)),
      ),
    );
  if (
    back.problems.length > 0 ||
    back.state.records.size !== expectedRecords.length ||
    back.state.events.size !== expectedEvents.length ||
    expectedRecords.some(({ key, record }) => {
      const read = back.state.records.get(key);
      return !read || shown(read, key) !== shown(record, key);
    }) ||
    expectedEvents.some(
      (event) => canonicalJson(back.state.events.get(event.id) ?? null) !== canonicalJson(event),
    )
  )
    throw new Error('the codec items do not read back what was written');
  const packed = await capacity(packedJsonItems);
  const perItem = await capacity(perInvoiceJsonItems);
  const naive = Math.max(packed, perItem);
  const ratio = naive > 0 ? codec / naive : Infinity;
  console.log(
    `storage.sync capacity: ${codec} open invoices with Relance's codec vs ${naive} with naive JSON ` +
      `(JSON packed in 8 KB items: ${packed}; one JSON item per record: ${perItem}); ` +
      `budget >= 4000: ${verdict(codec, 4_000, false)}, ${ratio.toFixed(1)}x naive (budget 10x): ${verdict(ratio, 10, false)}`,
  );
  console.log(
    `(ledger: ${ledger.invoices.length} invoices, ${openUnits.length} open, ${ledger.clients.length} clients)`,
  );
} finally {
  await browser.close();
}
