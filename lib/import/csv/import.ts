import type { IsoDate } from '../../domain/schemas';
import { guessDecimalSeparator, type DecimalSeparator } from '../amounts';
import { guessDateOrder, type DateOrder } from '../dates';
import type { ImportIssue } from '../issues';
import {
  countResult,
  mergeCandidates,
  type ImportCandidate,
  type ImportResult,
  type LedgerSnapshot,
} from '../merge';
import { analyseCsv, columnValues, missingFields, type CsvAnalysis } from './analyse';
import type { CsvMapping } from './fields';
import { readRow } from './rows';

export interface CsvImportOptions {
  /** Days from the issue date to the due date when a row has neither a due date nor readable terms. Default 30 (L441-10). */
  defaultDueDays?: number;
  /** Currency of rows without a currency column. Default EUR. */
  currency?: string;
  /** Override the detected decimal separator of amounts. */
  decimalSeparator?: DecimalSeparator;
  /** Override the detected day/month order of dates. */
  dateOrder?: DateOrder;
  /** Read bare 5-digit numbers in date columns as Excel serial days. Default true. */
  excelSerial?: boolean;
}

/**
 * Imports a CSV export into the ledger, as a result to review and write: nothing is written
 * here. `mapping` is the analysis's proposal or the user's correction of it (undefined: the
 * proposal). Rows are read one by one; a bad row is reported with its line, column, value and
 * reason and never stops the others.
 */
export function importCsv(
  input: Uint8Array | string | CsvAnalysis,
  mapping: CsvMapping | undefined,
  ledger: LedgerSnapshot,
  today: IsoDate,
  options: CsvImportOptions = {},
): ImportResult {
  const analysis = typeof input === 'object' && 'rows' in input ? input : analyseCsv(input);
  const issues: ImportIssue[] = [];
  const chosen = mapping ?? analysis.mapping;
  if (analysis.error) issues.push(analysis.error);
  const missing = missingFields(chosen);
  if (analysis.error || missing.length > 0) {
    for (const field of missing) {
      issues.push({ severity: 'error', key: 'import.file.missingColumn', params: { field } });
    }
    return {
      invoices: [],
      clients: [],
      issues,
      counts: countResult(analysis.rowCount, { invoices: [], clients: [] }, []),
    };
  }

  const rows = analysis.rows;
  const context = {
    mapping: chosen,
    headers: analysis.headers,
    decimal:
      options.decimalSeparator ??
      guessDecimalSeparator([...columnValues(rows, chosen.total), ...columnValues(rows, chosen.remaining)]),
    dateOrder:
      options.dateOrder ??
      guessDateOrder([...columnValues(rows, chosen.issueDate), ...columnValues(rows, chosen.dueDate)]),
    today,
    defaultDueDays: options.defaultDueDays ?? 30,
    currency: options.currency ?? 'EUR',
    excelSerial: options.excelSerial ?? true,
  };
  const candidates: ImportCandidate[] = [];
  for (const row of rows) {
    const candidate = readRow(row, context, issues);
    if (candidate) candidates.push(candidate);
  }
  const merged = mergeCandidates(candidates, ledger, issues);
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...merged, issues, counts: countResult(rows.length, merged, issues) };
}
