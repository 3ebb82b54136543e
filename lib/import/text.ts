/** Lower case, accents and punctuation removed, spaces collapsed: how headers and names are compared. */
export function normaliseText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Legal forms say nothing about who the client is: "Dupont SARL" and "SARL Dupont" are one client. */
const LEGAL_FORMS = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'scop',
  'selarl',
  'ei',
  'eirl',
  'gmbh',
  'ag',
  'ltd',
  'llc',
  'inc',
  'sl',
]);

/** The key two spellings of one company's name share. */
export function normaliseName(name: string): string {
  return normaliseText(name)
    .split(' ')
    .filter((word) => !LEGAL_FORMS.has(word))
    .join(' ');
}

/**
 * A SIREN from a SIREN or a SIRET (SIREN + 5-digit establishment number), with its spaces.
 * Undefined when the value is neither.
 */
export function sirenOf(value: string): string | undefined {
  const digits = value.replace(/[\s.\u00a0\u202f-]/g, '');
  if (/^\d{9}$/.test(digits) || /^\d{14}$/.test(digits)) return digits.slice(0, 9);
  return undefined;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * The addresses in a cell ("a@x.fr; b@y.fr", "Jean Dupont <jean@x.fr>"), lower-cased. Words
 * around an address are not errors; something with an @ that is not an address is, and so is a
 * cell with no address at all.
 */
export function splitEmails(value: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const part of value.split(/[;,\s]+/)) {
    const candidate = part.replace(/^mailto:/i, '').replace(/^[<("']+|[>)"']+$/g, '');
    if (!candidate.includes('@')) continue;
    if (!EMAIL.test(candidate)) invalid.push(candidate);
    else if (!emails.includes(candidate.toLowerCase())) emails.push(candidate.toLowerCase());
  }
  if (emails.length === 0 && invalid.length === 0 && value.trim() !== '') invalid.push(value.trim());
  return { emails, invalid };
}

/** Keeps a cell short and on one line for messages shown to the user. */
export function excerpt(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
