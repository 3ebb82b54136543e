import type { IsoDate } from '../../domain/schemas';
import { readPersonName } from '../csv/values';
import { issue, type ImportIssue } from '../issues';
import {
  countResult,
  mergeCandidates,
  type ImportCandidate,
  type ImportResult,
  type LedgerSnapshot,
} from '../merge';
import type { EInvoiceDocument } from './types';

export interface EInvoiceImportItem {
  document: EInvoiceDocument;
  /** The due date the user gave for a document that `needsDueDate`; also overrides one derived from terms. */
  dueDate?: IsoDate;
}

/**
 * Folds parsed e-invoices into the ledger, as a result to review and write (nothing is written
 * here). The seller is the user and the buyer the client. Invoices with something to pay become
 * debts, credit notes are recorded as credit notes; self-billed documents, nothing-due invoices,
 * invoices addressed to the user and debts still without a due date are left out and reported.
 */
export function importEInvoices(items: readonly EInvoiceImportItem[], ledger: LedgerSnapshot): ImportResult {
  const issues: ImportIssue[] = [];
  const candidates: ImportCandidate[] = [];
  const ownSiren = ledger.company?.siren || undefined;
  for (const { document, dueDate: given } of items) {
    const about = { value: document.number };
    if (ownSiren && document.buyer.siren === ownSiren) {
      issues.push(issue('error', 'import.einvoice.addressedToYou', about));
      continue;
    }
    if (ownSiren && document.seller.siren && document.seller.siren !== ownSiren) {
      issues.push(issue('warning', 'import.einvoice.otherSeller', { value: document.seller.name }));
    }
    if (document.kind === 'self_billed') {
      issues.push(issue('error', 'import.einvoice.selfBilled', about));
      continue;
    }
    if (document.kind === 'invoice' && !document.isDebt) {
      issues.push(issue('error', 'import.einvoice.nothingDue', { value: String(document.dueCents / 100) }));
      continue;
    }
    const isCreditNote = document.kind === 'credit_note';
    const dueDate = given ?? document.dueDate ?? (isCreditNote ? document.issueDate : undefined);
    if (!dueDate) {
      issues.push(issue('error', 'import.einvoice.needsDueDate', about));
      continue;
    }
    const amountCents = Math.abs(document.totalCents);
    const paidCents = isCreditNote ? 0 : Math.min(amountCents, Math.max(0, amountCents - document.dueCents));
    const { buyer } = document;
    candidates.push({
      client: {
        name: buyer.name,
        emails: buyer.emails,
        address: buyer.address,
        ...(buyer.siren && { siren: buyer.siren }),
        ...(buyer.phone && { phone: buyer.phone }),
        ...(buyer.contactName && { contact: readPersonName(buyer.contactName) }),
      },
      invoice: {
        number: document.number,
        issueDate: document.issueDate,
        dueDate,
        amountCents,
        paidCents,
        currency: document.currency,
        paymentTerms: document.paymentTerms,
        isCreditNote,
      },
    });
  }
  const merged = mergeCandidates(candidates, ledger, issues);
  return { ...merged, issues, counts: countResult(items.length, merged, issues) };
}
