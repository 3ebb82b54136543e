import { daysBetween } from '../domain/calendar';
import type { Client, Invoice, IsoDate, Ledger } from '../domain/schemas';
import { translate, type Locale, type MessageKey, type MessageParams } from '../i18n';

/** What a document needs to know about one of the client's invoices on a given day. */
export interface DocumentInvoice {
  invoice: Invoice;
  remainingCents: number;
  daysLate: number;
  payments: { date: IsoDate; amountCents: number }[];
}

/** The client and the named invoices, read from the ledger as they stood on `today`. */
export interface DocumentSubject {
  client: Client;
  invoices: DocumentInvoice[];
  remainingCents: number;
  currency: string;
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
}

/**
 * Looks up a client and the invoices a document is about. Unknown invoices, other clients'
 * invoices and credit notes are left out; null when the client is unknown or nothing is left.
 * The document speaks the client's language.
 */
export function documentSubject(
  ledger: Ledger,
  clientId: string,
  invoiceIds: readonly string[],
  today: IsoDate,
): DocumentSubject | null {
  const client = ledger.clients.find((c) => c.id === clientId);
  if (!client) return null;
  const wanted = new Set(invoiceIds);
  const invoices: DocumentInvoice[] = [];
  for (const invoice of ledger.invoices) {
    if (!wanted.has(invoice.id) || invoice.clientId !== clientId || invoice.isCreditNote) continue;
    const payments = ledger.events
      .filter((e) => e.type === 'payment' && e.invoiceIds[0] === invoice.id && e.date <= today)
      .map((e) => ({ date: e.date, amountCents: e.type === 'payment' ? e.amountCents : 0 }));
    const paid = invoice.paidCents + payments.reduce((sum, p) => sum + p.amountCents, 0);
    invoices.push({
      invoice,
      remainingCents: Math.max(0, invoice.amountCents - paid),
      daysLate: Math.max(0, daysBetween(invoice.dueDate, today)),
      payments,
    });
  }
  if (invoices.length === 0) return null;
  invoices.sort((a, b) =>
    a.invoice.dueDate < b.invoice.dueDate ? -1 : a.invoice.dueDate > b.invoice.dueDate ? 1 : 0,
  );
  const locale = client.language;
  return {
    client,
    invoices,
    remainingCents: invoices.reduce((sum, i) => sum + i.remainingCents, 0),
    currency: invoices[0]!.invoice.currency,
    locale,
    t: (key, params) => translate(locale, key, params),
  };
}

/** "Madame Martin" / "Monsieur Durand" / "" when the contact has no civility or surname. */
export function contactTitle(client: Client, t: DocumentSubject['t']): string {
  const { civility, lastName } = client.contact;
  if (civility === 'none' || !lastName) return '';
  return t(civility === 'mme' ? 'documents.civility.mme' : 'documents.civility.m', { name: lastName });
}

/** The contact's full name, e.g. "Claire Martin". */
export function contactName(client: Client): string {
  return [client.contact.firstName, client.contact.lastName].filter(Boolean).join(' ');
}
