import { z } from 'zod';
import { emailSchema, sirenSchema } from './primitives';

/** Who is owed: printed on every reminder as the legal mentions a business reminder carries. */
export const companyProfileSchema = z.object({
  legalName: z.string().max(200).default(''),
  legalForm: z.string().max(100).default(''),
  shareCapital: z.string().max(100).default(''),
  address: z.array(z.string().max(200)).default([]),
  siren: z.union([sirenSchema, z.literal('')]).default(''),
  /** e.g. "RCS Lyon 123 456 789" */
  rcs: z.string().max(200).default(''),
  vatNumber: z.string().max(30).default(''),
  email: z.union([emailSchema, z.literal('')]).default(''),
  phone: z.string().max(40).default(''),
  iban: z.string().max(50).default(''),
  bic: z.string().max(20).default(''),
  paymentLink: z.union([z.string().url(), z.literal('')]).default(''),
  signature: z.string().max(2000).default(''),
  /** Where the terms of sale set penalties, e.g. "article 8 de nos CGV". */
  termsRef: z.string().max(200).default(''),
});
export type CompanyProfile = z.infer<typeof companyProfileSchema>;
