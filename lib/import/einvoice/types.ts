import type { IsoDate } from '../../domain/schemas';
import type { ImportIssue } from '../issues';

export interface EInvoiceParty {
  /** Legal name (BT-27 / BT-44). */
  name: string;
  /** From the legal registration id (scheme 0002), a SIRET (0009) or a French VAT number. */
  siren?: string;
  siret?: string;
  vatNumber?: string;
  emails: string[];
  phone?: string;
  contactName?: string;
  /** Postal address, one line per entry; the country code last when not France. */
  address: string[];
}

/** A credit note is owed by the user; a self-billed invoice (389) was issued by the client. */
export type EInvoiceKind = 'invoice' | 'credit_note' | 'self_billed';

export interface EInvoiceDocument {
  syntax: 'cii' | 'ubl';
  container: 'xml' | 'pdf';
  /** Name of the XML attachment when the invoice came in a PDF. */
  attachmentName?: string;
  /** The specification identifier (Factur-X profile, EN 16931, Peppol…). */
  profile: string;
  /** UNTDID 1001 document type code (380 invoice, 381 credit note…). */
  typeCode: string;
  kind: EInvoiceKind;
  number: string;
  issueDate: IsoDate;
  dueDate?: IsoDate;
  /** Where the due date comes from: the document, its payment terms text, or nowhere yet. */
  dueDateSource: 'document' | 'terms' | 'missing';
  paymentTerms: string;
  currency: string;
  /** Total including VAT (GrandTotalAmount / TaxInclusiveAmount), in cents. */
  totalCents: number;
  /** Paid in advance (TotalPrepaidAmount / PrepaidAmount), in cents. */
  prepaidCents: number;
  /** Amount due (DuePayableAmount / PayableAmount), in cents. */
  dueCents: number;
  /** The user, normally. */
  seller: EInvoiceParty;
  /** The client. */
  buyer: EInvoiceParty;
  /** An invoice with something left to pay: what the product chases. */
  isDebt: boolean;
  /** A debt without a due date: the import needs one from the user. */
  needsDueDate: boolean;
  /** What the user should know: credit note, derived due date, missing email… */
  issues: ImportIssue[];
}

export type EInvoiceParseResult =
  { ok: true; document: EInvoiceDocument } | { ok: false; error: ImportIssue };

/** UNTDID 1001 codes of credit notes, which EN 16931 allows alongside 381. */
export const CREDIT_NOTE_CODES = new Set([
  '81',
  '83',
  '261',
  '262',
  '296',
  '308',
  '381',
  '396',
  '420',
  '458',
  '532',
]);
export const SELF_BILLED_CODES = new Set(['389', '527']);

export function kindOf(typeCode: string): EInvoiceKind {
  if (CREDIT_NOTE_CODES.has(typeCode)) return 'credit_note';
  if (SELF_BILLED_CODES.has(typeCode)) return 'self_billed';
  return 'invoice';
}
