import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventId, eventOccurrence, hash53, newEvent } from '../../../lib/domain/ids';
import { eventSchema, type LedgerEvent } from '../../../lib/domain/schemas';

const reminder = {
  type: 'reminder' as const,
  clientId: 'c1',
  invoiceIds: ['i1', 'i2'],
  date: '2026-11-25',
  stepId: 'b-friendly',
  channel: 'email' as const,
};

describe('event ids', () => {
  it('are the id of the content: the same fact gets the same id on every browser', () => {
    const a = newEvent(reminder);
    // The same content, its keys in another order.
    const b = newEvent(Object.fromEntries(Object.entries(reminder).reverse()) as typeof reminder);
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^ev-[0-9a-z]+$/);
    expect(eventSchema.parse(a)).toEqual(a);
    // Defaults are filled in before the content is hashed: the stored event gives the same id.
    expect(a.note).toBe('');
    expect(eventOccurrence(a)).toBe(1);
  });

  it('differ when anything the event says differs', () => {
    const base = newEvent(reminder).id;
    expect(newEvent({ ...reminder, date: '2026-11-26' }).id).not.toBe(base);
    expect(newEvent({ ...reminder, invoiceIds: ['i2', 'i1'] }).id).not.toBe(base);
    expect(newEvent({ ...reminder, note: 'envoyée à la comptable' }).id).not.toBe(base);
    expect(newEvent({ ...reminder, type: 'skip' }).id).not.toBe(base);
  });

  it('say which occurrence of their content they are, and only for the content they were made from', () => {
    const event = newEvent(reminder);
    const third = { ...event, id: eventId(event, 3) };
    expect(third.id).toBe(`${event.id}-3`);
    expect(eventOccurrence(third)).toBe(3);
    // An id made for other content, a random one, or one that only looks derived: not derived.
    expect(eventOccurrence({ ...event, date: '2026-11-26' })).toBeUndefined();
    expect(eventOccurrence({ ...event, id: crypto.randomUUID() })).toBeUndefined();
    expect(eventOccurrence({ ...event, id: `${event.id}-0` })).toBeUndefined();
    expect(eventOccurrence({ ...event, id: `${event.id}x` })).toBeUndefined();
  });

  it('are refused for what the schema refuses, as the repository would', () => {
    expect(() => newEvent({ ...reminder, invoiceIds: [] })).toThrow();
  });

  it('hash any content, whatever the order of its keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(hash53(canonicalJson(value))).toMatch(/^[0-9a-z]{1,11}$/);
      }),
    );
  });

  it('are stable across versions: a known event keeps its id', () => {
    // Ids are stored and synced: the hash and the canonical text must never change.
    const event: LedgerEvent = newEvent(reminder);
    expect(event.id).toBe(FROZEN_ID);
  });
});

const FROZEN_ID = 'ev-7fggyo6me7';
