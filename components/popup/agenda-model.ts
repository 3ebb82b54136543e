import { planActions, type Action } from '../../lib/domain/engine';
import type { Channel, Client, IsoDate, Ledger } from '../../lib/domain/schemas';
import { buildSmsText, smsLink } from '../../lib/documents/sms';
import { translate, type Locale } from '../../lib/i18n';

export interface AgendaEntry {
  action: Action;
  client: Client | undefined;
  clientName: string;
  invoiceNumbers: string[];
  /** The day the action became due; earlier than today means overdue since then. */
  since: IsoDate;
  overdue: boolean;
  /** Email: the client's latest Gmail thread, or a new message to its first address. */
  mail?: { kind: 'thread' | 'compose'; url: string } | { kind: 'none' };
  /** SMS: the text and its link (the number may be missing). */
  sms?: { text: string; uri: string; hasPhone: boolean };
  /** Call or letter: the extension page that shows the document. */
  documentPath?: string;
}

export interface AgendaGroup {
  channel: Channel;
  entries: AgendaEntry[];
}

/** The order of the groups: what takes a minute first. */
const CHANNELS: Channel[] = ['email', 'phone', 'letter', 'sms'];

/**
 * Today's agenda for the popup: the actions due today or overdue (the badge counts the same),
 * grouped by channel, each with what the popup needs to act on it.
 */
export function popupAgenda(
  ledger: Ledger,
  today: IsoDate,
  locale: Locale,
): { total: number; groups: AgendaGroup[] } {
  const { actions } = planActions(ledger, today);
  const clients = new Map(ledger.clients.map((client) => [client.id, client]));
  const numbers = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice.number]));
  const groups = new Map<Channel, AgendaEntry[]>(CHANNELS.map((channel) => [channel, []]));
  for (const action of actions) {
    const client = clients.get(action.clientId);
    const invoiceNumbers = action.invoiceIds.map((id) => numbers.get(id) ?? id);
    const entry: AgendaEntry = {
      action,
      client,
      clientName: client?.name ?? action.clientId,
      invoiceNumbers,
      since: action.date,
      overdue: action.date < today,
    };
    const request = { clientId: action.clientId, invoiceIds: action.invoiceIds };
    switch (action.channel) {
      case 'email':
        entry.mail = mailLink(ledger, client, invoiceNumbers, locale);
        break;
      case 'sms': {
        const text = buildSmsText(ledger, request, today) ?? '';
        const phone = client?.contact.phone ?? '';
        const uri = smsLink(phone, text);
        entry.sms = { text, uri, hasPhone: !uri.startsWith('sms:?') };
        break;
      }
      case 'phone':
      case 'letter':
        entry.documentPath = documentPath(action);
        break;
    }
    groups.get(action.channel)!.push(entry);
  }
  return {
    total: actions.length,
    groups: CHANNELS.map((channel) => ({ channel, entries: groups.get(channel)! })).filter(
      (g) => g.entries.length,
    ),
  };
}

/** The document page of a call or a letter: `/document.html?kind=call|letter&client=…&invoices=…&step=…`. */
export function documentPath(action: Action): string {
  const params = new URLSearchParams({
    kind: action.channel === 'phone' ? 'call' : 'letter',
    client: action.clientId,
    step: action.step.id,
    invoices: action.invoiceIds.join(','),
  });
  if (action.formalNotice) params.set('notice', '1');
  return `/document.html?${params.toString()}`;
}

/** A Gmail thread id as Gmail prints it: hex (legacy) or `thread-f:<digits>`. */
const THREAD_ID = /^(?:[0-9a-f]{10,20}|thread-[af]:\d{5,25})$/i;
/** How a thread is noted on an event: `gmail-thread:<id>`. */
const THREAD_NOTE = /\bgmail-thread:((?:[0-9a-f]{10,20})|(?:thread-[af]:\d{5,25}))\b/i;

/**
 * The client's latest Gmail thread: a `gmailThreadId` on the client record when the sidebar keeps
 * one there, else the newest event whose note says `gmail-thread:<id>`.
 */
export function latestThreadId(ledger: Ledger, client: Client | undefined): string | undefined {
  if (!client) return undefined;
  const own = (client as Client & { gmailThreadId?: unknown }).gmailThreadId;
  if (typeof own === 'string' && THREAD_ID.test(own)) return own;
  let found: { date: IsoDate; id: string } | undefined;
  for (const event of ledger.events) {
    if (event.clientId !== client.id) continue;
    const match = THREAD_NOTE.exec(event.note);
    if (match && (found === undefined || event.date >= found.date))
      found = { date: event.date, id: match[1]! };
  }
  return found?.id;
}

function mailLink(
  ledger: Ledger,
  client: Client | undefined,
  invoiceNumbers: string[],
  locale: Locale,
): AgendaEntry['mail'] {
  const thread = latestThreadId(ledger, client);
  if (thread)
    return { kind: 'thread', url: `https://mail.google.com/mail/u/0/#all/${encodeURIComponent(thread)}` };
  const to = client?.emails[0];
  if (!to) return { kind: 'none' };
  const subject = translate(client?.language ?? locale, 'popup.mailSubject', {
    numbers: invoiceNumbers.join(', '),
  });
  // encodeURIComponent rather than URLSearchParams: a `+` for a space would show in the subject.
  const query = `view=cm&fs=1&to=${encodeURIComponent(to)}&su=${encodeURIComponent(subject)}`;
  return { kind: 'compose', url: `https://mail.google.com/mail/?${query}` };
}
