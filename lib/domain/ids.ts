import { eventSchema, type LedgerEvent, type LedgerEventInput } from './schemas';

/**
 * Ids of the ledger's events. An event is a fact that never changes, so its id is derived from
 * what it says: a hash of its content, and a number when the same content was already recorded
 * (two payments of the same amount the same day). Two browsers that record the same fact give it
 * the same id, and sync, which has to carry every id, can leave out an id it can derive from the
 * content beside it (lib/store/sync/codec-tables.ts) instead of 16 random bytes per event.
 */

/**
 * cyrb53: a fast 53-bit string hash, the same in every browser and version (ids depend on it).
 * Collisions are left to the caller: derived ids take the next number when theirs is taken.
 */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** JSON with object keys sorted and undefined members left out: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const EVENT_PREFIX = 'ev-';
const DERIVED = /^ev-([0-9a-z]{1,11})(?:-([1-9]\d{0,5}))?$/;

/** What an event says, without its id. */
export type EventContent = LedgerEvent extends infer E
  ? E extends LedgerEvent
    ? Omit<E, 'id'>
    : never
  : never;

function contentText(event: EventContent | LedgerEvent): string {
  const { id: _id, ...content } = event as LedgerEvent;
  return canonicalJson(content);
}

/** The id of the `occurrence`-th event with this content (the first has no number). */
export function eventId(content: EventContent | LedgerEvent, occurrence = 1): string {
  const id = EVENT_PREFIX + hash53(contentText(content));
  return occurrence === 1 ? id : `${id}-${occurrence}`;
}

/**
 * Which occurrence of its content an event's id says it is, when the id is derived from the
 * content; undefined for any other id (random ids of older versions, ids of other tools).
 */
export function eventOccurrence(event: LedgerEvent): number | undefined {
  const match = DERIVED.exec(event.id);
  if (!match) return undefined;
  const occurrence = match[2] === undefined ? 1 : Number(match[2]);
  return match[1] === hash53(contentText(event)) ? occurrence : undefined;
}

/** An event about to be recorded, without its id. */
export type EventDraft = LedgerEventInput extends infer E
  ? E extends LedgerEventInput
    ? Omit<E, 'id'>
    : never
  : never;

/**
 * A new event, validated, its defaults filled in, with the id of its content. The repository
 * numbers it on (`eventId(content, 2)`…) if an event with that content was already recorded.
 * Throws on what the schema refuses, as the repository would.
 */
export function newEvent(draft: EventDraft): LedgerEvent {
  const parsed = eventSchema.parse({ ...draft, id: EVENT_PREFIX });
  return { ...parsed, id: eventId(parsed) };
}
