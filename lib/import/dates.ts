import { addDays } from '../domain/calendar';
import type { IsoDate } from '../domain/schemas';

/** Day before month (France, most of Europe) or month before day (United States exports). */
export type DateOrder = 'dmy' | 'mdy';

export interface DateOptions {
  order?: DateOrder;
  /** Two-digit years are placed in the century that puts them nearest this day. */
  today?: IsoDate;
  /** Reads a bare number as an Excel serial day (1 = 1900-01-01) when the column is dates. */
  excelSerial?: boolean;
}

const SEPARATED = /^(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{1,4})$/;
/** Time of day after a date ("2026-11-23T00:00:00", "23/11/2026 00:00"): ignored. */
const TIME = /(?:[T\s]\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/i;
/** Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for. */
const EXCEL_EPOCH: IsoDate = '1899-12-30';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The date if it exists (no 31/02), checked by arithmetic: this runs once per cell of large files. */
function build(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(year: number, digits: number, today: IsoDate | undefined): number {
  if (digits > 2) return year;
  const current = today ? Number(today.slice(0, 4)) : 2000;
  // Within 80 years back and 20 ahead of today: invoices are recent, birth dates are not invoices.
  let full = Math.floor(current / 100) * 100 + year;
  if (full > current + 20) full -= 100;
  else if (full < current - 80) full += 100;
  return full;
}

/**
 * Reads a calendar date from a cell: `23/11/2026`, `23-11-26`, `23.11.2026`, `2026-11-23`,
 * `20261123`, with an optional time that is dropped, and Excel serial numbers when asked.
 * Returns undefined for anything else, including dates that do not exist (31/02).
 */
export function parseDate(raw: string, options: DateOptions = {}): IsoDate | undefined {
  const text = raw.trim().replace(TIME, '').trim();
  if (text === '') return undefined;
  if (/^\d{8}$/.test(text)) {
    return build(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
  }
  if (options.excelSerial && /^\d{5}(?:[.,]\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text.replace(',', '.')));
    return serial >= 20_000 && serial <= 80_000 ? addDays(EXCEL_EPOCH, serial) : undefined;
  }
  const match = SEPARATED.exec(text);
  if (!match) return undefined;
  const [, a, b, c] = match as unknown as [string, string, string, string];
  if (a.length === 4) return build(Number(a), Number(b), Number(c));
  if (c.length !== 4 && c.length !== 2) return undefined;
  const year = fullYear(Number(c), c.length, options.today);
  return options.order === 'mdy' ? build(year, Number(a), Number(b)) : build(year, Number(b), Number(a));
}

/**
 * Day-first unless the column proves otherwise: a first part above 12 means day first, a second
 * part above 12 month first. Files from France are day-first even when every day is ≤ 12.
 */
export function guessDateOrder(values: Iterable<string>): DateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const value of values) {
    const match = SEPARATED.exec(value.trim().replace(TIME, '').trim());
    if (!match || match[1]!.length === 4) continue;
    if (Number(match[1]) > 12) dayFirst += 1;
    else if (Number(match[2]) > 12) monthFirst += 1;
  }
  return monthFirst > dayFirst ? 'mdy' : 'dmy';
}

/** CII dates: format 102 is `YYYYMMDD`; 610 (`YYYYMM`) and 616 (`YYYYWW`) are not a day. */
export function parseCompactDate(raw: string): IsoDate | undefined {
  const text = raw.trim();
  return /^\d{8}$/.test(text) ? parseDate(text) : undefined;
}
