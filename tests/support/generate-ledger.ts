import { addDays, daysBetween, maxDate, nextBusinessDay } from '../../lib/domain/calendar';
import { eventId, newEvent, type EventDraft } from '../../lib/domain/ids';
import { defaultRateTable } from '../../lib/domain/rates';
import { defaultScenarios } from '../../lib/domain/scenarios';
import {
  companyProfileSchema,
  settingsSchema,
  type CallOutcome,
  type Client,
  type Invoice,
  type IsoDate,
  type Ledger,
  type LedgerEvent,
  type Segment,
} from '../../lib/domain/schemas';
import { clientIdentity, importedClientId, importedInvoiceId, invoiceKey } from '../../lib/import/ids';

/**
 * A realistic ledger for benchmarks and tests, the same for the same seed: a client mix like a
 * small French business's (mostly companies, some consumers, public buyers and key accounts),
 * invoices issued over the last year, about 40 % settled, and a history that follows the
 * scenarios the way a user would: from the day the extension was installed, mostly on time,
 * sometimes late, with promises, disputes, partial payments, plans, skips and pauses.
 */
export interface GenerateOptions {
  invoices: number;
  today: IsoDate;
  seed: number;
}

/** Mulberry32: tiny, fast and good enough to spread test data; never Math.random. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An event before it gets its id (disputes get theirs early: resolutions refer to them). */
type Draft = LedgerEvent extends infer E
  ? E extends LedgerEvent
    ? Omit<E, 'id'> & { id?: string }
    : never
  : never;
type Base = Pick<LedgerEvent, 'clientId' | 'invoiceIds' | 'note'>;

const surnames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
];
const trades = [
  'Boulangerie',
  'Garage',
  'Atelier',
  'Cabinet',
  'Imprimerie',
  'Menuiserie',
  'Agence',
  'Studio',
];
const towns = ['Lyon', 'Villeurbanne', 'Grenoble', 'Annecy', 'Valence', 'Chambéry', 'Roanne', 'Vienne'];
const publicBodies = ['Mairie de', 'Centre hospitalier de', 'Communauté de communes de', 'Lycée de'];

/** Payment terms in days, per segment (public: 30 State, 50 hospitals, 60 public enterprises). */
const terms: Record<Segment, readonly number[]> = {
  business: [30, 30, 45, 60],
  consumer: [0, 15, 30],
  public: [30, 30, 50, 60],
  key_account: [45, 60, 60],
};
/** Amount ranges in euros, spread log-uniformly. */
const amounts: Record<Segment, readonly [number, number]> = {
  business: [150, 20_000],
  consumer: [50, 2_000],
  public: [500, 50_000],
  key_account: [2_000, 100_000],
};

export function generateLedger({ invoices: count, today, seed }: GenerateOptions): Ledger {
  const random = prng(seed);
  // Ids draw from their own sequence: how ids are made does not change what the ledger holds.
  const idRandom = prng(seed ^ 0x5bd1e995);
  const chance = (p: number) => random() < p;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // The user installed the extension three months ago: no history before, catch-up after.
  const installed = addDays(today, -90);

  const eventIds = new Set<string>();
  const clientIds = new Set<string>();
  const clients: Client[] = [];
  const clientCount = Math.max(1, Math.round(count * 0.15));
  for (let i = 0; i < clientCount; i++) clients.push(makeClient(i));

  const invoices: Invoice[] = [];
  const drafts: Draft[] = [];
  /** What the events paid so far, per invoice: no payment pays more than is left. */
  const paidByEvents = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    // Every client has an invoice, then a few clients get most of the others, as in real books.
    const client = i < clientCount ? clients[i]! : clients[Math.floor(clientCount * random() ** 2)]!;
    invoices.push(makeInvoice(i, client));
  }
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const events = drafts.map((draft) => (draft.id === undefined ? record(draft) : (draft as LedgerEvent)));

  return {
    clients,
    invoices,
    events,
    scenarios: [],
    company: companyProfileSchema.parse({ legalName: 'Atelier Exemple SAS', siren: '123456789' }),
    rates: defaultRateTable(),
    settings: settingsSchema.parse({}),
  };

  /**
   * Ids as the product makes them: events get the id of their content (lib/domain/ids.ts),
   * numbered on when the same content comes again; imported clients and invoices the id of what
   * identified them (lib/import/ids.ts); a few clients, made by hand before clients learnt from a
   * sender got derived ids too, a random UUID.
   */
  function record(draft: Draft): LedgerEvent {
    const event = newEvent(draft as EventDraft);
    let id = event.id;
    for (let n = 2; eventIds.has(id); n++) id = eventId(event, n);
    eventIds.add(id);
    return { ...event, id };
  }

  function uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(idRandom() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  function makeClient(i: number): Client {
    const roll = random();
    const segment: Segment =
      roll < 0.7 ? 'business' : roll < 0.85 ? 'consumer' : roll < 0.95 ? 'public' : 'key_account';
    const surname = pick(surnames);
    const town = pick(towns);
    const name =
      segment === 'consumer'
        ? `${pick(['Mme', 'M.'])} ${surname}`
        : segment === 'public'
          ? `${pick(publicBodies)} ${town}`
          : segment === 'key_account'
            ? `Groupe ${surname} ${town}`
            : `${pick(trades)} ${surname}`;
    const domain = `client${i}.example.fr`;
    const client: Client = {
      id: '',
      name,
      segment,
      relationship: pick(['loyal', 'regular', 'regular', 'new', 'late_payer'] as const),
      language: 'fr',
      contact: {
        civility: pick(['mme', 'm'] as const),
        firstName: '',
        lastName: surname,
        role: '',
        phone: '',
      },
      // Some clients never had their address recorded: a common gap the product fills later.
      emails: chance(0.85) ? [`compta@${domain}`] : [],
      domains: segment === 'consumer' ? [] : [domain],
      address: [`${between(1, 120)} rue de la République`, `69000 ${town}`],
      notes: '',
    };
    // Most clients come with their invoices from the accounting export; a few older ones were
    // added by hand when such clients still got random ids (they keep them).
    let id = idRandom() < 0.9 ? importedClientId(clientIdentity(client)) : `client-${uuid()}`;
    for (let n = 2; clientIds.has(id); n++) id = importedClientId(`${clientIdentity(client)}#${n}`);
    clientIds.add(id);
    return { ...client, id };
  }

  function makeInvoice(i: number, client: Client): Invoice {
    const issueDate = addDays(today, -between(0, 365));
    const dueDate = addDays(issueDate, pick(terms[client.segment]));
    const [low, high] = amounts[client.segment];
    // Prices before VAT are often round, the amounts incl. VAT (× 1.2) seldom: most totals carry cents.
    const net = low * (high / low) ** random();
    const netCents = chance(0.4) ? Math.round(net / 10) * 1000 : Math.round(net * 100);
    const amountCents = Math.round(netCents * 1.2);
    const number = `F-${issueDate.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`;
    const invoice: Invoice = {
      id: importedInvoiceId(client.id, invoiceKey(number)),
      number,
      clientId: client.id,
      issueDate,
      dueDate,
      amountCents,
      currency: 'EUR',
      paidCents: 0,
      paymentTerms: '',
      isCreditNote: false,
    };
    if (chance(0.01)) return { ...invoice, isCreditNote: true, amountCents: -amountCents };

    const settled = chance(dueDate >= today ? 0.08 : 0.44);
    // Most payers are a little late, a few very late.
    const delay = chance(0.6) ? between(-5, 10) : between(10, 45);
    const paidOn = settled ? clamp(addDays(dueDate, delay), issueDate) : undefined;
    if (paidOn !== undefined && paidOn < installed) return { ...invoice, paidCents: amountCents };
    if (paidOn === undefined && dueDate < installed && chance(0.05))
      invoice.paidCents = Math.round(amountCents * 0.3);

    const historyEnd = paidOn ?? today;
    const base: Base = { clientId: client.id, invoiceIds: [invoice.id], note: '' };
    remind(invoice, client.segment, historyEnd, base);
    if (paidOn !== undefined) pay(invoice, paidOn, base);
    else if (chance(0.12) && dueDate < today)
      addPayment(
        invoice,
        base,
        clamp(addDays(dueDate, between(1, 60)), installed),
        Math.round(amountCents * 0.4),
      );
    return invoice;
  }

  function clamp(date: IsoDate, floor: IsoDate): IsoDate {
    return maxDate(floor, date < today ? date : today)!;
  }

  /** Walks the scenario as a user would, stopping at the end of the history or when left undone. */
  function remind(invoice: Invoice, segment: Segment, end: IsoDate, base: Base) {
    const steps = defaultScenarios[segment].steps;
    let floor: IsoDate = installed;
    for (const step of steps) {
      const nominal = addDays(invoice.dueDate, step.offsetDays);
      if (step.offsetDays < 0 && (nominal < invoice.issueDate || nominal < installed)) continue;
      // Mostly on the day, sometimes a few days late.
      const planned = nextBusinessDay(maxDate(nominal, floor)!);
      const date = nextBusinessDay(addDays(planned, chance(0.3) ? between(1, 6) : 0));
      if (step.offsetDays < 0 && date > invoice.dueDate) continue;
      if (date >= end || chance(0.15)) return;
      floor = addDays(date, 5);
      if (step.channel === 'phone') {
        const outcome = pick<CallOutcome>([
          'no_answer',
          'no_answer',
          'promise',
          'promise',
          'callback',
          'paid',
        ]);
        drafts.push({ ...base, type: 'call', date, stepId: step.id, outcome });
        if (outcome === 'promise') floor = promise(date, invoice, base);
      } else {
        drafts.push({ ...base, type: 'reminder', date, stepId: step.id, channel: step.channel });
        if (chance(0.04)) floor = promise(date, invoice, base);
      }
      if (chance(0.025)) {
        const dispute = record({ ...base, type: 'dispute', date, reason: 'Prestation contestée' });
        const disputeId = dispute.id;
        drafts.push(dispute);
        const resolved = addDays(date, between(5, 40));
        if (resolved >= today || chance(0.4)) return;
        const resolution = pick(['rejected', 'withdrawn', 'upheld', 'credit_note'] as const);
        drafts.push({ ...base, type: 'dispute_resolved', date: resolved, disputeId, resolution });
        floor = resolved;
      }
      // Straight to the formal notice: the user skips the steps left before it, on purpose.
      if (chance(0.01) && date > addDays(invoice.dueDate, 20)) {
        const left = steps.slice(steps.indexOf(step) + 1, -1);
        for (const skipped of left) drafts.push({ ...base, type: 'skip', date, stepId: skipped.id });
        return;
      }
      if (chance(0.01)) {
        drafts.push({ ...base, type: 'pause', date, ...(chance(0.5) ? { until: addDays(date, 30) } : {}) });
        return;
      }
      if (chance(0.015)) return plan(date, invoice, base);
    }
  }

  function promise(date: IsoDate, invoice: Invoice, base: Base): IsoDate {
    const promisedDate = addDays(date, between(5, 20));
    drafts.push({ ...base, type: 'promise', date, promisedDate, amountCents: invoice.amountCents });
    return addDays(promisedDate, 4);
  }

  /** Three monthly instalments; most debtors keep to them, some stop after the first. */
  function plan(date: IsoDate, invoice: Invoice, base: Base) {
    const share = Math.floor(invoice.amountCents / 3);
    const instalments = [1, 2, 3].map((month) => ({
      dueDate: addDays(date, 30 * month),
      amountCents: month === 3 ? invoice.amountCents - 2 * share : share,
    }));
    drafts.push({ ...base, type: 'plan', date, instalments });
    const kept = chance(0.7) ? 3 : 1;
    for (const instalment of instalments.slice(0, kept))
      if (instalment.dueDate < today) addPayment(invoice, base, instalment.dueDate, instalment.amountCents);
  }

  function pay(invoice: Invoice, paidOn: IsoDate, base: Base) {
    const due = invoice.amountCents - invoice.paidCents - (paidByEvents.get(invoice.id) ?? 0);
    if (chance(0.15) && daysBetween(invoice.issueDate, paidOn) > 10) {
      const first = Math.round(due * 0.5);
      addPayment(invoice, base, addDays(paidOn, -between(1, 10)), first);
      addPayment(invoice, base, paidOn, due - first);
    } else addPayment(invoice, base, paidOn, due);
  }

  function addPayment(invoice: Invoice, base: Base, date: IsoDate, amountCents: number) {
    const paid = paidByEvents.get(invoice.id) ?? 0;
    const cents = Math.min(amountCents, invoice.amountCents - invoice.paidCents - paid);
    if (cents <= 0) return;
    paidByEvents.set(invoice.id, paid + cents);
    drafts.push({ ...base, type: 'payment', date, amountCents: cents });
  }
}
