import type { Civility, Segment } from '../../domain/schemas';
import { normaliseText } from '../text';

export type PaymentStatus = 'paid' | 'partial' | 'unpaid' | 'credit_note';

const UNPAID =
  /\b(non payee?s?|impayee?s?|non reglee?s?|a payer|en attente|en retard|retard|echue?s?|ouverte?s?|en cours|relancee?s?|contentieux|litige|unpaid|not paid|overdue|open|pending|outstanding|due)\b/;
const PARTIAL = /\b(partiel(le)?s?|partiellement|acompte|partial|partially)\b/;
const PAID = /\b(payee?s?|soldee?s?|reglee?s?|acquittee?s?|encaissee?s?|paid|settled|closed|cloturee?s?)\b/;
const CREDIT = /\b(avoirs?|credit notes?|credit|note de credit)\b/;

/** A column holds a handful of distinct words: each is read once per file size, not once per row. */
function memo<T>(read: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (cache.has(value)) return cache.get(value)!;
    const result = read(value);
    if (cache.size < 10_000) cache.set(value, result);
    return result;
  };
}

/** Reads a status cell; undefined for an empty cell, `unknown` for words it cannot place. */
export const readStatus = memo((value: string): PaymentStatus | 'unknown' | undefined => {
  const text = normaliseText(value);
  if (text === '') return undefined;
  if (CREDIT.test(text)) return 'credit_note';
  if (PARTIAL.test(text)) return 'partial';
  if (UNPAID.test(text)) return 'unpaid';
  if (PAID.test(text)) return 'paid';
  return 'unknown';
});

/** "Avoir", "AV", "Credit note" in a document type column. */
export const isCreditNoteType = memo((value: string): boolean => {
  const text = normaliseText(value);
  return text === 'av' || CREDIT.test(text);
});

const SEGMENTS: [RegExp, Segment][] = [
  [/\b(grands? comptes?|key accounts?|ka)\b/, 'key_account'],
  [/\b(public|publique|administration|collectivite|mairie|commune|etat|hopital|b2g|government)\b/, 'public'],
  [/\b(particuliers?|consommateurs?|b2c|consumers?|individuals?|private)\b/, 'consumer'],
  [/\b(entreprises?|societes?|professionnels?|pro|pme|tpe|b2b|business|company|companies)\b/, 'business'],
];

export const readSegment = memo((value: string): Segment | undefined => {
  const text = normaliseText(value);
  for (const [pattern, segment] of SEGMENTS) if (pattern.test(text)) return segment;
  return undefined;
});

const CURRENCY_SIGNS: Record<string, string> = {
  '€': 'EUR',
  $: 'USD',
  '£': 'GBP',
  euro: 'EUR',
  euros: 'EUR',
};

export function readCurrency(value: string): string | undefined {
  const text = value.trim();
  const sign = CURRENCY_SIGNS[text.toLowerCase()];
  if (sign) return sign;
  return /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : undefined;
}

const CIVILITIES: [RegExp, Civility][] = [
  [/^(mme|madame|mrs|ms|mlle|mademoiselle)\.?\s+/i, 'mme'],
  [/^(m|mr|monsieur)\.?\s+/i, 'm'],
];

/** "Mme Laëtitia Durand" → civility, first name, last name (the last word). */
export function readPersonName(value: string): { civility: Civility; firstName: string; lastName: string } {
  let rest = value.trim().replace(/\s+/g, ' ');
  let civility: Civility = 'none';
  for (const [pattern, found] of CIVILITIES) {
    if (pattern.test(rest)) {
      civility = found;
      rest = rest.replace(pattern, '');
      break;
    }
  }
  const words = rest.split(' ').filter(Boolean);
  const lastName = (words.pop() ?? '').slice(0, 100);
  return { civility, firstName: words.join(' ').slice(0, 100), lastName };
}
