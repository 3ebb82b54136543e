// Loaded on demand by AttachmentImport: the importers, pdf.js and their messages stay out of the
// sidebar's first load.
import '../../lib/i18n/areas/import';
export { describeIssue, importEInvoices, parseEInvoice } from '../../lib/import';
export { loadPdfJs } from '../shared/pdfjs';
