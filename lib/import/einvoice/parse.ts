import { decodeText } from '../decode';
import { issue } from '../issues';
import { excerpt } from '../text';
import { parseXml, XmlError, type XmlElement } from '../xml';
import { isCii, readCii } from './cii';
import { finish } from './document';
import { extractInvoiceXml, type PdfJsLike } from './pdf';
import { isUbl, readUbl } from './ubl';
import type { EInvoiceParseResult } from './types';

export interface EInvoiceOptions {
  /** pdf.js, needed for Factur-X PDFs only (see {@link PdfJsLike}). */
  pdfjs?: PdfJsLike;
}

/** An e-invoice is a few hundred kilobytes; a PDF with images a few megabytes. */
export const MAX_EINVOICE_BYTES = 20 * 1024 * 1024;

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk: readers look for it in the first kilobyte.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Reads a CII or UBL invoice from its XML text. Never throws. */
export function parseEInvoiceXml(
  text: string,
  container: 'xml' | 'pdf' = 'xml',
  attachmentName?: string,
): EInvoiceParseResult {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    const detail = error instanceof XmlError ? error.message : 'unknown error';
    return {
      ok: false,
      error: issue('error', 'import.einvoice.xmlBroken', {}, { detail: excerpt(detail, 120) }),
    };
  }
  try {
    if (isCii(root)) return finish(readCii(root), container, attachmentName);
    if (isUbl(root)) return finish(readUbl(root), container, attachmentName);
  } catch {
    return {
      ok: false,
      error: issue('error', 'import.einvoice.xmlBroken', {}, { detail: 'unexpected structure' }),
    };
  }
  return { ok: false, error: issue('error', 'import.einvoice.unknownFormat', { value: excerpt(root.name) }) };
}

/**
 * Reads an e-invoice file: a Factur-X / ZUGFeRD PDF (its embedded XML), or a CII or UBL XML.
 * Never throws: broken, truncated or foreign files give `{ ok: false, error }`.
 */
export async function parseEInvoice(
  bytes: Uint8Array,
  options: EInvoiceOptions = {},
): Promise<EInvoiceParseResult> {
  if (bytes.byteLength > MAX_EINVOICE_BYTES) {
    return {
      ok: false,
      error: issue('error', 'import.einvoice.tooLarge', {}, { megabytes: MAX_EINVOICE_BYTES / 1024 / 1024 }),
    };
  }
  if (isPdf(bytes)) {
    if (!options.pdfjs) return { ok: false, error: issue('error', 'import.einvoice.pdfUnavailable') };
    const attachment = await extractInvoiceXml(bytes, options.pdfjs);
    if (!attachment.ok) return attachment;
    return parseEInvoiceXml(decodeText(attachment.xml).text, 'pdf', attachment.name);
  }
  const { text } = decodeText(bytes);
  if (!/^\s*</.test(text)) return { ok: false, error: issue('error', 'import.einvoice.notInvoice') };
  return parseEInvoiceXml(text);
}
