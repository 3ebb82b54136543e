import { describe, expect, it } from 'vitest';
import { dueNoticeFor, followDueNotice } from '../../../outlook-addin/due-notice';
import { localChangeChannel } from '../../../lib/store/changes';
import type { DueNotice } from '../../../lib/mail/office/notification';
import type { OfficeMailHost } from '../../../lib/mail/office/host';
import type { ThreadContext } from '../../../lib/mail/types';
import { fixtureLedger, OWN_EMAIL } from '../../support/gmail-ledger';

const today = '2026-03-16';
const thread = (from: string, subject = 'Facture'): ThreadContext => ({
  threadId: `conv-${from}`,
  subject,
  participants: [
    { email: from, name: '', role: 'from' },
    { email: OWN_EMAIL, name: '', role: 'to' },
  ],
  text: '',
  attachmentNames: [],
});

describe('dueNoticeFor', () => {
  it.each([
    // F-2026-042 (1 250 €) is five days late: the friendly email is due; F-2026-051 is not due yet.
    [
      'the client of the message has a reminder due',
      'compta@boulangerie-martin.fr',
      { count: 1, amountCents: 125_000, currency: 'EUR' },
    ],
    // G-2026-007, 30 days late: one action covering 3 000 €.
    [
      'another client with a reminder due',
      'contact@garage-dupuis.fr',
      { count: 1, amountCents: 300_000, currency: 'EUR' },
    ],
    ['the sender is no client', 'inconnu@exemple.fr', null],
    ['the message is the user’s own', OWN_EMAIL, null],
  ])('%s', (_name, from, expected) => {
    expect(dueNoticeFor(fixtureLedger(today, 'address'), thread(from), today)).toEqual(expected);
  });

  it('says nothing before anything is due', () => {
    expect(
      dueNoticeFor(fixtureLedger(today, 'address'), thread('compta@boulangerie-martin.fr'), '2026-02-01'),
    ).toBeNull();
  });
});

describe('followDueNotice', () => {
  it('shows the bar for the selected message, clears it for the next, and follows ledger changes', async () => {
    const shown: (DueNotice | 'clear')[] = [];
    let onThread: ((context: ThreadContext | null) => void) | undefined;
    const host = {
      watchThread: (listener: typeof onThread) => void (onThread = listener),
      showDueNotification: async (notice: DueNotice) => shown.push(notice) > 0,
      clearDueNotification: async () => shown.push('clear') > 0,
    } as unknown as OfficeMailHost;
    let ledger = fixtureLedger(today, 'address');
    const changes = localChangeChannel();
    const controller = new AbortController();
    followDueNotice({
      host,
      loadLedger: async () => ledger,
      changes,
      today: () => today,
      signal: controller.signal,
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    onThread!(thread('compta@boulangerie-martin.fr'));
    await settle();
    onThread!(thread('inconnu@exemple.fr'));
    await settle();
    onThread!(thread('compta@boulangerie-martin.fr'));
    await settle();
    ledger = { ...ledger, invoices: ledger.invoices.filter((invoice) => invoice.clientId !== 'martin') };
    changes.publish({ areas: ['invoices'], origin: 'test' });
    await settle();
    expect(shown).toEqual([
      { count: 1, amountCents: 125_000, currency: 'EUR' },
      'clear',
      { count: 1, amountCents: 125_000, currency: 'EUR' },
      'clear',
    ]);

    controller.abort();
    changes.publish({ areas: ['invoices'], origin: 'test' });
    await settle();
    expect(shown).toHaveLength(4);
  });
});
