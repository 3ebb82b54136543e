import { z } from 'zod';
import { clientSchema } from './client';
import { companyProfileSchema } from './company';
import { eventSchema } from './event';
import { invoiceSchema } from './invoice';
import { rateTableSchema } from './rates';
import { scenarioSchema } from './scenario';
import { settingsSchema } from './settings';

/** Everything the domain reasons about, as one plain value. */
export const ledgerSchema = z.object({
  clients: z.array(clientSchema),
  invoices: z.array(invoiceSchema),
  events: z.array(eventSchema),
  /** The user's own scenarios; the defaults per segment live in code and are used when none is set. */
  scenarios: z.array(scenarioSchema),
  company: companyProfileSchema,
  rates: rateTableSchema,
  settings: settingsSchema,
});
export type Ledger = z.infer<typeof ledgerSchema>;
