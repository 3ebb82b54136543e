import { formatMoney } from '../domain/money';
import type { IsoDate, Ledger, LedgerEvent } from '../domain/schemas';
import { translate, type MessageKey } from '../i18n';
import { contactName, documentSubject, type DocumentInvoice } from './ledger-view';

export interface Objection {
  objection: string;
  answer: string;
}

/** What to have in front of you before and during a reminder call, and what to note after. */
export interface CallSheetData {
  title: string;
  clientName: string;
  contact: { name: string; role: string; phone: string; emails: string[] };
  invoices: DocumentInvoice[];
  remainingCents: number;
  currency: string;
  /** The latest contacts and promises, newest first: "what did we already say?". */
  history: { date: IsoDate; label: string }[];
  checks: string[];
  questions: string[];
  objections: Objection[];
  outcomes: string[];
  /** The language it is written in (the user's, for a sheet the user reads). */
  locale: 'fr' | 'en';
}

const CHECKS: MessageKey[] = [
  'documents.call.check.history',
  'documents.call.check.amounts',
  'documents.call.check.contact',
  'documents.call.check.paymentMethods',
  'documents.call.check.goal',
];
const QUESTIONS: MessageKey[] = [
  'documents.call.question.received',
  'documents.call.question.approved',
  'documents.call.question.scheduled',
  'documents.call.question.who',
  'documents.call.question.when',
];
const OBJECTIONS: [MessageKey, MessageKey][] = [
  ['documents.call.objection.notReceived', 'documents.call.answer.notReceived'],
  ['documents.call.objection.cashFlow', 'documents.call.answer.cashFlow'],
  ['documents.call.objection.dispute', 'documents.call.answer.dispute'],
  ['documents.call.objection.alreadyPaid', 'documents.call.answer.alreadyPaid'],
  ['documents.call.objection.wrongPerson', 'documents.call.answer.wrongPerson'],
];
const OUTCOMES: MessageKey[] = [
  'documents.call.outcome.promise',
  'documents.call.outcome.dispute',
  'documents.call.outcome.paid',
  'documents.call.outcome.noAnswer',
  'documents.call.outcome.wrongContact',
  'documents.call.outcome.callback',
];

const BCP47 = { fr: 'fr-FR', en: 'en-GB' } as const;

/**
 * The call sheet of a phone step, in the user's language (`locale`): the sheet is for the person
 * calling, not for the client.
 */
export function buildCallSheet(
  ledger: Ledger,
  request: { clientId: string; invoiceIds: readonly string[] },
  today: IsoDate,
  locale: 'fr' | 'en' = ledger.settings.language,
): CallSheetData | null {
  const found = documentSubject(ledger, request.clientId, request.invoiceIds, today);
  if (!found) return null;
  const subject = found;
  const { client } = subject;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const money = (cents: number) => formatMoney(cents, subject.currency, BCP47[locale]);
  const numbers = new Set(request.invoiceIds);
  const history = ledger.events
    .filter((e) => e.clientId === client.id && e.date <= today && e.invoiceIds.some((id) => numbers.has(id)))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, 8)
    .map((e) => ({ date: e.date, label: historyLabel(e, t, money) }));
  return {
    title: t('documents.call.title', { client: client.name }),
    clientName: client.name,
    contact: {
      name: contactName(client),
      role: client.contact.role,
      phone: client.contact.phone,
      emails: client.emails,
    },
    invoices: subject.invoices,
    remainingCents: subject.remainingCents,
    currency: subject.currency,
    history,
    checks: CHECKS.map((key) => t(key)),
    questions: QUESTIONS.map((key) => t(key)),
    objections: OBJECTIONS.map(([objection, answer]) => ({ objection: t(objection), answer: t(answer) })),
    outcomes: OUTCOMES.map((key) => t(key)),
    locale,
  };
}

function historyLabel(
  event: LedgerEvent,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  money: (cents: number) => string,
): string {
  switch (event.type) {
    case 'reminder':
      return t('documents.call.history.reminder', { channel: t(`channel.${event.channel}`) });
    case 'call':
      return t('documents.call.history.call', { outcome: t(`call.${event.outcome}`) });
    case 'promise':
      return t('documents.call.history.promise', {
        amount: money(event.amountCents),
        date: event.promisedDate,
      });
    case 'payment':
      return t('documents.call.history.payment', { amount: money(event.amountCents) });
    case 'dispute':
      return t('documents.call.history.dispute', { reason: event.reason });
    default:
      return t(`documents.call.history.${event.type}`);
  }
}
