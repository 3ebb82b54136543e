import type { IsoDate } from '../domain/schemas';

/** One invoice as the letter's table lists it. */
export interface LetterInvoiceRow {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  remainingCents: number;
}

export interface LetterTotals {
  currency: string;
  /** Sum of the rows' remaining amounts. */
  remainingCents: number;
  /** Late-payment interest accrued, when the letter claims it. */
  penaltiesCents?: number;
  /** The day the interest was computed to. */
  penaltiesDate?: IsoDate;
  /** The fixed recovery indemnity (40 € per late invoice, B2B), when claimed. */
  indemnityCents?: number;
  /** What the letter asks for in all; printed when penalties or the indemnity are claimed. */
  claimedCents?: number;
}

/**
 * A postal letter ready to print: plain text in, no markup. Independent of where the text was
 * drafted (the drafting module's `letter` draft, or `buildLetterDocument`), so either can feed it.
 */
export interface LetterDocument {
  /** The PDF's title (document properties); not printed. */
  title: string;
  /** The recipient's address block, one line each: name, contact, street, postcode and town. */
  recipient: string[];
  /** Where the letter is written from, printed "Lyon, le 15 mai 2026". */
  place: string;
  date: IsoDate;
  /** Printed after "Objet : ". */
  subject: string;
  paragraphs: string[];
  invoices: LetterInvoiceRow[];
  totals?: LetterTotals;
  /** How many paragraphs come before the invoice table; all of them when absent. */
  tableAfter?: number;
  /** The signature block, one line each. */
  signature: string[];
  /** A formal notice: printed "Lettre recommandée avec accusé de réception". */
  formalNotice: boolean;
}
