import { sirenOf, splitEmails } from '../text';

/** The SIREN inside a French VAT number: FR + 2-character key + SIREN. */
export function sirenFromVat(vat: string): string | undefined {
  const compact = vat.replace(/[\s.]/g, '').toUpperCase();
  return /^FR[0-9A-Z]{2}\d{9}$/.test(compact) ? compact.slice(4) : undefined;
}

/** Identifiers in order of trust: the first that gives a SIREN wins. */
export function pickSiren(ids: { scheme: string; value: string }[]): { siren?: string; siret?: string } {
  let siren: string | undefined;
  let siret: string | undefined;
  for (const { scheme, value } of ids) {
    const digits = value.replace(/\s/g, '');
    if (!siret && /^\d{14}$/.test(digits) && (scheme === '0009' || scheme === '0002')) siret = digits;
    if (!siren && (scheme === '0002' || scheme === '0009' || scheme === '0225')) siren = sirenOf(value);
    if (!siren && scheme === 'VA') siren = sirenFromVat(value);
  }
  return { ...(siren && { siren }), ...(siret && { siret }) };
}

export function validEmails(values: string[]): string[] {
  const emails: string[] = [];
  for (const value of values) {
    for (const email of splitEmails(value).emails) if (!emails.includes(email)) emails.push(email);
  }
  return emails;
}

export function addressLines(lines: string[], postcode: string, city: string, country: string): string[] {
  const result = lines.map((line) => line.trim()).filter(Boolean);
  const place = `${postcode} ${city}`.trim();
  if (place) result.push(place);
  if (country && country.toUpperCase() !== 'FR') result.push(country.toUpperCase());
  return result.map((line) => line.slice(0, 200));
}
