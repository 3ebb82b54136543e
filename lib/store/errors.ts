import type { z } from 'zod';

/** A record refused by its schema: the message names the field so the user can fix it. */
export class LedgerValidationError extends Error {
  constructor(
    readonly kind: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    const first = issues[0];
    super(`${kind}: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}`);
    this.name = 'LedgerValidationError';
  }
}

/** The history is append-only: an event id cannot be written twice. */
export class EventExistsError extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} is already in the history`);
    this.name = 'EventExistsError';
  }
}
