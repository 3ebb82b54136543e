import { issue, type ImportIssue } from '../issues';
import { excerpt } from '../text';

/**
 * The slice of pdf.js this module uses, so that the caller hands in the build that fits its
 * context: `pdfjs-dist/legacy/build/pdf.mjs` in Node, `pdfjs-dist` in an extension page (with
 * `GlobalWorkerOptions.workerSrc` set to the bundled worker, or the worker module imported on
 * the page so pdf.js runs it in the same thread).
 */
export interface PdfJsLike {
  getDocument(source: PdfSource): { promise: Promise<PdfDocumentLike>; destroy(): Promise<void> };
}

export interface PdfSource {
  data: Uint8Array;
  /** Extension pages forbid eval; pdf.js must not try it. */
  isEvalSupported: boolean;
  stopAtErrors: boolean;
  verbosity: number;
  disableFontFace: boolean;
  useSystemFonts: boolean;
}

export interface PdfDocumentLike {
  getAttachments(): Promise<Record<string, { filename: string; content: Uint8Array }> | null | undefined>;
  destroy(): Promise<void>;
}

/** Names Factur-X, ZUGFeRD and XRechnung give their XML, best first (compared in lower case). */
const XML_NAMES = [
  'factur-x.xml',
  'zugferd-invoice.xml',
  'xrechnung.xml',
  'zugferd_invoice.xml',
  'order-x.xml',
];

export type AttachmentResult =
  { ok: true; xml: Uint8Array; name: string } | { ok: false; error: ImportIssue };

/** Finds the invoice XML embedded in a Factur-X / ZUGFeRD PDF. Never throws: a damaged PDF is an error result. */
export async function extractInvoiceXml(bytes: Uint8Array, pdfjs: PdfJsLike): Promise<AttachmentResult> {
  let task: ReturnType<PdfJsLike['getDocument']> | undefined;
  try {
    // pdf.js hands the buffer to its worker, which detaches it: give it a copy.
    task = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      stopAtErrors: false,
      verbosity: 0,
      disableFontFace: true,
      useSystemFonts: false,
    });
    const pdf = await task.promise;
    const attachments = Object.values((await pdf.getAttachments()) ?? {});
    const byName = (name: string) => attachments.find((item) => item.filename.toLowerCase() === name);
    const xmlFiles = attachments.filter((item) => item.filename.toLowerCase().endsWith('.xml'));
    const found = XML_NAMES.map(byName).find(Boolean) ?? (xmlFiles.length === 1 ? xmlFiles[0] : undefined);
    if (!found) return { ok: false, error: issue('error', 'import.einvoice.pdfNoInvoice') };
    return { ok: true, xml: found.content, name: found.filename };
  } catch (error) {
    const detail = excerpt(error instanceof Error ? error.message : String(error), 120);
    return { ok: false, error: issue('error', 'import.einvoice.pdfUnreadable', {}, { detail }) };
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}
