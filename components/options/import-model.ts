import type { ImportResult } from '../../lib/import';
import type { ClientInput, InvoiceInput } from '../../lib/domain/schemas';

export type FileKind = 'csv' | 'einvoice' | 'unknown';

/** By extension first (what the user sees), then by the first bytes. */
export function fileKind(name: string, head: Uint8Array): FileKind {
  const lower = name.toLowerCase();
  if (/\.(csv|txt|tsv)$/.test(lower)) return 'csv';
  if (/\.(xml|pdf)$/.test(lower)) return 'einvoice';
  const start = new TextDecoder('latin1').decode(head.subarray(0, 1024)).trimStart();
  if (start.startsWith('%PDF-') || start.startsWith('<')) return 'einvoice';
  return 'unknown';
}

/** What to write: new and changed records only, clients before the invoices that name them. */
export function batchOf(result: ImportResult): { clients: ClientInput[]; invoices: InvoiceInput[] } {
  return {
    clients: result.clients.filter((entry) => entry.status !== 'unchanged').map((entry) => entry.client),
    invoices: result.invoices.filter((entry) => entry.status !== 'unchanged').map((entry) => entry.invoice),
  };
}
