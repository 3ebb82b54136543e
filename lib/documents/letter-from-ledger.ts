import { addDays } from '../domain/calendar';
import { formatMoney } from '../domain/money';
import { computePenalties } from '../domain/penalties';
import type { IsoDate, Ledger } from '../domain/schemas';
import type { LetterDocument, LetterTotals } from './letter-document';
import { contactName, contactTitle, documentSubject, type DocumentSubject } from './ledger-view';

export interface LetterRequest {
  clientId: string;
  invoiceIds: readonly string[];
  /** The formal notice (mise en demeure); otherwise a reminder letter. */
  formalNotice: boolean;
}

const BCP47 = { fr: 'fr-FR', en: 'en-GB' } as const;

/**
 * A complete letter from the ledger, with the product's standard wording, for when no draft was
 * written: the document page prints it. A formal notice claims the late-payment interest and the
 * 40 € indemnity (businesses and public buyers), sets the deadline from the settings and says
 * "mise en demeure"; a reminder letter does neither.
 */
export function buildLetterDocument(
  ledger: Ledger,
  request: LetterRequest,
  today: IsoDate,
): LetterDocument | null {
  const subject = documentSubject(ledger, request.clientId, request.invoiceIds, today);
  if (!subject) return null;
  const { client, invoices, t, locale } = subject;
  const company = ledger.company;
  const money = (cents: number) => formatMoney(cents, subject.currency, BCP47[locale]);
  const longDate = (date: IsoDate) =>
    new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );

  const totals: LetterTotals = { currency: subject.currency, remainingCents: subject.remainingCents };
  const claimsPenalties = request.formalNotice && client.segment !== 'consumer';
  if (claimsPenalties) {
    let interest = 0;
    let indemnity = 0;
    for (const line of invoices) {
      const result = computePenalties({
        amountCents: line.invoice.amountCents - line.invoice.paidCents,
        dueDate: line.invoice.dueDate,
        payments: line.payments,
        segment: client.segment,
        today,
        rates: ledger.rates,
        contractualRateBps: line.invoice.contractualRateBps,
      });
      interest += result.interestCents;
      indemnity += result.indemnityCents;
    }
    totals.penaltiesCents = interest;
    totals.penaltiesDate = today;
    totals.indemnityCents = indemnity;
    totals.claimedCents = subject.remainingCents + interest + indemnity;
  }
  const claimed = totals.claimedCents ?? subject.remainingCents;

  const greeting = contactTitle(client, t) || t('documents.letter.greetingDefault');
  const numbers = invoices.map((i) => i.invoice.number).join(', ');
  const paragraphs: string[] = [`${greeting},`];
  if (request.formalNotice) {
    const deadline = addDays(today, ledger.settings.formalNoticeDays);
    paragraphs.push(t('documents.letter.notice.intro', { amount: money(subject.remainingCents) }));
    paragraphs.push(
      t('documents.letter.notice.demand', {
        amount: money(claimed),
        days: ledger.settings.formalNoticeDays,
        deadline: longDate(deadline),
      }),
    );
    if (claimsPenalties)
      paragraphs.push(
        t('documents.letter.notice.penalties', {
          terms: company.termsRef || t('documents.letter.termsDefault'),
        }),
      );
  } else {
    paragraphs.push(t('documents.letter.reminder.intro', { amount: money(subject.remainingCents) }));
    paragraphs.push(t('documents.letter.reminder.request'));
  }
  const tableAfter = 2;
  const payment = paymentParagraph(subject, company);
  if (payment) paragraphs.push(payment);
  if (request.formalNotice) paragraphs.push(t('documents.letter.notice.consequence'));
  paragraphs.push(t('documents.letter.closing', { greeting }));

  const recipient = [client.name];
  const person = contactName(client);
  if (person && person !== client.name) recipient.push(person);
  recipient.push(...client.address);

  const townLine = company.address[company.address.length - 1] ?? '';
  const subjectLine = request.formalNotice
    ? t('documents.letter.subject.notice')
    : t(
        invoices.length > 1
          ? 'documents.letter.subject.reminderMany'
          : 'documents.letter.subject.reminderOne',
        {
          numbers,
        },
      );
  return {
    title: `${subjectLine} – ${client.name}`,
    recipient,
    place: townLine.replace(/^\s*\d{4,5}\s+/, '').trim(),
    date: today,
    subject: subjectLine,
    paragraphs,
    invoices: invoices.map((line) => ({
      number: line.invoice.number,
      issueDate: line.invoice.issueDate,
      dueDate: line.invoice.dueDate,
      amountCents: line.invoice.amountCents,
      remainingCents: line.remainingCents,
    })),
    totals,
    tableAfter,
    signature: (company.signature || company.legalName).split(/\r?\n/).filter((line) => line.trim()),
    formalNotice: request.formalNotice,
  };
}

function paymentParagraph(subject: DocumentSubject, company: Ledger['company']): string | null {
  const { t } = subject;
  const parts: string[] = [];
  if (company.iban)
    parts.push(
      company.bic
        ? t('documents.letter.payByTransferBic', { iban: company.iban, bic: company.bic })
        : t('documents.letter.payByTransfer', { iban: company.iban }),
    );
  if (company.paymentLink) parts.push(t('documents.letter.payByLink', { link: company.paymentLink }));
  return parts.length ? parts.join(' ') : null;
}
