import { hash53 } from '../domain/ids';
import { normaliseName } from './text';

/**
 * Imported records get ids derived from what identifies them (client key, invoice number), so
 * importing the same file twice lands on the same records, and sync can leave out an id it can
 * derive from the record beside it (lib/store/sync/derived-ids.ts). Clients made by hand from a
 * sender in the sidebar get theirs the same way.
 */
export function importedClientId(key: string): string {
  return `imp-c-${hash53(key)}`;
}

/** What identifies a new client: its SIREN, else its first address, else its name. */
export function clientIdentity(client: {
  readonly siren?: string | undefined;
  readonly emails: readonly string[];
  readonly name: string;
}): string {
  if (client.siren) return `siren:${client.siren}`;
  if (client.emails[0]) return `email:${client.emails[0]}`;
  return `name:${normaliseName(client.name) || client.name.trim().toLowerCase()}`;
}

export function importedInvoiceId(clientId: string, invoiceKey: string): string {
  return `imp-i-${hash53(`${clientId}\u0000${invoiceKey}`)}`;
}

/** Invoice numbers compare without case and spaces: "FA 2026-001" and "fa2026-001" are one invoice. */
export function invoiceKey(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}
