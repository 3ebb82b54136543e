import {
  clientSchema,
  type Client,
  type Contact,
  type Invoice,
  type IsoDate,
  type Ledger,
  type Segment,
} from '../domain/schemas';
import { clientIdentity, importedClientId, importedInvoiceId, invoiceKey } from './ids';
import { issue, type ImportIssue } from './issues';
import { normaliseName } from './text';

/** What a row or an e-invoice says about the client. */
export interface ClientDraft {
  name: string;
  siren?: string;
  emails: string[];
  phone?: string;
  address?: string[];
  segment?: Segment;
  contact?: Partial<Pick<Contact, 'civility' | 'firstName' | 'lastName'>>;
}

/** What a row or an e-invoice says about the invoice; amounts in cents, positive for credit notes too. */
export interface InvoiceDraft {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  paidCents: number;
  currency: string;
  paymentTerms: string;
  isCreditNote: boolean;
}

export interface ImportCandidate {
  /** The file line it came from, for the report. */
  line?: number;
  client: ClientDraft;
  invoice: InvoiceDraft;
}

export type RecordStatus = 'new' | 'updated' | 'unchanged';

export interface ImportedInvoice {
  invoice: Invoice;
  status: RecordStatus;
  line?: number;
}

export interface ImportedClient {
  client: Client;
  status: RecordStatus;
}

/** The part of the ledger an import reads; `company` lets e-invoices check who issued them. */
export type LedgerSnapshot = Pick<Ledger, 'clients' | 'invoices'> & {
  company?: Pick<Ledger['company'], 'siren'>;
};

export interface ImportResult {
  /** Every invoice the import touched; write those with status `new` or `updated`. */
  invoices: ImportedInvoice[];
  /** Every client the import touched; write those with status `new` or `updated` (before the invoices). */
  clients: ImportedClient[];
  /** Rejected rows (`error`), derived values (`assumption`) and dropped values (`warning`), in file order. */
  issues: ImportIssue[];
  counts: ImportCounts;
}

export interface ImportCounts {
  /** Data rows read (blank lines excluded) or documents given. */
  rows: number;
  rejected: number;
  newInvoices: number;
  updatedInvoices: number;
  unchangedInvoices: number;
  creditNotes: number;
  newClients: number;
  updatedClients: number;
}

const COMPARED: (keyof InvoiceDraft)[] = [
  'number',
  'issueDate',
  'dueDate',
  'amountCents',
  'paidCents',
  'currency',
  'paymentTerms',
  'isCreditNote',
];

interface ClientState {
  client: Client;
  status: RecordStatus;
}

interface InvoiceState {
  entry: ImportedInvoice | undefined;
  existing: Invoice | undefined;
}

/**
 * Folds import candidates into the ledger without writing anything. Clients are recognised by
 * SIREN, then by email, then by normalised name (never against a different SIREN); a known
 * client only gains what it lacked (emails, SIREN, phone, address), since what the user typed
 * in the app wins over a file. Invoices are recognised by number, which French law makes unique
 * per seller: the same number is the same invoice, so importing a file again updates it.
 */
export function mergeCandidates(
  candidates: readonly ImportCandidate[],
  ledger: LedgerSnapshot,
  issues: ImportIssue[],
): Pick<ImportResult, 'invoices' | 'clients'> {
  const names = new Map<string, string>();
  const nameKey = (name: string) => {
    let key = names.get(name);
    if (key === undefined) names.set(name, (key = normaliseName(name)));
    return key;
  };
  const clientsById = new Map<string, ClientState>();
  const bySiren = new Map<string, ClientState>();
  const byEmail = new Map<string, ClientState>();
  const byName = new Map<string, ClientState>();
  const index = (state: ClientState) => {
    const { client } = state;
    clientsById.set(client.id, state);
    if (client.siren && !bySiren.has(client.siren)) bySiren.set(client.siren, state);
    for (const email of client.emails) if (!byEmail.has(email)) byEmail.set(email, state);
    const name = nameKey(client.name);
    if (name && !byName.has(name)) byName.set(name, state);
  };
  for (const client of ledger.clients) index({ client, status: 'unchanged' });
  const touchedClients = new Set<ClientState>();

  const byNumber = new Map<string, InvoiceState>();
  const invoiceIds = new Set<string>();
  for (const invoice of ledger.invoices) {
    invoiceIds.add(invoice.id);
    const key = invoiceKey(invoice.number);
    if (!byNumber.has(key)) byNumber.set(key, { entry: undefined, existing: invoice });
  }
  const invoices: ImportedInvoice[] = [];

  for (const candidate of candidates) {
    const { line } = candidate;
    const key = invoiceKey(candidate.invoice.number);
    const known = byNumber.get(key);
    if (known?.entry) {
      issues.push(
        issue(
          'error',
          'import.row.duplicateNumber',
          { line, value: candidate.invoice.number },
          {
            firstLine: known.entry.line ?? '?',
          },
        ),
      );
      continue;
    }

    // The number names the invoice: when the file spells the client differently, the ledger's client stays.
    const state =
      findClient(candidate.client) ?? (known?.existing && clientsById.get(known.existing.clientId));
    if (known?.existing && state && known.existing.clientId !== state.client.id) {
      const owner = clientsById.get(known.existing.clientId)?.client.name ?? known.existing.clientId;
      issues.push(
        issue(
          'error',
          'import.row.numberOfOtherClient',
          { line, value: candidate.invoice.number },
          { owner },
        ),
      );
      continue;
    }
    const clientState = state ?? createClient(candidate.client, line);
    if (!clientState) continue;
    if (state) fillClient(state, candidate.client);
    touchedClients.add(clientState);

    const existing = known?.existing;
    const invoice = buildInvoice(
      existing ?? {
        id: uniqueId(importedInvoiceId(clientState.client.id, key), invoiceIds),
        clientId: clientState.client.id,
      },
      candidate.invoice,
    );
    if (!invoice) {
      issues.push(issue('error', 'import.row.invalidInvoice', { line, value: candidate.invoice.number }));
      continue;
    }
    const status: RecordStatus = !existing
      ? 'new'
      : COMPARED.every((field) => existing[field] === invoice[field])
        ? 'unchanged'
        : 'updated';
    invoiceIds.add(invoice.id);
    const entry: ImportedInvoice = { invoice, status, ...(line !== undefined && { line }) };
    byNumber.set(key, { entry, existing });
    invoices.push(entry);
  }

  return { invoices, clients: [...touchedClients].map(({ client, status }) => ({ client, status })) };

  function findClient(draft: ClientDraft): ClientState | undefined {
    const compatible = (state: ClientState | undefined) =>
      state && (!draft.siren || !state.client.siren || state.client.siren === draft.siren)
        ? state
        : undefined;
    if (draft.siren) {
      const found = bySiren.get(draft.siren);
      if (found) return found;
    }
    for (const email of draft.emails) {
      const found = compatible(byEmail.get(email));
      if (found) return found;
    }
    return compatible(byName.get(nameKey(draft.name)));
  }

  function createClient(draft: ClientDraft, line: number | undefined): ClientState | undefined {
    const identity = clientIdentity(draft);
    let id = importedClientId(identity);
    for (let n = 2; clientsById.has(id); n++) id = importedClientId(`${identity}#${n}`);
    const parsed = clientSchema.safeParse({
      id,
      name: draft.name,
      emails: draft.emails,
      address: draft.address ?? [],
      ...(draft.siren && { siren: draft.siren }),
      ...(draft.segment && { segment: draft.segment }),
      contact: { ...draft.contact, phone: draft.phone ?? '' },
    });
    if (!parsed.success) {
      issues.push(issue('error', 'import.row.invalidClient', { line, value: draft.name }));
      return undefined;
    }
    const state: ClientState = { client: parsed.data, status: 'new' };
    index(state);
    return state;
  }

  function fillClient(state: ClientState, draft: ClientDraft): void {
    const client = state.client;
    const newEmails = draft.emails.filter((email) => !client.emails.includes(email));
    const siren = !client.siren && draft.siren ? draft.siren : undefined;
    const address = client.address.length === 0 && draft.address?.length ? draft.address : undefined;
    const phone = !client.contact.phone && draft.phone ? draft.phone : undefined;
    const person =
      !client.contact.lastName && !client.contact.firstName && draft.contact ? draft.contact : undefined;
    if (newEmails.length === 0 && !siren && !address && !phone && !person) return;
    state.client = {
      ...client,
      emails: [...client.emails, ...newEmails],
      ...(siren && { siren }),
      ...(address && { address }),
      contact: { ...client.contact, ...(phone && { phone }), ...person },
    };
    if (state.status === 'unchanged') state.status = 'updated';
    index(state);
  }
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * The invoice the ledger will store. Every field of a draft was parsed and checked already
 * (dates exist, cents are integers); these are the schema's remaining rules, checked by hand
 * because a zod parse per row is a third of a 50,000-row import. Tests hold it to the schema.
 */
function buildInvoice(
  base: Pick<Invoice, 'id' | 'clientId'> & Partial<Invoice>,
  draft: InvoiceDraft,
): Invoice | undefined {
  const number = draft.number.trim();
  const valid =
    number.length > 0 &&
    number.length <= 100 &&
    draft.paymentTerms.length <= 200 &&
    CURRENCY.test(draft.currency) &&
    Number.isSafeInteger(draft.amountCents) &&
    Number.isSafeInteger(draft.paidCents) &&
    draft.paidCents >= 0 &&
    draft.dueDate >= draft.issueDate;
  if (!valid) return undefined;
  // Fields the import does not know (pdfRef, contractual rate) stay as the ledger has them.
  const invoice: Invoice = Object.assign({}, base as Invoice);
  invoice.number = number;
  invoice.issueDate = draft.issueDate;
  invoice.dueDate = draft.dueDate;
  invoice.amountCents = draft.amountCents;
  invoice.paidCents = draft.paidCents;
  invoice.currency = draft.currency;
  invoice.paymentTerms = draft.paymentTerms;
  invoice.isCreditNote = draft.isCreditNote;
  return invoice;
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

export function countResult(
  rows: number,
  merged: Pick<ImportResult, 'invoices' | 'clients'>,
  issues: readonly ImportIssue[],
): ImportCounts {
  const rejectedLines = new Set<number | string>();
  issues.forEach((item, i) => {
    if (item.severity === 'error') rejectedLines.add(item.line ?? `#${i}`);
  });
  const count = <T extends { status: RecordStatus }>(list: T[], status: RecordStatus) =>
    list.filter((item) => item.status === status).length;
  return {
    rows,
    rejected: rejectedLines.size,
    newInvoices: count(merged.invoices, 'new'),
    updatedInvoices: count(merged.invoices, 'updated'),
    unchangedInvoices: count(merged.invoices, 'unchanged'),
    creditNotes: merged.invoices.filter((item) => item.invoice.isCreditNote).length,
    newClients: count(merged.clients, 'new'),
    updatedClients: count(merged.clients, 'updated'),
  };
}
