import type { HalfYear, HalfYearRates, IsoDate, RateTable } from './schemas';

/**
 * The published rates, per half-year, that late-payment penalties depend on.
 *
 * Rates change every six months and are published after the code ships, so they are data the
 * user keeps up to date in settings; this module only supplies the values known at release and
 * says, when a half-year is missing, which known row stands in for it.
 */

/**
 * Rows known at release, in basis points (1 % = 100).
 *
 * - `ecbBps`: ECB main refinancing rate in force on 1 January (H1) or 1 July (H2), as
 *   L441-10 II requires, not the rate of the day: 2024-H1 4.50 % (since 2023-09-20),
 *   2024-H2 4.25 % (2024-06-12), 2025-H1 3.15 % (2024-12-18), 2025-H2 and 2026-H1 2.15 %
 *   (2025-06-11, unchanged through the end of 2025).
 * - `legalConsumerBps` / `legalOtherBps`: legal interest rate when the creditor is a consumer /
 *   in all other cases, as published each half-year by arrêté.
 *
 * 2026-H2 is deliberately absent: it was not published when this table was written, and a
 * guessed rate would put a false figure in a letter. `ratesFor` carries 2026-H1 forward and
 * flags it as assumed instead.
 */
const KNOWN_RATES: readonly HalfYearRates[] = [
  { period: '2024-H1', ecbBps: 450, legalConsumerBps: 801, legalOtherBps: 507 },
  { period: '2024-H2', ecbBps: 425, legalConsumerBps: 816, legalOtherBps: 492 },
  { period: '2025-H1', ecbBps: 315, legalConsumerBps: 721, legalOtherBps: 371 },
  { period: '2025-H2', ecbBps: 215, legalConsumerBps: 665, legalOtherBps: 276 },
  { period: '2026-H1', ecbBps: 215, legalConsumerBps: 667, legalOtherBps: 262 },
];

/** A fresh copy each time, so a caller editing its table never alters the defaults. */
export function defaultRateTable(): RateTable {
  return { halfYears: KNOWN_RATES.map((row) => ({ ...row })) };
}

/** `2025-06-30` → `2025-H1`, `2025-07-01` → `2025-H2`. */
export function halfYearOf(date: IsoDate): HalfYear {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-H${month <= 6 ? 1 : 2}`;
}

/** First day of the half-year: 1 January or 1 July. */
export function halfYearStart(halfYear: HalfYear): IsoDate {
  return `${halfYear.slice(0, 4)}-${halfYear.endsWith('H1') ? '01-01' : '07-01'}`;
}

/** Last day of the half-year: 30 June or 31 December. */
export function halfYearEnd(halfYear: HalfYear): IsoDate {
  return `${halfYear.slice(0, 4)}-${halfYear.endsWith('H1') ? '06-30' : '12-31'}`;
}

/**
 * The rates to apply for a half-year. `period` stays the period of the row actually used, so
 * that with `assumed` the UI can say "2026-H1 rates used for 2026-H2: update the table".
 */
export interface RatesInForce extends HalfYearRates {
  /** True when the table has no row for the half-year asked and another row stands in. */
  assumed: boolean;
}

/**
 * The row of `halfYear`, or, when it is missing, the latest earlier row (rates rarely move
 * much in six months, and the user is told to check), or, before the first row, the first row.
 * Undefined only for an empty table: there is then nothing sensible to assume.
 *
 * Half-year labels have a four-digit year, so they order correctly as plain strings.
 */
export function ratesFor(table: RateTable, halfYear: HalfYear): RatesInForce | undefined {
  let earlier: HalfYearRates | undefined;
  let first: HalfYearRates | undefined;
  for (const row of table.halfYears) {
    if (row.period === halfYear) return { ...row, assumed: false };
    if (row.period < halfYear && (earlier === undefined || row.period > earlier.period)) earlier = row;
    if (first === undefined || row.period < first.period) first = row;
  }
  const standIn = earlier ?? first;
  return standIn && { ...standIn, assumed: true };
}
