import fc from 'fast-check';
import { eventId } from '../../../../lib/domain/ids';
import { clientIdentity, importedClientId, importedInvoiceId, invoiceKey } from '../../../../lib/import/ids';
import {
  clientSchema,
  companyProfileSchema,
  eventSchema,
  invoiceSchema,
  scenarioSchema,
  settingsSchema,
  type Ledger,
} from '../../../../lib/domain/schemas';

/** Characters that mean something to the codec, to JSON, to HTML or to UTF-8 counting. */
const HOSTILE = [
  '~',
  '|',
  '^',
  '}',
  '`',
  '@',
  '!',
  '$',
  '%',
  '+',
  '-',
  '*',
  '#',
  '=',
  '.',
  '<',
  '>',
  '&',
  '"',
  '\\',
];
const OTHER = ['a', 'Z', '0', '7', ' ', 'é', 'ß', '€', '日', '😀', '\u2028', '\u0000', '\n', '\t'];

export const hostileString = (maxLength = 12, minLength = 0) =>
  fc.string({ unit: fc.constantFrom(...HOSTILE, ...OTHER), minLength, maxLength });

/** Ids as an import, crypto.randomUUID or a hostile page would make them. */
const id = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map((n) => `i${String(n).padStart(5, '0')}`),
  fc.uuid({ version: 4 }),
  hostileString(10, 1),
  fc.constantFrom('0042', '00', '-1', '.5', '%x', '123456789012'),
);
const date = fc.oneof(
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('0100-03-01', '0999-12-31', '9999-12-31', '2024-02-29'),
);
const cents = fc.oneof(
  fc.integer({ min: -1_000_000, max: 100_000_000 }),
  fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);
const email = fc
  .tuple(fc.constantFrom('compta', 'a.b+c', 'x'), fc.constantFrom('exemple.fr', 'b.co', 'x-y.com'))
  .map(([local, domain]) => `${local}@${domain}`);
const name = hostileString(12).map((s) => (s.trim() === '' ? 'N' + s : s));

const client = fc.record({
  id,
  name,
  segment: fc.constantFrom('business', 'consumer', 'public', 'key_account'),
  relationship: fc.constantFrom('loyal', 'regular', 'new', 'late_payer'),
  language: fc.constantFrom('fr', 'en'),
  contact: fc.record({
    civility: fc.constantFrom('mme', 'm', 'none'),
    firstName: hostileString(),
    lastName: hostileString(),
    role: hostileString(),
    phone: hostileString(),
  }),
  emails: fc.uniqueArray(email, { maxLength: 3 }),
  domains: fc.uniqueArray(fc.constantFrom('exemple.fr', 'b.co'), { maxLength: 2 }),
  address: fc.array(hostileString(), { maxLength: 3 }),
  siren: fc.option(fc.constantFrom('123456789', '000000001'), { nil: undefined }),
  notes: hostileString(30),
  scenarioId: fc.option(id, { nil: undefined }),
});

const step = (stepId: string) =>
  fc.record({
    id: fc.constant(stepId),
    offsetDays: fc.integer({ min: -60, max: 365 }),
    channel: fc.constantFrom('email', 'phone', 'letter', 'sms'),
    tone: fc.constantFrom('courteous', 'formal_notice'),
    templateId: hostileString(8, 1),
  });

/** A ledger that the schemas accept, full of strings a codec could trip on. */
export const arbitraryLedger: fc.Arbitrary<Ledger> = fc
  .record({
    clients: fc.uniqueArray(client, { selector: (c) => c.id, minLength: 1, maxLength: 6 }),
    invoiceSeeds: fc.array(
      fc.record({
        id,
        number: name,
        issue: date,
        gap: fc.integer({ min: 0, max: 90 }),
        amountCents: cents,
        paid: fc.integer({ min: 0, max: 5000 }),
        currency: fc.constantFrom('EUR', 'CHF'),
        terms: hostileString(),
        credit: fc.boolean(),
        rate: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        pdf: fc.option(id, { nil: undefined }),
        client: fc.nat(),
      }),
      { maxLength: 12 },
    ),
    eventSeeds: fc.array(
      fc.record({
        id,
        type: fc.constantFrom(
          'reminder',
          'call',
          'promise',
          'dispute',
          'dispute_resolved',
          'payment',
          'plan',
          'skip',
          'pause',
          'resume',
        ),
        date,
        note: hostileString(),
        text: hostileString(),
        n: fc.integer({ min: 1, max: 1_000_000 }),
        invoice: fc.nat(),
        until: fc.option(date, { nil: undefined }),
      }),
      { maxLength: 16 },
    ),
    scenarios: fc.uniqueArray(fc.record({ id, name, steps: fc.tuple(step('s1'), step('s2')) }), {
      selector: (s) => s.id,
      maxLength: 2,
    }),
    legalName: hostileString(20),
    signature: hostileString(40),
    ownEmails: fc.uniqueArray(email, { maxLength: 3 }),
    days: fc.integer({ min: 0, max: 3650 }),
    // Ids the product derives (imported clients and invoices, events), which sync leaves out.
    derived: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 30, maxLength: 30 }),
  })
  .map((seed) => {
    const derive = (i: number) => seed.derived[i % seed.derived.length]!;
    const clientIds = new Set<string>();
    const clients = seed.clients
      .map((c, i) => {
        const parsed = clientSchema.parse(c);
        return derive(i) ? { ...parsed, id: importedClientId(clientIdentity(parsed)) } : parsed;
      })
      .filter((c) => !clientIds.has(c.id) && clientIds.add(c.id));
    const seen = new Set<string>();
    const invoices = seed.invoiceSeeds
      .map((s) => {
        const clientId = clients[s.client % clients.length]!.id;
        const derived = derive(s.client + 1) ? importedInvoiceId(clientId, invoiceKey(s.number)) : undefined;
        return { ...s, id: derived ?? s.id };
      })
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .map((s) => {
        const due = new Date(Date.parse(s.issue) + s.gap * 86_400_000).toISOString().slice(0, 10);
        return invoiceSchema.parse({
          id: s.id,
          number: s.number,
          clientId: clients[s.client % clients.length]!.id,
          issueDate: s.issue,
          dueDate: due < s.issue ? s.issue : due,
          amountCents: s.amountCents,
          paidCents: s.paid,
          currency: s.currency,
          paymentTerms: s.terms,
          isCreditNote: s.credit,
          contractualRateBps: s.rate,
          pdfRef: s.pdf,
        });
      });
    const eventIds = new Set<string>();
    const events =
      invoices.length === 0
        ? []
        : seed.eventSeeds
            .map((s, i) => {
              const invoice = invoices[s.invoice % invoices.length]!;
              const base = {
                id: s.id,
                clientId: invoice.clientId,
                invoiceIds: [invoice.id],
                date: s.date,
                note: s.note,
              };
              const extra = {
                reminder: { stepId: s.text || 's', channel: 'email' },
                call: { outcome: 'promise', stepId: s.text || undefined },
                promise: { promisedDate: s.until ?? s.date, amountCents: s.n },
                dispute: { reason: s.text },
                dispute_resolved: { disputeId: s.text || 'd', resolution: 'upheld' },
                payment: { amountCents: s.n },
                plan: {
                  instalments: [
                    { dueDate: s.date, amountCents: s.n },
                    { dueDate: s.until ?? s.date, amountCents: 1 },
                  ],
                },
                skip: { stepId: s.text || 's' },
                pause: s.until ? { until: s.until } : {},
                resume: {},
              }[s.type];
              const event = eventSchema.parse({ ...base, type: s.type, ...extra });
              // The n-th event with this content, as the repository numbers them.
              const occurrence = derive(i + 7);
              return occurrence ? { ...event, id: eventId(event, occurrence) } : event;
            })
            .filter((e) => !eventIds.has(e.id) && eventIds.add(e.id));
    return {
      clients,
      invoices,
      events,
      scenarios: seed.scenarios.map((s) =>
        scenarioSchema.parse({
          ...s,
          steps: [...s.steps]
            .sort((a, b) => a.offsetDays - b.offsetDays)
            .filter((st, i, all) => i === 0 || st.offsetDays > all[i - 1]!.offsetDays),
        }),
      ),
      company: companyProfileSchema.parse({
        legalName: seed.legalName,
        signature: seed.signature,
        address: [seed.legalName],
      }),
      rates: { halfYears: [{ period: '2026-H1', ecbBps: 215, legalConsumerBps: 667, legalOtherBps: 262 }] },
      settings: settingsSchema.parse({ ownEmails: seed.ownEmails, syncSettledAfterDays: seed.days }),
    };
  });
