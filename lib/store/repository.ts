import type { z } from 'zod';
import {
  clientSchema,
  companyProfileSchema,
  eventSchema,
  invoiceSchema,
  rateTableSchema,
  scenarioSchema,
  settingsSchema,
  type Client,
  type ClientInput,
  type CompanyProfile,
  type Invoice,
  type InvoiceInput,
  type Ledger,
  type LedgerEvent,
  type LedgerEventInput,
  type RateTable,
  type Scenario,
  type Settings,
} from '../domain/schemas';
import type { Attachment, LedgerDb, MetaKey, MetaValues } from './db';
import type { ChangeChannel, LedgerArea } from './changes';
import { EventExistsError, LedgerValidationError } from './errors';
import { eventId, eventOccurrence } from '../domain/ids';

function validate<S extends z.ZodType>(schema: S, kind: string, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new LedgerValidationError(kind, parsed.error.issues);
  return parsed.data;
}

/** A stored singleton, with the defaults of the fields added since it was written. */
function withDefaults<S extends z.ZodType>(schema: S, stored: unknown): z.infer<S> {
  return schema.parse(stored ?? {});
}

export interface LedgerRepositoryOptions {
  channel?: ChangeChannel;
  /** Names this context in change notices. */
  origin?: string;
  /** Supplies the defaults for rates before the user has saved any. */
  defaultRates?: () => RateTable;
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;

/**
 * The ledger's one door: every write is validated with the domain schemas, events are only ever
 * added, and each committed write is announced on the change channel.
 */
export function createLedgerRepository(db: LedgerDb, options: LedgerRepositoryOptions = {}) {
  const origin = options.origin ?? 'unknown';
  const announce = (...areas: LedgerArea[]) => options.channel?.publish({ areas, origin });

  async function getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    return (await db.get('meta', key)) as MetaValues[K] | undefined;
  }

  const repo = {
    db,

    async loadLedger(): Promise<Ledger> {
      const tx = db.transaction(['clients', 'invoices', 'events', 'scenarios', 'meta']);
      const [clients, invoices, events, scenarios, company, rates, settings] = await Promise.all([
        tx.objectStore('clients').getAll(),
        tx.objectStore('invoices').getAll(),
        // In date order (ties by id): the engine reads the history in one pass without sorting it.
        tx.objectStore('events').index('by-date').getAll(),
        tx.objectStore('scenarios').getAll(),
        tx.objectStore('meta').get('company'),
        tx.objectStore('meta').get('rates'),
        tx.objectStore('meta').get('settings'),
      ]);
      await tx.done;
      return {
        clients,
        invoices,
        events,
        scenarios,
        // Singletons stored by an older version lack the fields added since: the schema fills them.
        company: withDefaults(companyProfileSchema, company),
        rates: (rates as RateTable | undefined) ?? options.defaultRates?.() ?? { halfYears: [] },
        settings: withDefaults(settingsSchema, settings),
      };
    },

    listClients: () => db.getAll('clients'),
    getClient: (id: string) => db.get('clients', id),
    clientsByEmail: (email: string) => db.getAllFromIndex('clients', 'by-email', email.trim().toLowerCase()),

    async saveClient(input: ClientInput): Promise<Client> {
      const client = validate(clientSchema, 'client', input);
      await db.put('clients', client);
      announce('clients');
      return client;
    },

    /** Removes a client only when nothing refers to it: invoices and history are never orphaned. */
    async deleteClient(id: string): Promise<boolean> {
      const tx = db.transaction(['clients', 'invoices'], 'readwrite');
      const invoiceCount = await tx.objectStore('invoices').index('by-client').count(id);
      if (invoiceCount > 0) {
        await tx.done;
        return false;
      }
      await tx.objectStore('clients').delete(id);
      await tx.done;
      announce('clients');
      return true;
    },

    listInvoices: () => db.getAll('invoices'),
    invoicesOf: (clientId: string) => db.getAllFromIndex('invoices', 'by-client', clientId),
    getInvoice: (id: string) => db.get('invoices', id),

    async saveInvoice(input: InvoiceInput): Promise<Invoice> {
      const invoice = validate(invoiceSchema, 'invoice', input);
      if (!(await db.getKey('clients', invoice.clientId))) {
        throw new LedgerValidationError('invoice', [
          { code: 'custom', path: ['clientId'], message: 'unknown client', input: invoice.clientId },
        ]);
      }
      await db.put('invoices', invoice);
      announce('invoices');
      return invoice;
    },

    /**
     * Writes clients and invoices in one transaction: an import either lands whole or not at all.
     * Every record is validated before the transaction starts.
     */
    async saveBatch(batch: { clients?: ClientInput[]; invoices?: InvoiceInput[] }): Promise<void> {
      const clients = (batch.clients ?? []).map((c) => validate(clientSchema, 'client', c));
      const invoices = (batch.invoices ?? []).map((i) => validate(invoiceSchema, 'invoice', i));
      const tx = db.transaction(['clients', 'invoices'], 'readwrite');
      const known = new Set([...clients.map((c) => c.id), ...(await tx.objectStore('clients').getAllKeys())]);
      const orphan = invoices.find((invoice) => !known.has(invoice.clientId));
      if (orphan) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new LedgerValidationError('invoice', [
          { code: 'custom', path: ['clientId'], message: 'unknown client', input: orphan.clientId },
        ]);
      }
      await Promise.all([
        ...clients.map((c) => tx.objectStore('clients').put(c)),
        ...invoices.map((i) => tx.objectStore('invoices').put(i)),
      ]);
      await tx.done;
      announce(
        ...(clients.length ? (['clients'] as const) : []),
        ...(invoices.length ? (['invoices'] as const) : []),
      );
    },

    /**
     * Appends to the history, never overwriting. An event whose id is derived from its content
     * (lib/domain/ids.ts) and meets one already recorded with the same content is another
     * occurrence of it (two payments of the same amount the same day): it takes the next number.
     * Any other id already taken is refused.
     */
    async appendEvent(input: LedgerEventInput): Promise<LedgerEvent> {
      let event = validate(eventSchema, 'event', input);
      const occurrence = eventOccurrence(event);
      for (let next = (occurrence ?? 0) + 1; ; next++) {
        try {
          await db.add('events', event);
          break;
        } catch (error) {
          if (!(error instanceof DOMException && error.name === 'ConstraintError')) throw error;
          if (occurrence === undefined || next > occurrence + 1000) throw new EventExistsError(event.id);
          event = { ...event, id: eventId(event, next) };
        }
      }
      announce('events');
      return event;
    },

    eventsOfClient: (clientId: string) => db.getAllFromIndex('events', 'by-client', clientId),
    eventsOfInvoice: (invoiceId: string) => db.getAllFromIndex('events', 'by-invoice', invoiceId),

    listScenarios: () => db.getAll('scenarios'),
    async saveScenario(input: unknown): Promise<Scenario> {
      const scenario = validate(scenarioSchema, 'scenario', input);
      await db.put('scenarios', scenario);
      announce('scenarios');
      return scenario;
    },

    /** Removes one of the user's scenarios: its clients follow their segment's default again. */
    async deleteScenario(id: string): Promise<void> {
      await db.delete('scenarios', id);
      announce('scenarios');
    },

    async getSettings(): Promise<Settings> {
      return withDefaults(settingsSchema, await getMeta('settings'));
    },
    async saveSettings(input: unknown): Promise<Settings> {
      const settings = validate(settingsSchema, 'settings', input);
      await db.put('meta', settings, 'settings');
      announce('settings');
      return settings;
    },
    async getCompany(): Promise<CompanyProfile> {
      return withDefaults(companyProfileSchema, await getMeta('company'));
    },
    async saveCompany(input: unknown): Promise<CompanyProfile> {
      const company = validate(companyProfileSchema, 'company', input);
      await db.put('meta', company, 'company');
      announce('settings');
      return company;
    },
    async getRates(): Promise<RateTable> {
      return (await getMeta('rates')) ?? options.defaultRates?.() ?? { halfYears: [] };
    },
    async saveRates(input: unknown): Promise<RateTable> {
      const rates = validate(rateTableSchema, 'rates', input);
      await db.put('meta', rates, 'rates');
      announce('settings');
      return rates;
    },

    async putAttachment(attachment: Attachment): Promise<void> {
      await db.put('attachments', attachment);
      announce('attachments');
    },
    getAttachment: (id: string) => db.get('attachments', id),
  };
  return repo;
}
