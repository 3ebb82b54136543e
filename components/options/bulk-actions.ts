import { newEvent } from '../../lib/domain/ids';
import type { IsoDate, LedgerEvent } from '../../lib/domain/schemas';
import type { TrackingRow } from './tracking-model';

/** Ids of new records the user makes by hand (scenario steps): random, unique across browsers. */
export type NewId = () => string;

const closed = new Set(['settled', 'credit_note']);

/** One payment per invoice, for what is left to pay, dated today. Settled rows and credit notes are skipped. */
export function markPaidEvents(rows: readonly TrackingRow[], today: IsoDate): LedgerEvent[] {
  return rows
    .filter((row) => !closed.has(row.state) && row.remainingCents > 0)
    .map((row) =>
      newEvent({
        type: 'payment',
        clientId: row.clientId,
        invoiceIds: [row.id],
        date: today,
        amountCents: row.remainingCents,
      }),
    );
}

/** Events name one client each: the selection is grouped by client. */
function byClient(rows: readonly TrackingRow[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const ids = groups.get(row.clientId);
    if (ids) ids.push(row.id);
    else groups.set(row.clientId, [row.id]);
  }
  return groups;
}

/** An open-ended manual pause of every selected invoice still chased. */
export function pauseEvents(rows: readonly TrackingRow[], today: IsoDate): LedgerEvent[] {
  const open = rows.filter((row) => !closed.has(row.state) && row.state !== 'paused_manual');
  return [...byClient(open)].map(([clientId, invoiceIds]) =>
    newEvent({
      type: 'pause',
      clientId,
      invoiceIds,
      date: today,
    }),
  );
}

/** Ends the manual pause of the selected invoices that have one. */
export function resumeEvents(rows: readonly TrackingRow[], today: IsoDate): LedgerEvent[] {
  const paused = rows.filter((row) => row.state === 'paused_manual');
  return [...byClient(paused)].map(([clientId, invoiceIds]) =>
    newEvent({
      type: 'resume',
      clientId,
      invoiceIds,
      date: today,
    }),
  );
}
