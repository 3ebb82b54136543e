import type { PdfJsLike } from '../../lib/import';

/**
 * pdf.js is large: extension pages load it only when a PDF comes, with its worker module imported
 * on the same page so pdf.js runs it in this thread (no eval, no separate worker file to serve).
 */
export async function loadPdfJs(): Promise<PdfJsLike> {
  const [pdfjs] = await Promise.all([
    import('pdfjs-dist'),
    // @ts-expect-error the worker module ships without type declarations
    import('pdfjs-dist/build/pdf.worker.mjs'),
  ]);
  return pdfjs as unknown as PdfJsLike;
}
