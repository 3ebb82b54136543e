import { z } from 'zod';
import { templateOverridesSchema } from '../templates/set';
import { centsSchema, currencySchema, emailSchema, languageSchema } from './primitives';

export const settingsSchema = z.object({
  language: languageSchema.default('fr'),
  /** BCP 47 locale for numbers and dates; defaults from the language. */
  locale: z.string().max(20).default('fr-FR'),
  currency: currencySchema.default('EUR'),
  /** The user's own addresses: never taken for a client's. */
  ownEmails: z.array(emailSchema).default([]),
  /** No two contacts with the same client closer than this (also caps consumer solicitations). */
  minDaysBetweenContacts: z.number().int().min(0).max(60).default(5),
  /** Days after a promised date before the scenario resumes. */
  promiseGraceDays: z.number().int().min(0).max(60).default(3),
  /** Days after a missed instalment before a payment plan counts as broken. */
  planGraceDays: z.number().int().min(0).max(60).default(5),
  /** Above this amount due, the reminder is a personal message rather than the standard one. */
  personalThresholdCents: centsSchema.min(0).default(500_000),
  /** Settled invoices older than this stay on this device only when sync space is short. */
  syncSettledAfterDays: z.number().int().min(0).max(3650).default(90),
  /** Days given to pay in a formal notice (8 to 15 is customary). */
  formalNoticeDays: z.number().int().min(1).max(60).default(8),
  /** The user's edits of the reminder templates (lib/domain/templates); the rest are the defaults. */
  templates: templateOverridesSchema.default({}),
});
export type Settings = z.infer<typeof settingsSchema>;
