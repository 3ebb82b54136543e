import { z } from 'zod';
import { basisPointsSchema, centsSchema, currencySchema, idSchema, isoDateSchema } from './primitives';

export const invoiceSchema = z
  .object({
    id: idSchema,
    number: z.string().trim().min(1).max(100),
    clientId: idSchema,
    issueDate: isoDateSchema,
    dueDate: isoDateSchema,
    /** Total including VAT, in cents. */
    amountCents: centsSchema,
    currency: currencySchema.default('EUR'),
    /** What was already paid when the invoice entered the ledger (imports); later payments are events. */
    paidCents: centsSchema.min(0).default(0),
    paymentTerms: z.string().max(200).default(''),
    isCreditNote: z.boolean().default(false),
    /** A contractual late-payment rate from the terms of sale, if any (checked against the legal floor). */
    contractualRateBps: basisPointsSchema.optional(),
    /** Reference of the invoice PDF kept in the attachment store. */
    pdfRef: idSchema.optional(),
  })
  .refine((inv) => inv.dueDate >= inv.issueDate, {
    message: 'the due date is before the issue date',
    path: ['dueDate'],
  });
export type Invoice = z.infer<typeof invoiceSchema>;
export type InvoiceInput = z.input<typeof invoiceSchema>;
