import { formatMoney } from '../domain/money';
import type { IsoDate, Ledger } from '../domain/schemas';
import { documentSubject } from './ledger-view';

/**
 * Overseas departments share France's numbering plan at home but have their own country codes:
 * 0690 12 34 56 in Guadeloupe is +590 690 12 34 56 from anywhere else.
 */
const OVERSEAS: [prefix: string, code: string][] = [
  ['0590', '590'],
  ['0690', '590'],
  ['0691', '590'],
  ['0594', '594'],
  ['0694', '594'],
  ['0596', '596'],
  ['0696', '596'],
  ['0697', '596'],
  ['0262', '262'],
  ['0263', '262'],
  ['0269', '262'],
  ['0639', '262'],
  ['0692', '262'],
  ['0693', '262'],
];

/**
 * A phone number as written by people (06 12 34 56 78, 06.12.34.56.78, +33 (0)6 12 34 56 78,
 * 0033 6 12 34 56 78) in international E.164 form (+33612345678); null when it is not a number.
 * A national number is read as French; an international one is kept as it is.
 */
export function normalisePhone(input: string): string | null {
  let value = input
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-/()\u00a0\u202f]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  if (/^\+\d{7,15}$/.test(value)) {
    // "+33 06…": the trunk 0 kept after the country code by mistake.
    return value.startsWith('+330') ? `+33${value.slice(4)}` : value;
  }
  if (/^0[1-9]\d{8}$/.test(value)) {
    const overseas = OVERSEAS.find(([prefix]) => value.startsWith(prefix));
    return overseas ? `+${overseas[1]}${value.slice(1)}` : `+33${value.slice(1)}`;
  }
  return null;
}

/**
 * An `sms:` link that opens the phone's messages app with the number and the text filled in.
 * Android reads RFC 5724's `sms:<number>?body=…`; iOS up to 16 only finds the body after an `&`
 * (`sms:<number>&body=…`). `sms:<number>?&body=…` satisfies both: Android sees a query whose empty
 * first parameter it ignores, iOS finds `&body=`. The text is percent-encoded with
 * encodeURIComponent (a space is %20: iOS would show a `+` as is). An unreadable number leaves the
 * recipient blank for the user to fill in.
 */
export function smsLink(phone: string, text: string): string {
  const number = normalisePhone(phone) ?? '';
  return `sms:${number}?&body=${encodeURIComponent(text)}`;
}

/** The number and text an `sms:` link carries (either form), or null if it is not one. */
export function parseSmsLink(uri: string): { phone: string; body: string } | null {
  const match = /^sms:([^?&]*)(?:\?&?|&)body=(.*)$/s.exec(uri);
  if (!match) return null;
  try {
    return { phone: decodeURIComponent(match[1]!), body: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

const BCP47 = { fr: 'fr-FR', en: 'en-GB' } as const;

/**
 * A short, factual text for the SMS step when no draft was written: the invoice, the amount, the
 * date it was due, how to pay, and who writes. No "mise en demeure" here, ever.
 */
export function buildSmsText(
  ledger: Ledger,
  request: { clientId: string; invoiceIds: readonly string[] },
  today: IsoDate,
): string | null {
  const subject = documentSubject(ledger, request.clientId, request.invoiceIds, today);
  if (!subject) return null;
  const { t, invoices, locale } = subject;
  const dates = new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'short', timeZone: 'UTC' });
  const oldest = invoices[0]!.invoice;
  const company = ledger.company;
  const sender = [company.legalName, company.phone].filter(Boolean).join(' ');
  const params = {
    numbers: invoices.map((i) => i.invoice.number).join(', '),
    amount: formatMoney(subject.remainingCents, subject.currency, BCP47[locale]),
    date: dates.format(new Date(`${oldest.dueDate}T00:00:00Z`)),
    sender,
  };
  const body = t(invoices.length > 1 ? 'documents.sms.many' : 'documents.sms.one', params);
  const pay = company.paymentLink ? ` ${t('documents.sms.link', { link: company.paymentLink })}` : '';
  return `${body}${pay}${sender ? ` ${t('documents.sms.signature', { sender })}` : ''}`;
}
