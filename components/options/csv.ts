import Papa from 'papaparse';
import { translate, type MessageKey } from '../../lib/i18n';
import { frenchDecimal } from './format';
import type { TrackingRow } from './tracking-model';

/**
 * The selection as a CSV for French spreadsheets: `;` between cells, decimal commas, a BOM so
 * Excel reads UTF-8. Cells that a spreadsheet would run as a formula are defused: client names
 * and numbers come from imports and are hostile.
 */
const columns: [MessageKey, (row: TrackingRow) => string | number][] = [
  ['options.csv.client', (row) => row.clientName],
  ['options.csv.number', (row) => row.number],
  ['options.csv.email', (row) => row.emails.join(', ')],
  ['options.csv.segment', (row) => translate('fr', `segment.${row.segment}`)],
  ['options.csv.amount', (row) => frenchDecimal(row.amountCents)],
  ['options.csv.paid', (row) => frenchDecimal(row.paidCents)],
  ['options.csv.remaining', (row) => frenchDecimal(row.remainingCents)],
  ['options.csv.currency', (row) => row.currency],
  ['options.csv.issueDate', (row) => row.issueDate],
  ['options.csv.dueDate', (row) => row.dueDate],
  ['options.csv.daysLate', (row) => row.daysLate],
  ['options.csv.step', (row) => (row.reachedTone ? translate('fr', `tone.${row.reachedTone}`) : '')],
  [
    'options.csv.lastAction',
    (row) => (row.lastAction ? translate('fr', `options.event.${row.lastAction.type}`) : ''),
  ],
  ['options.csv.lastActionDate', (row) => row.lastAction?.date ?? ''],
  ['options.csv.next', (row) => (row.next ? translate('fr', `tone.${row.next.tone}`) : '')],
  ['options.csv.nextDate', (row) => row.next?.date ?? ''],
  ['options.csv.state', (row) => translate('fr', `state.${row.state}`)],
];

/** A leading = + @ tab or CR, or a minus not starting a number, makes a formula. */
const FORMULA = /^(?:[=+@\t\r]|-(?!\d+(?:,\d+)?$))/;

export function trackingCsv(rows: readonly TrackingRow[]): string {
  const fields = columns.map(([key]) => translate('fr', key));
  const data = rows.map((row) => columns.map(([, cell]) => cell(row)));
  return `\ufeff${Papa.unparse({ fields, data }, { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA })}`;
}
