import { z } from 'zod';
import { centsSchema, channelSchema, idSchema, isoDateSchema } from './primitives';

/**
 * The history is append-only: what happened is never edited, a correction is a new event.
 * Every event names the client and the invoices it concerns and the day it happened.
 */
const base = {
  id: idSchema,
  clientId: idSchema,
  invoiceIds: z.array(idSchema).min(1),
  date: isoDateSchema,
  note: z.string().max(5000).default(''),
};

/** A reminder sent (email, letter, SMS) or made (phone), at a step of the scenario. */
export const reminderEventSchema = z.object({
  ...base,
  type: z.literal('reminder'),
  stepId: idSchema,
  channel: channelSchema,
});

export const callOutcomeSchema = z.enum([
  'promise',
  'dispute',
  'paid',
  'no_answer',
  'wrong_contact',
  'callback',
]);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

/** A phone call and what came out of it; with a stepId it is that step of the scenario done. */
export const callEventSchema = z.object({
  ...base,
  type: z.literal('call'),
  stepId: idSchema.optional(),
  outcome: callOutcomeSchema,
});

/** A promise to pay pauses the scenario until the promised date, plus a grace period. */
export const promiseEventSchema = z.object({
  ...base,
  type: z.literal('promise'),
  promisedDate: isoDateSchema,
  amountCents: centsSchema.min(0),
});

/** A dispute pauses the scenario until it is resolved. */
export const disputeEventSchema = z.object({
  ...base,
  type: z.literal('dispute'),
  reason: z.string().max(2000),
});

export const disputeResolutionSchema = z.enum(['upheld', 'rejected', 'credit_note', 'withdrawn']);
export const disputeResolvedEventSchema = z.object({
  ...base,
  type: z.literal('dispute_resolved'),
  disputeId: idSchema,
  resolution: disputeResolutionSchema,
});

/** A payment received for one invoice (partial or full). */
export const paymentEventSchema = z.object({
  ...base,
  type: z.literal('payment'),
  invoiceIds: z.array(idSchema).length(1),
  amountCents: centsSchema.min(1),
});

export const instalmentSchema = z.object({
  dueDate: isoDateSchema,
  amountCents: centsSchema.min(1),
});
export type Instalment = z.infer<typeof instalmentSchema>;

/** An accepted payment plan: the instalments replace the scenario while they are honoured. */
export const planEventSchema = z.object({
  ...base,
  type: z.literal('plan'),
  instalments: z.array(instalmentSchema).min(1),
});

/** The user chose on purpose to pass over a step (e.g. go straight to the formal notice). */
export const skipEventSchema = z.object({
  ...base,
  type: z.literal('skip'),
  stepId: idSchema,
});

/** A manual pause, open-ended or until a date, and its end. */
export const pauseEventSchema = z.object({
  ...base,
  type: z.literal('pause'),
  until: isoDateSchema.optional(),
});
export const resumeEventSchema = z.object({
  ...base,
  type: z.literal('resume'),
});

export const eventSchema = z.discriminatedUnion('type', [
  reminderEventSchema,
  callEventSchema,
  promiseEventSchema,
  disputeEventSchema,
  disputeResolvedEventSchema,
  paymentEventSchema,
  planEventSchema,
  skipEventSchema,
  pauseEventSchema,
  resumeEventSchema,
]);
export type LedgerEvent = z.infer<typeof eventSchema>;
export type LedgerEventInput = z.input<typeof eventSchema>;
export type EventType = LedgerEvent['type'];
export type EventOf<T extends EventType> = Extract<LedgerEvent, { type: T }>;
