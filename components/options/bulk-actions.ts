import type { IsoDate, LedgerEventInput } from '../../lib/domain/schemas';
import type { TrackingRow } from './tracking-model';

export type NewId = () => string;

const closed = new Set(['settled', 'credit_note']);

/** One payment per invoice, for what is left to pay, dated today. Settled rows and credit notes are skipped. */
export function markPaidEvents(
  rows: readonly TrackingRow[],
  today: IsoDate,
  newId: NewId,
): LedgerEventInput[] {
  return rows
    .filter((row) => !closed.has(row.state) && row.remainingCents > 0)
    .map((row) => ({
      id: newId(),
      type: 'payment',
      clientId: row.clientId,
      invoiceIds: [row.id],
      date: today,
      amountCents: row.remainingCents,
    }));
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
export function pauseEvents(rows: readonly TrackingRow[], today: IsoDate, newId: NewId): LedgerEventInput[] {
  const open = rows.filter((row) => !closed.has(row.state) && row.state !== 'paused_manual');
  return [...byClient(open)].map(([clientId, invoiceIds]) => ({
    id: newId(),
    type: 'pause',
    clientId,
    invoiceIds,
    date: today,
  }));
}

/** Ends the manual pause of the selected invoices that have one. */
export function resumeEvents(rows: readonly TrackingRow[], today: IsoDate, newId: NewId): LedgerEventInput[] {
  const paused = rows.filter((row) => row.state === 'paused_manual');
  return [...byClient(paused)].map(([clientId, invoiceIds]) => ({
    id: newId(),
    type: 'resume',
    clientId,
    invoiceIds,
    date: today,
  }));
}
