import { z } from 'zod';
import { domainSchema, emailSchema, idSchema, languageSchema, sirenSchema } from './primitives';

/** Who the debtor is decides the law that applies and the scenario followed. */
export const segmentSchema = z.enum(['business', 'consumer', 'public', 'key_account']);
export type Segment = z.infer<typeof segmentSchema>;

/** The relationship sets the tone: warmer for loyal clients, more direct for late payers. */
export const relationshipSchema = z.enum(['loyal', 'regular', 'new', 'late_payer']);
export type Relationship = z.infer<typeof relationshipSchema>;

export const civilitySchema = z.enum(['mme', 'm', 'none']);
export type Civility = z.infer<typeof civilitySchema>;

export const contactSchema = z.object({
  civility: civilitySchema.default('none'),
  firstName: z.string().max(100).default(''),
  lastName: z.string().max(100).default(''),
  role: z.string().max(100).default(''),
  phone: z.string().max(40).default(''),
});
export type Contact = z.infer<typeof contactSchema>;

export const clientSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  segment: segmentSchema.default('business'),
  relationship: relationshipSchema.default('regular'),
  language: languageSchema.default('fr'),
  contact: contactSchema.default({ civility: 'none', firstName: '', lastName: '', role: '', phone: '' }),
  emails: z.array(emailSchema).default([]),
  domains: z.array(domainSchema).default([]),
  /** Postal address, one line per entry, used on letters. */
  address: z.array(z.string().max(200)).default([]),
  siren: sirenSchema.optional(),
  notes: z.string().max(5000).default(''),
  /** A scenario of the client's own; otherwise the default of its segment applies. */
  scenarioId: idSchema.optional(),
});
export type Client = z.infer<typeof clientSchema>;
export type ClientInput = z.input<typeof clientSchema>;
