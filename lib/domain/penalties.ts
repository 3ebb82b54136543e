import { addDays, daysBetween } from './calendar';
import { proportion } from './money';
import { halfYearEnd, halfYearOf, ratesFor } from './rates';
import type { HalfYear, HalfYearRates, IsoDate, RateTable, Segment } from './schemas';

/**
 * Late-payment penalties of one invoice under French law (see DOMAIN.md, "The law").
 *
 * Day convention: the due date itself is not late. Interest runs from the day after the due
 * date up to and including `today`, so the number of days late is `daysBetween(dueDate, today)`
 * and an invoice looked at on its due date owes nothing. A payment counts against the
 * principal from the day after it is received: the day it arrives is still a late day for the
 * amount paid (paid one day after the due date = one day late).
 *
 * Interest is simple: principal × rate × days / 365, split wherever the rate (each half-year)
 * or the principal (each payment) changes.
 */

/** D441-5: 40 € per late invoice, between professionals and for public buyers; outside VAT. */
export const RECOVERY_INDEMNITY_CENTS = 4000;

/** L441-10 II: ECB rate + 10 points when the terms of sale set no rate. */
const BUSINESS_MARGIN_BPS = 1000;
/** Code de la commande publique R2192-31: ECB rate + 8 points, fixed by law. */
const PUBLIC_MARGIN_BPS = 800;
/** L441-10 II: a contractual rate may not be below 3 × the legal rate ("autres cas"). */
const FLOOR_MULTIPLIER = 3;

/**
 * Always 365, also in leap years: the statutory formula (amount × rate × days / 365) is the one
 * the administration publishes for L441-10, and a fixed year keeps a late day worth the same
 * whichever half-year it falls in, so splitting a period never changes the result.
 */
const DAYS_PER_YEAR = 365;
const BPS_PER_UNIT = 10_000;
const DENOMINATOR = BPS_PER_UNIT * DAYS_PER_YEAR;

/** Codes, not sentences: the UI translates them from the i18n catalogs. */
export const penaltyWarnings = [
  /** A half-year is missing from the rate table; an earlier row was used. Ask to update it. */
  'rate_assumed',
  /** The rate table is empty: no legal rate to apply or to check a contractual rate against. */
  'rates_missing',
  /** The contractual rate is below 3 × the legal rate; the floor was applied instead. */
  'contractual_rate_below_floor',
  /** Public buyers and consumers: the law sets the rate, a contractual rate is not used. */
  'contractual_rate_ignored',
  /** Consumer late without a formal notice (mise en demeure): no interest runs yet. */
  'no_formal_notice',
] as const;
export type PenaltyWarning = (typeof penaltyWarnings)[number];

export interface PenaltyPayment {
  date: IsoDate;
  amountCents: number;
}

export interface PenaltyInput {
  /** Invoice total including VAT: penalties run on the amount incl. VAT. */
  amountCents: number;
  dueDate: IsoDate;
  /** Payments received, in any order; amounts beyond the principal are ignored. */
  payments?: readonly PenaltyPayment[];
  /** A credit note is owed by the user, not to them: no penalties. */
  isCreditNote?: boolean;
  segment: Segment;
  today: IsoDate;
  rates: RateTable;
  /** Rate from the terms of sale; used for businesses only, never below the legal floor. */
  contractualRateBps?: number;
  /** Consumers only: interest runs from the day after the formal notice. Ignored otherwise. */
  formalNoticeDate?: IsoDate;
}

/** A stretch of days with one principal and one rate; `from` and `to` are both included. */
export interface PenaltyPeriod {
  from: IsoDate;
  to: IsoDate;
  days: number;
  principalCents: number;
  rateBps: number;
  /** Rounded for display only; the total is rounded from the exact sum, not from these. */
  interestCents: number;
  /** The rate (or the floor it was checked against) comes from a stand-in row of the table. */
  assumedRate: boolean;
}

export interface PenaltyResult {
  interestCents: number;
  indemnityCents: number;
  totalCents: number;
  periods: PenaltyPeriod[];
  warnings: PenaltyWarning[];
}

/** The lowest contractual rate L441-10 II allows in a half-year: 3 × the legal rate "autres cas". */
export function legalFloorBps(table: RateTable, halfYear: HalfYear): number | undefined {
  const row = ratesFor(table, halfYear);
  return row && FLOOR_MULTIPLIER * row.legalOtherBps;
}

/** The rate the law sets for a segment when no (valid) contractual rate applies. */
function statutoryBps(segment: Segment, row: HalfYearRates): number {
  switch (segment) {
    case 'consumer':
      // The creditor is a business, so the consumer owes the "autres cas" rate, not the
      // higher one reserved for creditors who are themselves consumers.
      return row.legalOtherBps;
    case 'public':
      return row.ecbBps + PUBLIC_MARGIN_BPS;
    case 'business':
    case 'key_account':
      return row.ecbBps + BUSINESS_MARGIN_BPS;
  }
}

interface AppliedRate {
  bps: number;
  assumed: boolean;
  belowFloor: boolean;
}

function applicableRate(input: PenaltyInput, halfYear: HalfYear): AppliedRate | undefined {
  const row = ratesFor(input.rates, halfYear);
  const contractual = input.contractualRateBps;
  const business = input.segment === 'business' || input.segment === 'key_account';
  if (business && contractual !== undefined) {
    // Without a table the floor cannot be checked; the contract still binds the client.
    if (!row) return { bps: contractual, assumed: false, belowFloor: false };
    const floor = FLOOR_MULTIPLIER * row.legalOtherBps;
    return { bps: Math.max(contractual, floor), assumed: row.assumed, belowFloor: contractual < floor };
  }
  return row && { bps: statutoryBps(input.segment, row), assumed: row.assumed, belowFloor: false };
}

/** Principal still unpaid on `day`: payments count from the day after they are received. */
function principalOn(input: PenaltyInput, day: IsoDate): number {
  let paid = 0;
  for (const payment of input.payments ?? []) if (payment.date < day) paid += payment.amountCents;
  return Math.max(0, input.amountCents - paid);
}

/** The last day, from `from` on, before the principal changes (the day after some payment). */
function lastDayOfSamePrincipal(input: PenaltyInput, from: IsoDate, limit: IsoDate): IsoDate {
  let last = limit;
  for (const payment of input.payments ?? []) {
    // The principal changes on payment.date + 1, so payment.date is the last day before it.
    if (payment.date >= from && payment.date < last) last = payment.date;
  }
  return last;
}

/** Canonical order, so that equal situations give equal results. */
function ordered(warnings: ReadonlySet<PenaltyWarning>): PenaltyWarning[] {
  return penaltyWarnings.filter((code) => warnings.has(code));
}

function nothingOwed(warnings: PenaltyWarning[] = []): PenaltyResult {
  return { interestCents: 0, indemnityCents: 0, totalCents: 0, periods: [], warnings };
}

/**
 * Penalties owed on one invoice as of `today`.
 *
 * An invoice paid in full by its due date, not yet due, or a credit note owes nothing. One paid
 * in full but late still owes the interest of its late days and, between professionals, the
 * 40 € indemnity: both are due by law as soon as payment is late, whether or not claimed.
 *
 * Rounding: each period's interest is kept exact, the exact sum is rounded once to the cent
 * (half away from zero), so the total may differ by a cent from the sum of the rounded
 * per-period figures, which are for display.
 */
export function computePenalties(input: PenaltyInput): PenaltyResult {
  const firstLateDay = addDays(input.dueDate, 1);
  const late =
    !input.isCreditNote &&
    input.amountCents > 0 &&
    input.today >= firstLateDay &&
    principalOn(input, firstLateDay) > 0;
  if (!late) return nothingOwed();

  const warnings = new Set<PenaltyWarning>();
  const consumer = input.segment === 'consumer';
  if (input.contractualRateBps !== undefined && (consumer || input.segment === 'public')) {
    warnings.add('contractual_rate_ignored');
  }

  let start = firstLateDay;
  if (consumer) {
    const notice = input.formalNoticeDate;
    // A notice dated after today has not been sent yet: no interest runs without one.
    if (notice === undefined || notice > input.today) {
      warnings.add('no_formal_notice');
      return nothingOwed(ordered(warnings));
    }
    // Like the due date, the day of the notice itself is not counted.
    if (addDays(notice, 1) > start) start = addDays(notice, 1);
  }
  if (start <= input.today && input.rates.halfYears.length === 0) warnings.add('rates_missing');

  const periods: PenaltyPeriod[] = [];
  // Sum of principal × bps × days, an integer: dividing it once keeps the total exact.
  let numerator = 0;
  for (let from = start; from <= input.today;) {
    const halfYear = halfYearOf(from);
    const halfYearLimit = halfYearEnd(halfYear) < input.today ? halfYearEnd(halfYear) : input.today;
    const to = lastDayOfSamePrincipal(input, from, halfYearLimit);
    const principalCents = principalOn(input, from);
    const days = daysBetween(from, to) + 1;
    const rate = applicableRate(input, halfYear);
    if (rate !== undefined && principalCents > 0) {
      if (rate.assumed) warnings.add('rate_assumed');
      if (rate.belowFloor) warnings.add('contractual_rate_below_floor');
      numerator += principalCents * rate.bps * days;
      periods.push({
        from,
        to,
        days,
        principalCents,
        rateBps: rate.bps,
        interestCents: proportion(principalCents, rate.bps * days, DENOMINATOR),
        assumedRate: rate.assumed,
      });
    }
    from = addDays(to, 1);
  }
  if (!Number.isSafeInteger(numerator)) {
    throw new RangeError(`penalty computation exceeds exact integer range (${numerator})`);
  }

  const interestCents = proportion(numerator, 1, DENOMINATOR);
  const indemnityCents = consumer ? 0 : RECOVERY_INDEMNITY_CENTS;
  return {
    interestCents,
    indemnityCents,
    totalCents: interestCents + indemnityCents,
    periods,
    warnings: ordered(warnings),
  };
}
