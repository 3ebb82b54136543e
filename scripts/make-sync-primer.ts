/**
 * Writes lib/store/sync/primer.ts: the text the sync compressor reads before each chunk (format
 * 3), so that its model starts knowing the codec's layout instead of learning it again in every
 * 8 KB item. The text is what the codec writes for a small synthetic ledger whose names, addresses,
 * e-mails and invoice numbers are random letters: the primer teaches structure (separators, date
 * gaps, the default scenarios' step ids, how events follow their invoice), not any one ledger's
 * words. The ledger differs from the benchmark's (other seed, size and year).
 *
 * The primer is part of format 3: once released, it never changes (a new primer is a new format).
 * Run: npx tsx scripts/make-sync-primer.ts
 */
import { writeFileSync } from 'node:fs';
import { createClock } from '../lib/store/sync/hlc';
import { fromLedger } from '../lib/store/sync/ledger-bridge';
import { planSync } from '../lib/store/sync/planner';
import { unpackText } from '../lib/store/sync/compress';
import { generateLedger } from '../tests/support/generate-ledger';

const LENGTH = 10_000;
const TODAY = '2025-03-10';

let state = 1;
const random = () => {
  state = (state * 16807) % 2147483647;
  return state / 2147483647;
};
const word = () =>
  Array.from({ length: 4 + Math.floor(random() * 6) }, () =>
    String.fromCharCode(97 + Math.floor(random() * 26)),
  ).join('');

const source = generateLedger({ invoices: 600, today: TODAY, seed: 7 });
const ledger = {
  ...source,
  company: { ...source.company, legalName: `${word()} ${word()} SAS` },
  clients: source.clients.map((client) => {
    const domain = `${word()}.${['fr', 'com', 'eu'][Math.floor(random() * 3)]}`;
    const lastName = word();
    return {
      ...client,
      name: `${word()} ${lastName}`,
      emails: client.emails.length ? [`${word()}@${domain}`] : [],
      domains: client.domains.length ? [domain] : [],
      contact: { ...client.contact, lastName },
      address: [`${Math.floor(random() * 90) + 1} ${word()} ${word()}`, `${word()}`],
    };
  }),
  invoices: source.invoices.map((invoice) => ({ ...invoice, number: `FA${Math.floor(random() * 99_999)}` })),
};
const plan = await planSync(
  fromLedger(
    ledger,
    createClock('primer', () => Date.parse(`${TODAY}T09:00:00Z`)),
  ),
  { today: TODAY },
);
const text = Object.entries(plan.items)
  .filter(([key]) => key.startsWith('r:'))
  .map(([, value]) => unpackText(value))
  .join('~')
  .slice(0, LENGTH);
// Ends on an entry boundary, as a chunk starts.
const primer = text.slice(0, text.lastIndexOf('~') + 1);

writeFileSync(
  new URL('../lib/store/sync/primer.ts', import.meta.url),
  `/**
 * What the sync compressor reads before each chunk of format 3 (compress.ts), written by
 * scripts/make-sync-primer.ts: the codec's text for a synthetic ledger of random names. Part of
 * format 3: never edit it (chunks already written could no longer be read).
 */
export const SYNC_PRIMER = ${JSON.stringify(primer)};
`,
);
console.log(`primer: ${primer.length} characters`);
