import { addDays, endOfMonth } from '../domain/calendar';
import type { IsoDate } from '../domain/schemas';
import { normaliseText } from './text';

/** How a due date was read from the words of the payment terms. */
export type TermsRule =
  | { kind: 'on_receipt' }
  | { kind: 'days'; days: number }
  /** "45 jours fin de mois": 45 days, then the end of that month. */
  | { kind: 'days_end_of_month'; days: number }
  /** "fin de mois 45 jours" / "fin de mois + 45": the end of the month, then 45 days. */
  | { kind: 'end_of_month_days'; days: number };

const MAX_DAYS = 365;
const DAY_WORD = '(?:j|jr|jrs|jour|jours|d|day|days|tage|tagen)';
const END_OF_MONTH = '(?:fin de mois|fdm|fm|end of month|eom|monatsende)';
const ON_RECEIPT =
  /\b(?:a reception|des reception|au comptant|comptant|payable immediatement|immediat|upon receipt|on receipt|due on receipt|immediate|cash|sofort)\b/;

/**
 * Reads payment terms as written on invoices ("30 jours fin de mois", "à 45 jours", "net 30",
 * "paiement à réception", "30% d'acompte, solde à 30 j") into a rule. Undefined when the words
 * give no single reading: a due date is never guessed.
 *
 * "N jours fin de mois" is computed as N days then the end of that month, the reading the
 * DGCCRF lists first; "fin de mois N jours" as the end of the month then N days.
 */
export function readPaymentTerms(terms: string): TermsRule | undefined {
  if (cache.has(terms)) return cache.get(terms);
  const rule = read(terms);
  if (cache.size < 10_000) cache.set(terms, rule);
  return rule;
}

/** Exports repeat a few terms on thousands of rows. */
const cache = new Map<string, TermsRule | undefined>();

function read(terms: string): TermsRule | undefined {
  // A percentage is a deposit or a discount, never a number of days.
  const text = normaliseText(terms.replace(/\d+(?:[.,]\d+)?\s*%/g, ' '));
  if (text === '') return undefined;
  const eomThenDays = new RegExp(`\\b${END_OF_MONTH} (?:plus )?(\\d{1,3}) ?${DAY_WORD}?\\b`).exec(text);
  const daysThenEom = new RegExp(`\\b(\\d{1,3}) ?${DAY_WORD}? (?:net )?${END_OF_MONTH}\\b`).exec(text);
  if (daysThenEom) return checked({ kind: 'days_end_of_month', days: Number(daysThenEom[1]) });
  if (eomThenDays) return checked({ kind: 'end_of_month_days', days: Number(eomThenDays[1]) });

  const counts = new Set<number>();
  for (const match of text.matchAll(new RegExp(`\\b(\\d{1,3}) ?${DAY_WORD}\\b`, 'g')))
    counts.add(Number(match[1]));
  for (const match of text.matchAll(/\bnet ?(\d{1,3})\b/g)) counts.add(Number(match[1]));
  if (counts.size > 1) {
    // "2 % à 10 jours, net 30": the net term is the due date, the other one an early-payment discount.
    const net =
      /\b(?:net|solde a|solde) (\d{1,3})\b/.exec(text) ?? /\b(\d{1,3}) ?(?:j|jours|days) net\b/.exec(text);
    return net ? checked({ kind: 'days', days: Number(net[1]) }) : undefined;
  }
  if (counts.size === 1) return checked({ kind: 'days', days: [...counts][0]! });
  if (ON_RECEIPT.test(text)) return { kind: 'on_receipt' };
  if (new RegExp(`^(?:paiement |payable |reglement )?(?:a )?${END_OF_MONTH}$`).test(text)) {
    return { kind: 'end_of_month_days', days: 0 };
  }
  return undefined;
}

function checked(rule: TermsRule): TermsRule | undefined {
  return 'days' in rule && rule.days > MAX_DAYS ? undefined : rule;
}

export function applyTerms(issueDate: IsoDate, rule: TermsRule): IsoDate {
  switch (rule.kind) {
    case 'on_receipt':
      return issueDate;
    case 'days':
      return addDays(issueDate, rule.days);
    case 'days_end_of_month':
      return endOfMonth(addDays(issueDate, rule.days));
    case 'end_of_month_days':
      return addDays(endOfMonth(issueDate), rule.days);
  }
}

/** The due date the terms give for an invoice issued on `issueDate`, if they give one. */
export function dueDateFromTerms(issueDate: IsoDate, terms: string): IsoDate | undefined {
  const rule = readPaymentTerms(terms);
  return rule && applyTerms(issueDate, rule);
}
