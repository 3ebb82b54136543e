import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  forEachCandidate,
  matchThread,
  matchWithIndex,
  threadContextSchema,
  type MatchLedger,
  type ThreadContext,
} from '../../../lib/domain/matching';

const ledger: MatchLedger = {
  clients: [
    { id: 'acme', emails: ['compta@acme.fr'], domains: ['acme.fr'] },
    { id: 'bati', emails: ['jean.dupont@gmail.com'], domains: [] },
    { id: 'garage', emails: ['contact@garage-martin.fr'], domains: [] },
    // The user typed a public domain by mistake: it must still never match by domain.
    { id: 'careless', emails: [], domains: ['orange.fr'] },
    { id: 'groupe-a', emails: [], domains: ['groupe-sud.fr'] },
    { id: 'groupe-b', emails: ['achats@groupe-sud.fr'], domains: [] },
    { id: 'mairie', emails: ['Factures@Mairie-Villeurbanne.fr'], domains: [] },
  ],
  invoices: [
    { number: 'F-2026-0042', clientId: 'garage' },
    { number: 'FA2026-12', clientId: 'bati' },
    { number: 'INV-1234', clientId: 'acme' },
    { number: '2026/118', clientId: 'mairie' },
    { number: 'F2026-001', clientId: 'groupe-b' },
    { number: '118', clientId: 'acme' },
  ],
};
const own = ['moi@menuiserie-durand.fr', 'paul.durand@gmail.com'];

function thread(overrides: Partial<ThreadContext> & { emails?: string[] } = {}): ThreadContext {
  const { emails = [], ...rest } = overrides;
  return {
    threadId: 't1',
    subject: '',
    text: '',
    attachmentNames: [],
    participants: emails.map((email, i) => ({ email, name: '', role: i === 0 ? 'from' : 'to' })),
    ...rest,
  };
}

type Expect = [verdict: 'one' | 'several' | 'none', ids: string[], firstReasons?: string[]];
const cases: [name: string, context: ThreadContext, expected: Expect][] = [
  ['exact address', thread({ emails: ['compta@acme.fr'] }), ['one', ['acme'], ['address:compta@acme.fr']]],
  [
    'address, case-insensitive',
    thread({ emails: [' FACTURES@mairie-villeurbanne.FR '] }),
    ['one', ['mairie']],
  ],
  ['address at a public mailbox', thread({ emails: ['Jean.Dupont@gmail.com'] }), ['one', ['bati']]],
  [
    'another address of the company domain',
    thread({ emails: ['direction@acme.fr'] }),
    ['one', ['acme'], ['domain:acme.fr']],
  ],
  [
    'a subdomain of a client domain',
    thread({ emails: ['paie@compta.acme.fr'] }),
    ['one', ['acme'], ['domain:acme.fr']],
  ],
  ['the domain of a client email', thread({ emails: ['atelier@garage-martin.fr'] }), ['one', ['garage']]],
  [
    'never a public mailbox domain',
    thread({ emails: ['inconnu@gmail.com', 'x@orange.fr', 'y@wanadoo.fr'] }),
    ['none', []],
  ],
  ['a public domain typed as a client domain', thread({ emails: ['someone@orange.fr'] }), ['none', []]],
  [
    'the user’s own addresses are ignored',
    thread({ emails: ['moi@menuiserie-durand.fr', 'PAUL.DURAND@gmail.com'] }),
    ['none', []],
  ],
  [
    'own address with a client in copy',
    thread({ emails: ['moi@menuiserie-durand.fr', 'compta@acme.fr'] }),
    ['one', ['acme']],
  ],
  [
    'colleagues on the user’s own domain',
    thread({ emails: ['collegue@menuiserie-durand.fr'] }),
    ['none', []],
  ],
  ['address beats domain', thread({ emails: ['achats@groupe-sud.fr'] }), ['one', ['groupe-b', 'groupe-a']]],
  [
    'one domain, two clients',
    thread({ emails: ['direction@groupe-sud.fr'] }),
    ['several', ['groupe-a', 'groupe-b']],
  ],
  [
    'an invoice number settles two clients of one domain',
    thread({ emails: ['direction@groupe-sud.fr'], subject: 'Re: réf. F2026-001' }),
    ['one', ['groupe-b', 'groupe-a'], ['domain:groupe-sud.fr', 'invoice_number:F2026-001']],
  ],
  [
    'two clients in one thread',
    thread({ emails: ['compta@acme.fr', 'contact@garage-martin.fr'] }),
    ['several', ['acme', 'garage']],
  ],
  [
    '"facture n° F-2026-0042" in the subject',
    thread({ subject: 'Votre facture n° F-2026-0042' }),
    ['one', ['garage'], ['invoice_number:F-2026-0042']],
  ],
  [
    '"Facture FA2026-12" in the text',
    thread({ text: 'Bonjour, la Facture FA2026-12 sera payée vendredi.' }),
    ['one', ['bati']],
  ],
  [
    '"invoice #INV-1234"',
    thread({ text: 'About invoice #INV-1234, payment is on its way.' }),
    ['one', ['acme']],
  ],
  [
    '"N° de facture : 2026/118"',
    thread({ text: 'N° de facture : 2026/118 – mandat en cours' }),
    ['one', ['mairie'], ['invoice_number:2026/118']],
  ],
  [
    '"réf. F2026-001." at a sentence end',
    thread({ text: 'Concernant votre réf. F2026-001.' }),
    ['one', ['groupe-b']],
  ],
  ['in an attachment name', thread({ attachmentNames: ['Facture_F-2026-0042.pdf'] }), ['one', ['garage']]],
  [
    'in a hyphenated attachment name',
    thread({ attachmentNames: ['facture-f-2026-0042-relance.pdf'] }),
    ['one', ['garage']],
  ],
  ['a bare number with word boundaries', thread({ text: 'Le mandat 118 a été émis.' }), ['one', ['acme']]],
  ['not inside a longer number', thread({ text: 'Bon de commande 2026/1185 et 11800' }), ['none', []]],
  ['not inside a date', thread({ text: 'Livré le 2026-03-118 et le 118e jour' }), ['none', []]],
  ['not a sub-part of another number', thread({ text: 'Dossier F-2026-00420' }), ['none', []]],
  ['nothing at all', thread({ emails: ['nouveau@inconnu.fr'], subject: 'Bonjour' }), ['none', []]],
];

describe('matchThread', () => {
  const index = buildMatchIndex(ledger);
  it.each(cases)('%s', (_name, context, [verdict, ids, reasons]) => {
    const result = matchWithIndex(index, context, own);
    expect(result.verdict).toBe(verdict);
    expect(result.candidates.map((c) => c.clientId)).toEqual(ids);
    if (reasons) expect(result.candidates[0]!.reasons.map((r) => `${r.kind}:${r.value}`)).toEqual(reasons);
    expect(matchThread(ledger, context, own)).toEqual(result);
  });

  it('ranks address over domain over invoice numbers', () => {
    const result = matchWithIndex(
      index,
      thread({ emails: ['compta@acme.fr', 'atelier@garage-martin.fr'], text: 'F-2026-0042, 2026/118' }),
      own,
    );
    expect(result.candidates.map((c) => [c.clientId, c.score])).toEqual([
      ['acme', 100],
      ['garage', 11],
      ['mairie', 1],
    ]);
    expect(result.verdict).toBe('one');
  });
});

describe('invoice number candidates', () => {
  it.each([
    ['facture n°F-2026-0042.', ['facture', 'n', 'f-2026-0042']],
    [
      'Facture_F-2026-0042.pdf',
      ['facture_f-2026-0042.pdf', 'facture_f-2026-0042', 'f-2026-0042', 'f-2026-0042.pdf'],
    ],
    ['2026-03-15', ['2026-03-15']],
  ])('%s', (text, expected) => {
    const seen: string[] = [];
    forEachCandidate(text, (c) => seen.push(c));
    expect(seen).toEqual(expected);
  });
});

describe('threadContextSchema', () => {
  it('accepts what the adapters produce and rejects the rest', () => {
    const context = thread({ emails: ['a@b.fr'], subject: 'Relance' });
    expect(threadContextSchema.parse(context)).toEqual(context);
    expect(
      threadContextSchema.safeParse({ ...context, participants: [{ email: 'a@b.fr', role: 'bcc' }] }).success,
    ).toBe(false);
  });
});

describe('a large ledger', () => {
  it('finds the client among 1,000 clients and 5,000 invoices', () => {
    const big: MatchLedger = {
      clients: Array.from({ length: 1000 }, (_, i) => ({
        id: `c${i}`,
        emails: [`compta@client${i}.fr`],
        domains: [],
      })),
      invoices: Array.from({ length: 5000 }, (_, i) => ({
        number: `F-2026-${String(i).padStart(5, '0')}`,
        clientId: `c${i % 1000}`,
      })),
    };
    const index = buildMatchIndex(big);
    const result = matchWithIndex(
      index,
      thread({ emails: ['paie@client7.fr'], subject: 'Facture F-2026-01007', text: 'Bonjour '.repeat(5000) }),
      own,
    );
    expect(result.verdict).toBe('one');
    expect(result.candidates[0]).toMatchObject({ clientId: 'c7', score: 11 });
  });
});
