import { parseXmlAmountCents } from '../amounts';
import { parseCompactDate, parseDate } from '../dates';
import { issue, type ImportIssue } from '../issues';
import { applyTerms, readPaymentTerms } from '../payment-terms';
import { excerpt } from '../text';
import { kindOf, type EInvoiceDocument, type EInvoiceParseResult, type EInvoiceParty } from './types';

/** The fields of an invoice as text, the same for both syntaxes; `finish` checks and converts them. */
export interface RawInvoice {
  syntax: 'cii' | 'ubl';
  profile: string;
  typeCode: string;
  number: string;
  issueDate: string;
  dueDate: string;
  /** `102` (YYYYMMDD) in CII, ISO in UBL. */
  dateFormat: 'compact' | 'iso';
  paymentTerms: string;
  currency: string;
  total: string;
  prepaid: string;
  due: string;
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
}

type Field = 'number' | 'issueDate' | 'dueDate' | 'total' | 'remaining' | 'paid' | 'client' | 'currency';

export function finish(
  raw: RawInvoice,
  container: 'xml' | 'pdf',
  attachmentName?: string,
): EInvoiceParseResult {
  const missing = (field: Field): EInvoiceParseResult => ({
    ok: false,
    error: issue('error', 'import.einvoice.missingField', {}, { field }),
  });
  const invalid = (field: Field, value: string): EInvoiceParseResult => ({
    ok: false,
    error: issue('error', 'import.einvoice.invalidValue', { value: excerpt(value) }, { field }),
  });
  const date = (text: string) => (raw.dateFormat === 'compact' ? parseCompactDate(text) : parseDate(text));

  if (!raw.number) return missing('number');
  if (!raw.issueDate) return missing('issueDate');
  const issueDate = date(raw.issueDate);
  if (!issueDate) return invalid('issueDate', raw.issueDate);
  if (!raw.buyer.name) return missing('client');
  if (!/^[A-Z]{3}$/.test(raw.currency))
    return raw.currency ? invalid('currency', raw.currency) : missing('currency');
  if (!raw.due && !raw.total) return missing('remaining');
  const dueCents = parseXmlAmountCents(raw.due || raw.total);
  if (dueCents === undefined) return invalid('remaining', raw.due || raw.total);
  const totalCents = raw.total ? parseXmlAmountCents(raw.total) : dueCents;
  if (totalCents === undefined) return invalid('total', raw.total);
  const prepaidCents = raw.prepaid ? parseXmlAmountCents(raw.prepaid) : 0;
  if (prepaidCents === undefined) return invalid('paid', raw.prepaid);

  const issues: ImportIssue[] = [];
  const kind = kindOf(raw.typeCode || '380');
  let dueDate = raw.dueDate ? date(raw.dueDate) : undefined;
  if (raw.dueDate && !dueDate) return invalid('dueDate', raw.dueDate);
  let dueDateSource: EInvoiceDocument['dueDateSource'] = dueDate ? 'document' : 'missing';
  if (dueDate && dueDate < issueDate) return invalid('dueDate', raw.dueDate);
  if (!dueDate && raw.paymentTerms) {
    const rule = readPaymentTerms(raw.paymentTerms);
    if (rule) {
      dueDate = applyTerms(issueDate, rule);
      dueDateSource = 'terms';
    }
  }

  const isDebt = kind === 'invoice' && dueCents > 0;
  if (kind === 'credit_note')
    issues.push(issue('warning', 'import.einvoice.creditNote', { value: raw.typeCode }));
  if (kind === 'self_billed')
    issues.push(issue('warning', 'import.einvoice.selfBilled', { value: raw.typeCode }));
  if (kind === 'invoice' && dueCents <= 0) {
    issues.push(issue('warning', 'import.einvoice.nothingDue', { value: raw.due || raw.total }));
  }
  if (isDebt && dueDateSource === 'terms') {
    issues.push(
      issue(
        'assumption',
        'import.einvoice.dueFromTerms',
        { value: excerpt(raw.paymentTerms) },
        { date: dueDate! },
      ),
    );
  }
  const needsDueDate = isDebt && !dueDate;
  if (needsDueDate) issues.push(issue('warning', 'import.einvoice.needsDueDate'));
  if (isDebt && raw.buyer.emails.length === 0) issues.push(issue('warning', 'import.einvoice.noEmail'));

  return {
    ok: true,
    document: {
      syntax: raw.syntax,
      container,
      ...(attachmentName && { attachmentName }),
      profile: raw.profile,
      typeCode: raw.typeCode || '380',
      kind,
      number: raw.number.slice(0, 100),
      issueDate,
      ...(dueDate && { dueDate }),
      dueDateSource,
      paymentTerms: raw.paymentTerms.slice(0, 200),
      currency: raw.currency,
      totalCents,
      prepaidCents,
      dueCents,
      seller: raw.seller,
      buyer: raw.buyer,
      isDebt,
      needsDueDate,
      issues,
    },
  };
}
