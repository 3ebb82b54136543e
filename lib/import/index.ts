/**
 * Importers: CSV exports of accounting tools and spreadsheets, and e-invoices (Factur-X PDF,
 * CII, UBL). Pure functions of bytes and text: they return what to write and a report, the
 * caller writes through the ledger repository.
 */
export {
  analyseCsv,
  detectDelimiter,
  type CsvAnalysis,
  type CsvColumn,
  type CsvDelimiter,
  type CsvRow,
} from './csv/analyse';
export { csvFields, CONFIDENT, type CsvField, type CsvMapping } from './csv/fields';
export { importCsv, type CsvImportOptions } from './csv/import';
export { parseEInvoice, parseEInvoiceXml, MAX_EINVOICE_BYTES, type EInvoiceOptions } from './einvoice/parse';
export { importEInvoices, type EInvoiceImportItem } from './einvoice/import';
export type { PdfJsLike } from './einvoice/pdf';
export type { EInvoiceDocument, EInvoiceKind, EInvoiceParseResult, EInvoiceParty } from './einvoice/types';
export type {
  ClientDraft,
  ImportCounts,
  ImportedClient,
  ImportedInvoice,
  ImportResult,
  InvoiceDraft,
  LedgerSnapshot,
  RecordStatus,
} from './merge';
export type { ImportIssue, ImportMessageKey } from './issues';
export { describeIssue, type ImportTranslate } from './report';
export { parseAmountCents, type DecimalSeparator } from './amounts';
export { parseDate, type DateOrder } from './dates';
export { dueDateFromTerms, readPaymentTerms, type TermsRule } from './payment-terms';
export type { TextEncodingName } from './decode';
