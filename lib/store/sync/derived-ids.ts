import { eventId, eventOccurrence } from '../../domain/ids';
import type { LedgerEvent } from '../../domain/schemas';
import { clientIdentity, importedClientId, importedInvoiceId, invoiceKey } from '../../import/ids';
import type { Json, RecordKind } from './state';

/**
 * Ids that sync need not carry because the entry beside them gives them back: a client's from
 * what identified it when it was imported or learnt from a sender (lib/import/ids.ts), an imported
 * invoice's from its client and number, an event's from its content (lib/domain/ids.ts). The writer checks that the id derived
 * from the values it writes is the record's id before leaving it out, so a record edited since
 * (a renamed client, a corrected number) keeps its id written in full.
 */

const text = (value: Json | undefined) => (typeof value === 'string' ? value : undefined);

/** The id the values of a record would give it; undefined when its kind has none. */
export function derivedRecordId(
  kind: RecordKind,
  value: (name: string) => Json | undefined,
): string | undefined {
  if (kind === 'invoice') {
    const clientId = text(value('clientId'));
    const number = text(value('number'));
    return clientId === undefined || number === undefined
      ? undefined
      : importedInvoiceId(clientId, invoiceKey(number));
  }
  if (kind === 'client') {
    const name = text(value('name'));
    const emails = value('emails');
    if (name === undefined) return undefined;
    return importedClientId(
      clientIdentity({
        name,
        siren: text(value('siren')),
        emails: Array.isArray(emails) ? emails.filter((e): e is string => typeof e === 'string') : [],
      }),
    );
  }
  return undefined;
}

/** Events never change: what their id says is worked out once (the planner encodes them many times); 0: not derived. */
const occurrences = new WeakMap<LedgerEvent, number>();

/** Which occurrence of its content an event is, when its id is derived from that content. */
export function derivedEventOccurrence(event: LedgerEvent): number | undefined {
  let occurrence = occurrences.get(event);
  if (occurrence === undefined) occurrences.set(event, (occurrence = eventOccurrence(event) ?? 0));
  return occurrence === 0 ? undefined : occurrence;
}

/** The id of an event read back without one. */
export const derivedEventId = (content: Record<string, Json>, occurrence: number): string =>
  eventId(content as unknown as LedgerEvent, occurrence);
