import { addDays } from '../lib/domain/calendar';
import { analyseCsv, importCsv } from '../lib/import';
import { prng } from '../tests/support/generate-ledger';

/**
 * CSV import of a large export: 50,000 rows from ~5,000 clients, the way a French accounting
 * tool writes them (Windows-1252, semicolons, "1 234,56", dd/mm/yyyy, some rows without a due
 * date), analysed and imported into an empty ledger. Budget from DESIGN.md: 2 s.
 */
const ROWS = 50_000;
const CLIENTS = 5_000;
const RUNS = 5;
const BUDGET_MS = 2000;
const TODAY = '2026-11-23';

const WORDS = [
  'Boulangerie',
  'Garage',
  'Cabinet',
  'Hôtel',
  'Société',
  'Atelier',
  'Café',
  'Pharmacie',
  'Librairie',
];
const PLACES = ['Lyon', 'Marseille', 'Saint-Étienne', 'Besançon', 'Nîmes', 'Orléans', 'Créteil', 'Béziers'];
const FORMS = ['SARL', 'SAS', 'EURL', ''];
const TERMS = ['30 jours', '45 jours fin de mois', 'à réception', '60 jours', ''];
const STATUSES = ['Impayée', 'Payée', 'Partiellement payée', 'En retard'];

function french(cents: number): string {
  const euros = Math.floor(Math.abs(cents) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${cents < 0 ? '-' : ''}${euros},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function generate(): Uint8Array {
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({
    name: `${pick(WORDS)} ${pick(PLACES)} ${i} ${pick(FORMS)}`.trim(),
    siret: random() < 0.7 ? String(100_000_000 + i * 7919).slice(0, 9) + '00012' : '',
    email: random() < 0.8 ? `compta${i}@client${i}.fr` : '',
  }));
  const lines = [
    'N° facture;Date facture;Échéance;Raison sociale;SIRET;E-mail;Conditions de règlement;Montant TTC;Reste à payer;Statut',
  ];
  for (let i = 0; i < ROWS; i++) {
    const client = pick(clients);
    const issued = addDays('2025-11-01', Math.floor(random() * 380));
    const total = Math.floor(random() * 2_000_000) + 1000;
    const credit = random() < 0.03;
    const status = pick(STATUSES);
    const remaining =
      status === 'Payée' ? 0 : status === 'Partiellement payée' ? Math.floor(total / 2) : total;
    const terms = pick(TERMS);
    const due = random() < 0.85 ? frDate(addDays(issued, 30)) : '';
    lines.push(
      [
        `${credit ? 'AV' : 'FA'}-${String(i).padStart(6, '0')}`,
        frDate(issued),
        due,
        client.name,
        client.siret,
        client.email,
        terms,
        french(credit ? -total : total),
        french(credit ? -remaining : remaining),
        credit ? 'Avoir' : status,
      ].join(';'),
    );
  }
  const text = lines.join('\r\n');
  // Windows-1252: every character used here is below 256, so each is its own byte.
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const bytes = generate();
const times: number[] = [];
let summary = '';
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const analysis = analyseCsv(bytes);
  const result = importCsv(analysis, undefined, { clients: [], invoices: [] }, TODAY);
  times.push(performance.now() - start);
  summary = `${analysis.encoding}, ${result.counts.newInvoices} invoices, ${result.counts.newClients} clients, ${result.counts.rejected} rejected, ${result.issues.length} notes`;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`  (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; ${summary})`);
console.log(
  `CSV import, ${ROWS} rows: median ${median.toFixed(0)} ms (budget ${BUDGET_MS} ms)${median > BUDGET_MS ? ' OVER BUDGET' : ''}`,
);
