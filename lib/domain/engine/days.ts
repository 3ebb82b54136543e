import { fromDayNumber, nextBusinessDay } from '../calendar';
import type { IsoDate } from '../schemas';

/**
 * The calendar's date arithmetic, made cheap: the engine turns dates into day numbers and back tens
 * of thousands of times per run. Day numbers come straight from the digits; dates and business
 * days are remembered in flat tables over 1970–2169, which a ledger never leaves (days outside
 * are computed each time).
 */
const SPAN = 200 * 366;
const isoDates: (IsoDate | undefined)[] = new Array(SPAN).fill(undefined);
/** The next business day of each day, plus one (0: not computed yet). */
const businessDays = new Int32Array(SPAN);

/**
 * The day number of a date (as `toDayNumber`), computed from its digits: cheaper than a lookup.
 * Days from the civil date, after H. Hinnant (https://howardhinnant.github.io/date_algorithms.html).
 */
export function dayOf(date: IsoDate): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return (
    era * 146_097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719_468
  );
}

export function dateOf(day: number): IsoDate {
  if (day < 0 || day >= SPAN) return fromDayNumber(day);
  return (isoDates[day] ??= fromDayNumber(day));
}

export function shift(date: IsoDate, days: number): IsoDate {
  return days === 0 ? date : dateOf(dayOf(date) + days);
}

/** The day itself when it is a business day (no weekend, no French public holiday), else the next one. */
export function businessDayOf(day: number): number {
  if (day < 0 || day >= SPAN) return dayOf(nextBusinessDay(dateOf(day)));
  let known = businessDays[day]!;
  if (known === 0) known = businessDays[day] = dayOf(nextBusinessDay(dateOf(day))) + 1;
  return known - 1;
}
