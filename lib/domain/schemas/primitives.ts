import { z } from 'zod';

/** A calendar date without time, `YYYY-MM-DD`, checked to exist (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'this date does not exist');
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Integer cents; money never travels as a float. */
export const centsSchema = z.number().int();
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code');

/** Rates are stored in basis points (1 % = 100) so that 2.15 % is exactly 215. */
export const basisPointsSchema = z.number().int().min(0).max(100_000);

export const idSchema = z.string().min(1).max(200);
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/, 'not an email address');
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'not a domain name');
export const sirenSchema = z.string().regex(/^\d{9}$/, 'a SIREN has 9 digits');

export const languageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const channelSchema = z.enum(['email', 'phone', 'letter', 'sms']);
export type Channel = z.infer<typeof channelSchema>;
