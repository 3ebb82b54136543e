import { normaliseText } from '../text';

/** What a column can hold. */
export const csvFields = [
  'number',
  'client',
  'issueDate',
  'dueDate',
  'total',
  'remaining',
  'paid',
  'status',
  'email',
  'siren',
  'phone',
  'segment',
  'terms',
  'currency',
  'docType',
  'contact',
  'address',
] as const;
export type CsvField = (typeof csvFields)[number];

/** Column index for each field the file provides. */
export type CsvMapping = Partial<Record<CsvField, number>>;

/**
 * Headers as French and English tools write them, normalised (lower case, no accents, no
 * punctuation). An exact match is certain; a header that contains every word of a synonym is
 * likely; the weights rank a generic word ("date", "nom") below a precise one.
 */
const SYNONYMS: Record<CsvField, [string, number][]> = {
  number: [
    ['numero de facture', 1],
    ['n facture', 1],
    ['no facture', 1],
    ['num facture', 1],
    ['numero facture', 1],
    ['n de facture', 1],
    ['no de facture', 1],
    ['ref facture', 1],
    ['reference facture', 1],
    ['n piece', 0.9],
    ['numero de piece', 0.9],
    ['no piece', 0.9],
    ['piece', 0.8],
    ['facture', 0.85],
    ['invoice number', 1],
    ['invoice no', 1],
    ['invoice', 0.85],
    ['invoice id', 1],
    ['numero', 0.7],
    ['number', 0.7],
    ['reference', 0.6],
    ['ref', 0.6],
  ],
  client: [
    ['client', 1],
    ['raison sociale', 1],
    ['nom du client', 1],
    ['nom client', 1],
    ['client nom', 1],
    ['intitule client', 1],
    ['intitule', 0.7],
    ['societe', 0.9],
    ['entreprise', 0.8],
    ['customer', 1],
    ['customer name', 1],
    ['client name', 1],
    ['company', 0.9],
    ['company name', 1],
    ['nom', 0.7],
    ['name', 0.7],
    ['tiers', 0.9],
    ['debiteur', 0.9],
    ['debtor', 0.9],
    ['acheteur', 0.8],
    ['buyer', 0.8],
  ],
  issueDate: [
    ['date de facture', 1],
    ['date facture', 1],
    ['date d emission', 1],
    ['date emission', 1],
    ['date de piece', 0.9],
    ['date piece', 0.9],
    ['invoice date', 1],
    ['issue date', 1],
    ['date issued', 1],
    ['date', 0.8],
  ],
  dueDate: [
    ['echeance', 1],
    ['date d echeance', 1],
    ['date echeance', 1],
    ['date limite de paiement', 1],
    ['date de reglement prevue', 0.9],
    ['due date', 1],
    ['due', 0.8],
    ['date due', 1],
    ['payment due', 1],
  ],
  total: [
    ['montant ttc', 1],
    ['total ttc', 1],
    ['montant', 0.8],
    ['total', 0.8],
    ['montant facture', 0.9],
    ['ttc', 0.9],
    ['amount', 0.8],
    ['total amount', 1],
    ['amount incl vat', 1],
    ['total incl vat', 1],
    ['total incl tax', 1],
    ['gross amount', 1],
    ['invoice total', 1],
    ['invoice amount', 1],
  ],
  remaining: [
    ['reste a payer', 1],
    ['reste du', 1],
    ['restant du', 1],
    ['montant du', 0.9],
    ['solde', 0.9],
    ['solde du', 1],
    ['a payer', 0.8],
    ['balance', 0.9],
    ['balance due', 1],
    ['amount due', 1],
    ['outstanding', 1],
    ['remaining', 1],
    ['open amount', 1],
    ['due amount', 1],
  ],
  paid: [
    ['paye', 1],
    ['montant paye', 1],
    ['deja paye', 1],
    ['regle', 1],
    ['montant regle', 1],
    ['encaisse', 1],
    ['paid', 1],
    ['amount paid', 1],
    ['paid amount', 1],
  ],
  status: [
    ['statut', 1],
    ['etat', 1],
    ['status', 1],
    ['statut paiement', 1],
    ['payment status', 1],
    ['state', 0.8],
  ],
  email: [
    ['e mail', 1],
    ['email', 1],
    ['mail', 0.9],
    ['courriel', 1],
    ['adresse email', 1],
    ['adresse e mail', 1],
    ['email address', 1],
    ['contact email', 1],
  ],
  siren: [
    ['siren', 1],
    ['siret', 1],
    ['n siren', 1],
    ['n siret', 1],
    ['numero siren', 1],
    ['numero siret', 1],
    ['company id', 0.7],
    ['registration number', 0.8],
  ],
  phone: [
    ['telephone', 1],
    ['tel', 1],
    ['portable', 0.9],
    ['mobile', 0.9],
    ['phone', 1],
    ['phone number', 1],
  ],
  segment: [
    ['segment', 1],
    ['type de client', 1],
    ['type client', 1],
    ['categorie client', 1],
    ['categorie', 0.8],
    ['customer type', 1],
    ['client type', 1],
    ['type', 0.5],
  ],
  terms: [
    ['conditions de paiement', 1],
    ['conditions de reglement', 1],
    ['condition de reglement', 1],
    ['mode de reglement', 0.7],
    ['delai de paiement', 1],
    ['delai', 0.8],
    ['payment terms', 1],
    ['terms', 0.9],
  ],
  currency: [
    ['devise', 1],
    ['monnaie', 1],
    ['currency', 1],
  ],
  docType: [
    ['type de piece', 1],
    ['type de document', 1],
    ['nature', 0.7],
    ['type piece', 1],
    ['document type', 1],
    ['type', 0.5],
  ],
  contact: [
    ['contact', 1],
    ['interlocuteur', 1],
    ['nom du contact', 1],
    ['contact name', 1],
  ],
  address: [
    ['adresse', 1],
    ['adresse postale', 1],
    ['address', 1],
  ],
};

const TABLE = Object.entries(SYNONYMS).flatMap(([field, list]) =>
  list.map(([synonym, weight]) => ({ field: field as CsvField, words: synonym.split(' '), synonym, weight })),
);

/** Below this, the UI should ask the user to confirm the column. */
export const CONFIDENT = 0.8;

/** How well a header names each field: 1 for an exact synonym, less for a header that only contains one. */
export function scoreHeader(header: string): Map<CsvField, number> {
  const text = normaliseText(header.replace(/n°|nº/gi, 'n '));
  const words = new Set(text.split(' '));
  const scores = new Map<CsvField, number>();
  if (text === '') return scores;
  for (const { field, words: needed, synonym, weight } of TABLE) {
    let score = 0;
    if (text === synonym) score = weight;
    else if (needed.every((word) => words.has(word)))
      score = weight * (0.75 + 0.2 * (needed.length / words.size));
    // "Code client", "N° compte client": an account code, not the client's name.
    if (field === 'client' && (words.has('code') || words.has('compte') || words.has('id'))) score /= 2;
    if (score > (scores.get(field) ?? 0)) scores.set(field, Math.min(1, score));
  }
  return scores;
}

const SEGMENT_WORDS =
  /^(entreprise|societe|professionnel|pro|b2b|business|company|particulier|consommateur|b2c|consumer|individual|public|administration|collectivite|mairie|b2g|grand compte|key account|grands comptes)$/;
const DOC_TYPE_WORDS = /^(facture|avoir|invoice|credit note|credit|fa|av|note de credit)$/;

/** A column headed just "Type" holds either document types or client segments: its values tell. */
export function typeColumnField(values: readonly string[]): CsvField | undefined {
  let segment = 0;
  let docType = 0;
  for (const value of values) {
    const text = normaliseText(value);
    if (SEGMENT_WORDS.test(text)) segment += 1;
    else if (DOC_TYPE_WORDS.test(text)) docType += 1;
  }
  if (segment === 0 && docType === 0) return undefined;
  return segment >= docType ? 'segment' : 'docType';
}
