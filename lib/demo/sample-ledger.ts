import { addDays } from '../domain/calendar';
import { defaultRateTable } from '../domain/rates';
import {
  companyProfileSchema,
  ledgerSchema,
  settingsSchema,
  type ClientInput,
  type IsoDate,
  type InvoiceInput,
  type Ledger,
  type LedgerEventInput,
} from '../domain/schemas';

/**
 * The built-in demo: a small design studio and its clients, with invoices at every stage of the
 * scenario relative to `today`, so the demo always has something due. Names and numbers are
 * invented; the IBAN is the usual French sample one.
 */
/** Omit that keeps each member of a union apart. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export const DEMO_OWN_EMAIL = 'camille@studio-lumiere.fr';

export function demoLedger(today: IsoDate): Ledger {
  const d = (days: number) => addDays(today, days);
  const clients: ClientInput[] = [
    {
      id: 'demo-martin',
      name: 'Boulangerie Martin',
      relationship: 'loyal',
      contact: {
        civility: 'mme',
        firstName: 'Claire',
        lastName: 'Martin',
        role: 'Gérante',
        phone: '04 78 12 34 56',
      },
      emails: ['compta@boulangerie-martin.fr', 'claire.martin@boulangerie-martin.fr'],
      domains: ['boulangerie-martin.fr'],
      address: ['12 rue des Tanneurs', '69002 Lyon'],
      siren: '532845127',
    },
    {
      id: 'demo-durand',
      name: 'Garage Durand SARL',
      relationship: 'late_payer',
      contact: {
        civility: 'm',
        firstName: 'Paul',
        lastName: 'Durand',
        role: 'Gérant',
        phone: '06 12 34 56 78',
      },
      emails: ['p.durand@garage-durand.fr'],
      domains: ['garage-durand.fr'],
      address: ['4 avenue Jean Jaurès', '69007 Lyon'],
      siren: '401223344',
    },
    {
      id: 'demo-venissieux',
      name: 'Mairie de Vénissieux',
      segment: 'public',
      contact: { civility: 'none', firstName: '', lastName: '', role: 'Service comptabilité', phone: '' },
      emails: ['comptabilite@ville-venissieux.fr'],
      domains: ['ville-venissieux.fr'],
      address: ['5 avenue Marcel Houël', '69200 Vénissieux'],
      siren: '216902591',
    },
    {
      id: 'demo-leroy',
      name: 'Sophie Leroy',
      segment: 'consumer',
      contact: { civility: 'mme', firstName: 'Sophie', lastName: 'Leroy', role: '', phone: '06 98 76 54 32' },
      emails: ['sophie.leroy@gmail.com'],
      address: ['27 rue Paul Bert', '69003 Lyon'],
    },
    {
      id: 'demo-hexa',
      name: 'Groupe Hexa',
      segment: 'key_account',
      relationship: 'new',
      contact: {
        civility: 'm',
        firstName: 'Karim',
        lastName: 'Benali',
        role: 'Directeur financier',
        phone: '',
      },
      emails: ['k.benali@groupe-hexa.com'],
      domains: ['groupe-hexa.com'],
      siren: '790456123',
    },
    {
      id: 'demo-bois',
      name: 'Atelier Bois & Co',
      contact: { civility: 'm', firstName: 'Luc', lastName: 'Perrin', role: '', phone: '' },
      emails: ['luc@atelier-bois.fr'],
      domains: ['atelier-bois.fr'],
    },
    {
      id: 'demo-lefevre',
      name: 'Traiteur Lefèvre',
      contact: { civility: 'mme', firstName: 'Anne', lastName: 'Lefèvre', role: '', phone: '' },
      emails: ['anne@traiteur-lefevre.fr'],
      domains: ['traiteur-lefevre.fr'],
    },
  ];

  const invoice = (
    id: string,
    clientId: string,
    number: string,
    amountCents: number,
    dueIn: number,
    extra: Partial<InvoiceInput> = {},
  ): InvoiceInput => ({
    id,
    clientId,
    number,
    amountCents,
    issueDate: d(dueIn - 30),
    dueDate: d(dueIn),
    paymentTerms: '30 jours',
    ...extra,
  });
  const invoices: InvoiceInput[] = [
    invoice('demo-f042', 'demo-martin', 'F-2026-042', 123_456, -10),
    invoice('demo-f051', 'demo-martin', 'F-2026-051', 48_000, 3),
    invoice('demo-f017', 'demo-durand', 'F-2026-017', 356_040, -36),
    invoice('demo-f033', 'demo-venissieux', 'F-2026-033', 842_500, -20),
    invoice('demo-f060', 'demo-leroy', 'F-2026-060', 89_000, -6),
    invoice('demo-f028', 'demo-hexa', 'F-2026-028', 1_250_000, -25),
    invoice('demo-f044', 'demo-bois', 'F-2026-044', 215_000, -12),
    invoice('demo-f019', 'demo-lefevre', 'F-2026-019', 600_000, -40),
    invoice('demo-f008', 'demo-martin', 'F-2026-008', 99_000, -90),
    invoice('demo-a003', 'demo-hexa', 'A-2026-003', 50_000, -25, { isCreditNote: true }),
  ];

  let n = 0;
  const event = (e: WithoutId<LedgerEventInput>): LedgerEventInput =>
    ({ id: `demo-e${++n}`, ...e }) as LedgerEventInput;
  const events: LedgerEventInput[] = [
    // Boulangerie Martin: the friendly email went out; the call is due.
    event({
      type: 'reminder',
      clientId: 'demo-martin',
      invoiceIds: ['demo-f042'],
      date: d(-8),
      stepId: 'b-friendly',
      channel: 'email',
    }),
    // An old invoice, paid after one reminder.
    event({
      type: 'reminder',
      clientId: 'demo-martin',
      invoiceIds: ['demo-f008'],
      date: d(-87),
      stepId: 'b-friendly',
      channel: 'email',
    }),
    event({
      type: 'payment',
      clientId: 'demo-martin',
      invoiceIds: ['demo-f008'],
      date: d(-80),
      amountCents: 99_000,
    }),
    // Garage Durand: every step done up to the SMS; the formal notice is next.
    event({
      type: 'reminder',
      clientId: 'demo-durand',
      invoiceIds: ['demo-f017'],
      date: d(-34),
      stepId: 'b-friendly',
      channel: 'email',
    }),
    event({
      type: 'call',
      clientId: 'demo-durand',
      invoiceIds: ['demo-f017'],
      date: d(-28),
      stepId: 'b-call',
      outcome: 'no_answer',
    }),
    event({
      type: 'reminder',
      clientId: 'demo-durand',
      invoiceIds: ['demo-f017'],
      date: d(-21),
      stepId: 'b-firm',
      channel: 'email',
    }),
    event({
      type: 'payment',
      clientId: 'demo-durand',
      invoiceIds: ['demo-f017'],
      date: d(-18),
      amountCents: 100_000,
    }),
    event({
      type: 'reminder',
      clientId: 'demo-durand',
      invoiceIds: ['demo-f017'],
      date: d(-14),
      stepId: 'b-last-warning',
      channel: 'sms',
    }),
    // Mairie de Vénissieux: friendly reminder sent; the call is due.
    event({
      type: 'reminder',
      clientId: 'demo-venissieux',
      invoiceIds: ['demo-f033'],
      date: d(-15),
      stepId: 'p-friendly',
      channel: 'email',
    }),
    // Groupe Hexa: a dispute on the deliverables, open.
    event({
      type: 'call',
      clientId: 'demo-hexa',
      invoiceIds: ['demo-f028'],
      date: d(-22),
      stepId: 'k-call',
      outcome: 'dispute',
    }),
    event({
      type: 'dispute',
      clientId: 'demo-hexa',
      invoiceIds: ['demo-f028'],
      date: d(-22),
      reason: 'Livrables incomplets selon le client',
    }),
    // Atelier Bois & Co: promised to pay in four days.
    event({
      type: 'reminder',
      clientId: 'demo-bois',
      invoiceIds: ['demo-f044'],
      date: d(-10),
      stepId: 'b-friendly',
      channel: 'email',
    }),
    event({
      type: 'promise',
      clientId: 'demo-bois',
      invoiceIds: ['demo-f044'],
      date: d(-3),
      promisedDate: d(4),
      amountCents: 215_000,
    }),
    // Traiteur Lefèvre: on a payment plan, first instalment paid.
    event({
      type: 'plan',
      clientId: 'demo-lefevre',
      invoiceIds: ['demo-f019'],
      date: d(-30),
      instalments: [
        { dueDate: d(-20), amountCents: 200_000 },
        { dueDate: d(10), amountCents: 200_000 },
        { dueDate: d(40), amountCents: 200_000 },
      ],
    }),
    event({
      type: 'payment',
      clientId: 'demo-lefevre',
      invoiceIds: ['demo-f019'],
      date: d(-21),
      amountCents: 200_000,
    }),
  ];

  return ledgerSchema.parse({
    clients,
    invoices,
    events,
    scenarios: [],
    company: companyProfileSchema.parse({
      legalName: 'Studio Lumière SARL',
      legalForm: 'SARL',
      shareCapital: '10 000 €',
      address: ['8 quai Saint-Vincent', '69001 Lyon'],
      siren: '812345678',
      rcs: 'RCS Lyon 812 345 678',
      vatNumber: 'FR40812345678',
      email: DEMO_OWN_EMAIL,
      phone: '04 72 00 00 00',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP',
      paymentLink: 'https://paiement.studio-lumiere.fr/facture',
      signature: 'Camille Roux\nStudio Lumière – comptabilité\n04 72 00 00 00',
      termsRef: 'article 7 de nos conditions générales de vente',
    }),
    rates: defaultRateTable(),
    settings: settingsSchema.parse({ ownEmails: [DEMO_OWN_EMAIL] }),
  });
}
