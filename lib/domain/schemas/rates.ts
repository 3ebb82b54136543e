import { z } from 'zod';
import { basisPointsSchema } from './primitives';

/** `2026-H1` is January–June 2026, `2026-H2` July–December. */
export const halfYearSchema = z.string().regex(/^\d{4}-H[12]$/, 'expected a half-year like 2026-H1');
export type HalfYear = z.infer<typeof halfYearSchema>;

/**
 * The rates of one half-year, in basis points, as published: the ECB main refinancing rate in
 * force on 1 January or 1 July, and the two legal interest rates (creditor is a consumer /
 * all other cases).
 */
export const halfYearRatesSchema = z.object({
  period: halfYearSchema,
  ecbBps: basisPointsSchema,
  legalConsumerBps: basisPointsSchema,
  legalOtherBps: basisPointsSchema,
});
export type HalfYearRates = z.infer<typeof halfYearRatesSchema>;

/** Rates change every half-year: they are data the user can edit, never code. */
export const rateTableSchema = z.object({
  halfYears: z
    .array(halfYearRatesSchema)
    .refine((rows) => new Set(rows.map((r) => r.period)).size === rows.length, {
      message: 'a half-year appears twice',
    }),
});
export type RateTable = z.infer<typeof rateTableSchema>;
