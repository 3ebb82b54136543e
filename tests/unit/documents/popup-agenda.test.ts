import { describe, expect, it } from 'vitest';
import { documentPath, latestThreadId, popupAgenda } from '../../../components/popup/agenda-model';
import { demoLedger } from '../../../lib/demo/sample-ledger';
import { buildCallSheet } from '../../../lib/documents/call-sheet';
import { agenda } from '../../../lib/domain/engine';
import type { Ledger } from '../../../lib/domain/schemas';

const TODAY = '2026-05-15';
const ledger = demoLedger(TODAY);

describe('the popup agenda', () => {
  it('groups the day’s actions by channel and counts what the badge counts', () => {
    const { total, groups } = popupAgenda(ledger, TODAY, 'fr');
    expect(total).toBe(agenda(ledger, TODAY).length);
    expect(groups.map((g) => [g.channel, g.entries.map((e) => e.clientName)])).toEqual([
      ['email', ['Sophie Leroy']],
      ['phone', ['Mairie de Vénissieux', 'Boulangerie Martin']],
      ['letter', ['Garage Durand SARL']],
    ]);
    const letter = groups[2]!.entries[0]!;
    expect(letter.action.formalNotice).toBe(true);
    expect(letter.invoiceNumbers).toEqual(['F-2026-017']);
    expect(letter.overdue).toBe(letter.since < TODAY);
    expect(letter.documentPath).toBe(
      '/document.html?kind=letter&client=demo-durand&step=b-formal-notice&invoices=demo-f017&notice=1',
    );
  });

  it('opens a new Gmail message when no thread is known, with the subject encoded for Gmail', () => {
    const email = popupAgenda(ledger, TODAY, 'fr').groups[0]!.entries[0]!;
    expect(email.mail).toEqual({
      kind: 'compose',
      url: 'https://mail.google.com/mail/?view=cm&fs=1&to=sophie.leroy%40gmail.com&su=Relance%20facture%20n%C2%B0%20F-2026-060',
    });
  });

  it.each<[string, (l: Ledger) => Ledger, string | undefined]>([
    ['none known', (l) => l, undefined],
    [
      'the newest event note naming a thread',
      (l) => ({
        ...l,
        events: [
          ...l.events,
          {
            id: 'n1',
            type: 'reminder',
            clientId: 'demo-leroy',
            invoiceIds: ['demo-f060'],
            date: '2026-05-01',
            stepId: 'c-heads-up',
            channel: 'email',
            note: 'gmail-thread:18c2f0a1b2c3d4e5',
          },
          {
            id: 'n2',
            type: 'resume',
            clientId: 'demo-leroy',
            invoiceIds: ['demo-f060'],
            date: '2026-05-03',
            note: 'voir gmail-thread:thread-f:1790000000000000001',
          },
          {
            id: 'n3',
            type: 'resume',
            clientId: 'demo-leroy',
            invoiceIds: ['demo-f060'],
            date: '2026-05-02',
            note: 'gmail-thread:aaaaaaaaaaaaaaaa',
          },
        ],
      }),
      'thread-f:1790000000000000001',
    ],
    [
      'a thread id kept on the client',
      (l) => ({
        ...l,
        clients: l.clients.map((c) =>
          c.id === 'demo-leroy' ? { ...c, gmailThreadId: '18c2f0a1b2c3d4e5' } : c,
        ),
      }),
      '18c2f0a1b2c3d4e5',
    ],
    [
      'not a hostile value on the client',
      (l) => ({
        ...l,
        clients: l.clients.map((c) =>
          c.id === 'demo-leroy' ? { ...c, gmailThreadId: 'javascript:alert(1)' } : c,
        ),
      }),
      undefined,
    ],
  ])('latest thread: %s', (_name, change, expected) => {
    const changed = change(ledger);
    const client = changed.clients.find((c) => c.id === 'demo-leroy');
    expect(latestThreadId(changed, client)).toBe(expected);
    const mail = popupAgenda(changed, TODAY, 'fr').groups[0]!.entries[0]!.mail!;
    if (expected)
      expect(mail).toEqual({
        kind: 'thread',
        url: `https://mail.google.com/mail/u/0/#all/${encodeURIComponent(expected)}`,
      });
    else expect(mail.kind).toBe('compose');
  });

  it('links a call to its call sheet', () => {
    const call = popupAgenda(ledger, TODAY, 'fr').groups[1]!.entries[1]!;
    expect(documentPath(call.action)).toBe(
      '/document.html?kind=call&client=demo-martin&step=b-call&invoices=demo-f042%2Cdemo-f051',
    );
  });
});

describe('the call sheet', () => {
  it('gathers the contact, the invoices, the history and the four sections', () => {
    const sheet = buildCallSheet(
      ledger,
      { clientId: 'demo-durand', invoiceIds: ['demo-f017'] },
      TODAY,
      'fr',
    )!;
    expect(sheet.title).toBe('Fiche d’appel – Garage Durand SARL');
    expect(sheet.contact).toEqual({
      name: 'Paul Durand',
      role: 'Gérant',
      phone: '06 12 34 56 78',
      emails: ['p.durand@garage-durand.fr'],
    });
    expect(sheet.remainingCents).toBe(256_040);
    expect(sheet.invoices.map((i) => [i.invoice.number, i.daysLate])).toEqual([['F-2026-017', 36]]);
    expect(sheet.history.map((h) => h.label.replace(/[\u202f\u00a0]/g, ' '))).toEqual([
      'Relance (SMS)',
      'Paiement de 1 000,00 €',
      'Relance (E-mail)',
      'Appel : Pas de réponse',
      'Relance (E-mail)',
    ]);
    expect(sheet.checks).toHaveLength(5);
    expect(sheet.questions[0]).toBe('Avez-vous bien reçu la facture ?');
    expect(sheet.objections[1]).toEqual({
      objection: '« Nous avons des difficultés de trésorerie. »',
      answer: 'Proposer un échéancier avec des dates précises ; noter le premier versement.',
    });
    expect(sheet.outcomes).toHaveLength(6);
    expect(
      buildCallSheet(ledger, { clientId: 'demo-durand', invoiceIds: ['demo-f017'] }, TODAY, 'en')!
        .questions[0],
    ).toBe('Did you receive the invoice?');
  });
});
