import Papa from 'papaparse';
import { guessDecimalSeparator, type DecimalSeparator } from '../amounts';
import { guessDateOrder, type DateOrder } from '../dates';
import { decodeText, type TextEncodingName } from '../decode';
import { issue, type ImportIssue } from '../issues';
import { CONFIDENT, csvFields, scoreHeader, typeColumnField, type CsvField, type CsvMapping } from './fields';

export type CsvDelimiter = ';' | ',' | '\t' | '|';
const DELIMITERS: CsvDelimiter[] = [';', '\t', ',', '|'];

export interface CsvRow {
  /** Line of the file where the row starts, from 1. */
  line: number;
  cells: string[];
  /** Papaparse's complaint about this row (an unclosed quote…), if any. */
  parseError?: string;
}

export interface CsvColumn {
  index: number;
  header: string;
  /** The field this column was recognised as, if any. */
  field?: CsvField;
  /** 0 to 1: how sure the recognition is; below {@link CONFIDENT} the UI should ask. */
  confidence: number;
}

export interface CsvAnalysis {
  encoding: TextEncodingName;
  delimiter: CsvDelimiter;
  /** Line of the header row: exports often start with a title and a blank line. */
  headerLine: number;
  headers: string[];
  columns: CsvColumn[];
  /** The first data rows, for a preview. */
  sampleRows: string[][];
  /** Data rows, blank lines excluded. */
  rowCount: number;
  /** The proposed mapping: column index per field. */
  mapping: CsvMapping;
  /** Confidence per mapped field (same figures as `columns`). */
  confidence: Partial<Record<CsvField, number>>;
  /** Required information no column was found for; `total` stands for "total or remaining", `issueDate` for "a date". */
  missingRequired: CsvField[];
  /** Fields mapped with a confidence below {@link CONFIDENT}: show them for confirmation. */
  uncertain: CsvField[];
  decimalSeparator: DecimalSeparator;
  dateOrder: DateOrder;
  /** A problem with the whole file (empty, no header), if any. */
  error?: ImportIssue;
  /** All data rows, kept so that `importCsv(analysis, …)` does not parse again. */
  rows: CsvRow[];
}

const SAMPLE_ROWS = 5;
const HEADER_SEARCH_ROWS = 10;
/** A spreadsheet export has no business being larger; beyond it the browser tab suffers. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/** The delimiter that splits the first lines into the same number of cells most consistently. */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 30);
  let best: CsvDelimiter = ';';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let score = 0;
    for (const [count, times] of frequency) score = Math.max(score, times * Math.log2(count + 1));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.length === 0) continue;
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count += 1;
  }
  return count;
}

/** Parses the text into rows numbered by their first line, blank lines dropped. */
function parseRows(text: string, delimiter: CsvDelimiter): CsvRow[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  const errors = new Map<number, string>();
  for (const error of parsed.errors) if (error.row !== undefined) errors.set(error.row, error.code);
  const rows: CsvRow[] = [];
  let line = 1;
  parsed.data.forEach((cells, i) => {
    const blank = cells.every((cell) => cell.trim() === '');
    const error = errors.get(i);
    if (!blank || error) rows.push({ line, cells, ...(error && { parseError: error }) });
    line += 1 + countNewlines(cells);
  });
  return rows;
}

/** Proposes a field for each column from its header (and, for a bare "Type", from its values). */
export function guessMapping(headers: readonly string[], rows: readonly CsvRow[]): CsvColumn[] {
  const options: { index: number; field: CsvField; score: number }[] = [];
  headers.forEach((header, index) => {
    const scores = scoreHeader(header);
    if (scores.has('segment') && scores.has('docType') && scores.get('segment') === scores.get('docType')) {
      const values = rows.slice(0, 50).map((row) => row.cells[index] ?? '');
      const field = typeColumnField(values);
      if (field) scores.set(field, Math.max(scores.get(field)! + 0.3, CONFIDENT));
    }
    for (const [field, score] of scores) if (score >= 0.5) options.push({ index, field, score });
  });
  options.sort((a, b) => b.score - a.score || a.index - b.index);
  const columns: CsvColumn[] = headers.map((header, index) => ({ index, header, confidence: 0 }));
  const taken = new Set<CsvField>();
  for (const option of options) {
    const column = columns[option.index]!;
    if (column.field || taken.has(option.field)) continue;
    column.field = option.field;
    column.confidence = Math.round(option.score * 100) / 100;
    taken.add(option.field);
  }
  return columns;
}

/** Required information missing from a mapping; see {@link CsvAnalysis.missingRequired}. */
export function missingFields(mapping: CsvMapping): CsvField[] {
  const missing: CsvField[] = [];
  if (mapping.number === undefined) missing.push('number');
  if (mapping.client === undefined) missing.push('client');
  if (mapping.total === undefined && mapping.remaining === undefined) missing.push('total');
  if (mapping.issueDate === undefined && mapping.dueDate === undefined) missing.push('issueDate');
  return missing;
}

export function columnValues(rows: readonly CsvRow[], index: number | undefined, limit = 500): string[] {
  if (index === undefined) return [];
  const values: string[] = [];
  for (const row of rows) {
    const value = row.cells[index];
    if (value !== undefined && value.trim() !== '') values.push(value);
    if (values.length >= limit) break;
  }
  return values;
}

/**
 * Reads a CSV export far enough to show a preview and propose a mapping: encoding, delimiter,
 * header row, the field of each column with a confidence, and what is missing.
 */
export function analyseCsv(input: Uint8Array | string): CsvAnalysis {
  const { text, encoding } =
    typeof input === 'string'
      ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const }
      : decodeText(input);
  const delimiter = detectDelimiter(text);
  const allRows =
    typeof input !== 'string' && input.byteLength > MAX_CSV_BYTES ? [] : parseRows(text, delimiter);

  let headerAt = 0;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, allRows.length); i++) {
    const recognised = allRows[i]!.cells.filter((cell) =>
      [...scoreHeader(cell).values()].some((s) => s >= 0.6),
    );
    if (recognised.length >= 2) {
      headerAt = i;
      break;
    }
  }
  const headerRow = allRows[headerAt];
  const headers = (headerRow?.cells ?? []).map((cell) => cell.trim());
  const rows = allRows.slice(headerAt + 1);
  const columns = guessMapping(headers, rows);

  const mapping: CsvMapping = {};
  const confidence: Partial<Record<CsvField, number>> = {};
  for (const column of columns) {
    if (!column.field) continue;
    mapping[column.field] = column.index;
    confidence[column.field] = column.confidence;
  }
  const uncertain = csvFields.filter(
    (field) => confidence[field] !== undefined && confidence[field]! < CONFIDENT,
  );

  let error: ImportIssue | undefined;
  if (typeof input !== 'string' && input.byteLength > MAX_CSV_BYTES) {
    error = issue('error', 'import.file.tooLarge', {}, { megabytes: MAX_CSV_BYTES / 1024 / 1024 });
  } else if (!headerRow) error = issue('error', 'import.file.empty');
  else if (rows.length === 0) error = issue('error', 'import.file.noRows');

  return {
    encoding,
    delimiter,
    headerLine: headerRow?.line ?? 1,
    headers,
    columns,
    sampleRows: rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
    rowCount: rows.length,
    mapping,
    confidence,
    missingRequired: missingFields(mapping),
    uncertain,
    decimalSeparator: guessDecimalSeparator([
      ...columnValues(rows, mapping.total),
      ...columnValues(rows, mapping.remaining),
    ]),
    dateOrder: guessDateOrder([
      ...columnValues(rows, mapping.issueDate),
      ...columnValues(rows, mapping.dueDate),
    ]),
    ...(error && { error }),
    rows,
  };
}
