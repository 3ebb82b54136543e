import { addDays } from '../../lib/domain/calendar';
import { defaultRateTable } from '../../lib/domain/rates';
import {
  companyProfileSchema,
  ledgerSchema,
  settingsSchema,
  type ClientInput,
  type IsoDate,
  type Ledger,
} from '../../lib/domain/schemas';

/**
 * The ledger the Gmail fixtures were written for: the user is Atelier Durand
 * (facturation@atelier-durand.fr), the fixtures' client is Boulangerie Martin. `recognise` says
 * how the client can be found: by its address, only by its domain, only by an invoice number,
 * not at all, or twice (two clients sharing the domain).
 */
export type Recognition = 'address' | 'domain' | 'invoice' | 'none' | 'several';

export const OWN_EMAIL = 'facturation@atelier-durand.fr';

export function fixtureLedger(today: IsoDate, recognise: Recognition = 'address'): Ledger {
  const d = (days: number) => addDays(today, days);
  const martin: ClientInput = {
    id: 'martin',
    name: 'Boulangerie Martin',
    contact: {
      civility: 'mme',
      firstName: 'Claire',
      lastName: 'Martin',
      role: 'Gérante',
      phone: '04 78 12 34 56',
    },
    emails: recognise === 'address' ? ['compta@boulangerie-martin.fr'] : [],
    domains: recognise === 'domain' || recognise === 'several' ? ['boulangerie-martin.fr'] : [],
    address: ['12 rue des Tanneurs', '69002 Lyon'],
  };
  const clients: ClientInput[] = [
    recognise === 'none'
      ? { ...martin, name: 'Boulangerie du Parc', id: 'parc', emails: ['parc@exemple.fr'] }
      : martin,
    {
      id: 'dupuis',
      name: 'Garage Dupuis',
      emails: ['contact@garage-dupuis.fr'],
      domains: ['garage-dupuis.fr'],
    },
  ];
  if (recognise === 'several')
    clients.push({ id: 'martin-traiteur', name: 'Martin Traiteur', domains: ['boulangerie-martin.fr'] });
  const clientId = clients[0]!.id;
  // Numbers the fixtures do not mention, where the text must not decide.
  const hidden = recognise === 'none' || recognise === 'several';
  return ledgerSchema.parse({
    clients,
    invoices: [
      // Due five days ago: the friendly email (due date + 2, moved to a business day) is due.
      {
        id: 'f042',
        clientId,
        number: hidden ? 'P-2026-900' : 'F-2026-042',
        issueDate: d(-35),
        dueDate: d(-5),
        amountCents: 125_000,
      },
      {
        id: 'f051',
        clientId,
        number: hidden ? 'P-2026-901' : 'F-2026-051',
        issueDate: d(-10),
        dueDate: d(20),
        amountCents: 48_000,
      },
      {
        id: 'g007',
        clientId: 'dupuis',
        number: 'G-2026-007',
        issueDate: d(-60),
        dueDate: d(-30),
        amountCents: 300_000,
      },
    ],
    events: [],
    scenarios: [],
    company: companyProfileSchema.parse({
      legalName: 'Atelier Durand SARL',
      address: ['3 rue Mercière', '69002 Lyon'],
      siren: '812345678',
      rcs: 'RCS Lyon 812 345 678',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP',
      signature: 'Julie Durand\nAtelier Durand',
    }),
    rates: defaultRateTable(),
    settings: settingsSchema.parse({ ownEmails: [OWN_EMAIL] }),
  });
}
