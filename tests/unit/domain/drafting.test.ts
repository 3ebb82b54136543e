import { describe, expect, it } from 'vitest';
import {
  composeDraft,
  draftToReply,
  formatRate,
  replySubject,
  type Draft,
  type DraftInput,
} from '../../../lib/domain/drafting';
import { buildScope } from '../../../lib/domain/drafting/scope';
import { formatMoney } from '../../../lib/domain/money';
import { computePenalties } from '../../../lib/domain/penalties';
import { defaultRateTable } from '../../../lib/domain/rates';
import { defaultScenarios } from '../../../lib/domain/scenarios';
import {
  clientSchema,
  companyProfileSchema,
  invoiceSchema,
  settingsSchema,
  type Channel,
  type ClientInput,
  type LedgerEvent,
  type Step,
  type Tone,
} from '../../../lib/domain/schemas';
import {
  defaultTemplates,
  templateIds,
  TemplateError,
  templateVariables,
  type Scope,
  type VariableSpec,
} from '../../../lib/domain/templates';

/*
 * A joinery in Lyon chases a bakery. Today is 15 March 2026 (H1 2026: ECB 2.15 %, so business
 * rate 12.15 %, public 10.15 %). Invoice F-2026-0042 (1,234.56 €) fell due on 9 February,
 * F-2026-0051 (980.00 €) on 20 February; a friendly reminder went out on 11 February.
 */
const today = '2026-03-15';
const rates = defaultRateTable();
const settings = settingsSchema.parse({});
const company = companyProfileSchema.parse({
  legalName: 'Menuiserie Durand',
  legalForm: 'SARL',
  shareCapital: '10 000 €',
  address: ['4 place Bellecour', '69002 Lyon'],
  siren: '123456789',
  rcs: 'RCS Lyon 123 456 789',
  vatNumber: 'FR12123456789',
  email: 'contact@menuiserie-durand.fr',
  phone: '04 78 00 00 00',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
  paymentLink: 'https://pay.example.com/menuiserie-durand',
  signature: 'Paul Durand\nMenuiserie Durand',
  termsRef: 'article 8 de nos CGV',
});

function clientOf(overrides: Partial<ClientInput> = {}) {
  return clientSchema.parse({
    id: 'c1',
    name: 'Boulangerie Lefèvre & Fils',
    contact: {
      civility: 'mme',
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      role: 'gérante',
      phone: '06 12 34 56 78',
    },
    emails: ['compta@lefevre-fils.fr', 'helene@lefevre-fils.fr'],
    address: ['12 rue des Moulins', '69002 Lyon'],
    siren: '987654321',
    ...overrides,
  });
}

const invoice42 = invoiceSchema.parse({
  id: 'i1',
  number: 'F-2026-0042',
  clientId: 'c1',
  issueDate: '2026-01-10',
  dueDate: '2026-02-09',
  amountCents: 123_456,
  pdfRef: 'pdf-42',
});
const invoice51 = invoiceSchema.parse({
  id: 'i2',
  number: 'F-2026-0051',
  clientId: 'c1',
  issueDate: '2026-01-21',
  dueDate: '2026-02-20',
  amountCents: 98_000,
});
const friendlySent: LedgerEvent = {
  id: 'e1',
  type: 'reminder',
  clientId: 'c1',
  invoiceIds: ['i1'],
  date: '2026-02-11',
  stepId: 'b-friendly',
  channel: 'email',
  note: '',
};

function stepOf(templateId: string, tone?: Tone, channel?: Channel): Step {
  const step = defaultScenarios.business.steps.find((s) => s.templateId === templateId)!;
  return { ...step, tone: tone ?? step.tone, channel: channel ?? step.channel };
}

function inputOf(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    client: clientOf(),
    invoices: [
      { invoice: invoice42, status: { outstandingCents: 123_456 } },
      { invoice: invoice51, status: { outstandingCents: 98_000 } },
    ],
    step: stepOf('firm'),
    channel: 'email',
    company,
    settings,
    rates,
    events: [friendlySent],
    today,
    ...overrides,
  };
}

function draft<C extends Draft['channel']>(channel: C, overrides: Partial<DraftInput> = {}) {
  return composeDraft(inputOf({ channel, ...overrides })) as Extract<Draft, { channel: C }>;
}

const euros = (cents: number, locale = 'fr-FR') => formatMoney(cents, 'EUR', locale);

function keysOf(spec: VariableSpec): unknown {
  if (typeof spec === 'string') return spec === 'flag' ? 'flag' : 'value';
  if ('list' in spec && typeof spec.list === 'object') return [keysOf(spec.list as VariableSpec)];
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, keysOf(v as VariableSpec)]));
}
function shapeOf(value: Scope[string]): unknown {
  if (typeof value === 'boolean') return 'flag';
  if (typeof value !== 'object') return 'value';
  if (Array.isArray(value)) return [shapeOf(value[0]!)];
  if (value.kind === 'link' || value.kind === 'table') return 'value';
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
}

describe('the drafting scope', () => {
  it('fills exactly the variables templates are validated against', () => {
    const input = inputOf();
    const scope = buildScope({
      input,
      words: defaultTemplates.fr.words,
      locale: 'fr-FR',
      lines: composeDraft(input).lines,
      totals: composeDraft(input).totals,
      reminders: [],
      compact: false,
    });
    expect(shapeOf(scope)).toEqual(keysOf(templateVariables));
  });
});

describe('composeDraft: every template, every channel, both languages', () => {
  const channels: Channel[] = ['email', 'sms', 'letter', 'phone'];
  const combos = (['fr', 'en'] as const).flatMap((language) =>
    templateIds.flatMap((id) => channels.map((channel) => [language, id, channel] as const)),
  );
  it.each(combos)(
    '%s %s %s renders, and says "mise en demeure" only at the formal notice',
    (language, id, channel) => {
      const step = { ...stepOf(id === 'call' ? 'call' : id), templateId: id, channel };
      const result = composeDraft(inputOf({ step, channel, language }));
      expect(result.channel).toBe(channel);
      expect(result.warnings).not.toContain('formal_notice_wording');
      const text = 'text' in result ? result.text : '';
      expect(text).not.toMatch(/\{\{|undefined|NaN|\[object/);
      if (step.tone !== 'formal_notice') expect(text).not.toMatch(/mise en demeure|formal notice/i);
    },
  );
});

describe('SMS fit one message with real values', () => {
  const longCompany = companyProfileSchema.parse({
    ...company,
    legalName: 'Société Nouvelle de Menuiserie et Charpente du Rhône',
    paymentLink: 'https://paiement.example-banque.fr/pay/snmcr/2026/0000042?ref=F-2026-0042',
  });
  const bigInvoice = invoiceSchema.parse({ ...invoice42, number: 'FA-2026-000123', amountCents: 12_345_678 });
  const cases = (['fr', 'en'] as const).flatMap((language) =>
    templateIds.flatMap((id) => [1, 2].map((count) => [language, id, count] as const)),
  );
  it.each(cases)('%s %s, %i invoice(s)', (language, id, count) => {
    const invoices = [{ invoice: bigInvoice, status: { outstandingCents: 12_345_678 } }];
    if (count === 2) invoices.push({ invoice: invoice51, status: { outstandingCents: 98_000 } });
    const sms = draft('sms', {
      language,
      company: longCompany,
      client: clientOf({ name: 'François Lefèvre' }),
      invoices,
      step: { ...stepOf(id === 'call' ? 'call' : id), templateId: id, channel: 'sms' },
    });
    expect(sms.measure).toMatchObject({ encoding: 'gsm7', fits: true });
    expect(sms.measure.length).toBeLessThanOrEqual(160);
    // The formal notice SMS only announces the letter, which names the invoices.
    if (id !== 'formal-notice')
      expect(sms.text).toContain(
        count === 1
          ? 'FA-2026-000123'
          : '2 factures'.replace('factures', language === 'fr' ? 'factures' : 'invoices'),
      );
    expect(sms.to).toBe('06 12 34 56 78');
  });

  it('drops the optional parts (the payment link) rather than spill into a second message', () => {
    const sms = draft('sms', { company: longCompany, step: { ...stepOf('firm'), channel: 'sms' } });
    expect(sms.text).not.toContain('https://');
    expect(sms.warnings).not.toContain('sms_too_long');
  });
});

describe('penalties in the firm and formal notice drafts, to the cent', () => {
  // Computed here independently with computePenalties, the way the sidebar does.
  const p42 = computePenalties({
    amountCents: 123_456,
    dueDate: '2026-02-09',
    segment: 'business',
    today,
    rates,
  });
  const p51 = computePenalties({
    amountCents: 98_000,
    dueDate: '2026-02-20',
    segment: 'business',
    today,
    rates,
  });
  // 123,456 × 1215 × 34 / 3,650,000 = 1397.2…; 98,000 × 1215 × 23 / 3,650,000 = 750.3…
  it('matches the hand-worked figures', () => {
    expect([p42.interestCents, p51.interestCents]).toEqual([1397, 750]);
  });

  const interest = p42.interestCents + p51.interestCents;
  const cases = [
    ['firm email', () => draft('email').text],
    ['firm letter', () => draft('letter', { step: stepOf('firm', 'firm', 'letter') }).text],
    ['last warning email', () => draft('email', { step: stepOf('last-warning', undefined, 'email') }).text],
    ['formal notice letter', () => draft('letter', { step: stepOf('formal-notice') }).text],
    ['formal notice email', () => draft('email', { step: stepOf('formal-notice', undefined, 'email') }).text],
  ] as const;
  it.each(cases)('%s', (_name, text) => {
    const body = text();
    expect(body).toContain(`Intérêts : ${euros(p42.interestCents)}`);
    expect(body).toContain(`Intérêts : ${euros(p51.interestCents)}`);
    expect(body).toContain(`Intérêts : ${euros(interest)}`);
    expect(body).toContain(`Indemnité : ${euros(8000)}`);
    expect(body).toContain(`Total dû : ${euros(221_456 + interest + 8000)}`);
    expect(body).toContain(formatRate(1215, 'fr-FR'));
  });

  it('claims principal, interest and indemnity in the formal notice, with its legal mentions', () => {
    const letter = draft('letter', { step: stepOf('formal-notice') });
    expect(letter.totals).toMatchObject({
      outstandingCents: 221_456,
      interestCents: interest,
      indemnityCents: 8000,
    });
    expect(letter.mention).toBe('Lettre recommandée avec accusé de réception');
    expect(letter.title).toBe('Mise en demeure de payer');
    for (const expected of [
      "nous vous mettons en demeure, au sens de l'article 1344 du Code civil",
      `la somme de ${euros(221_456 + interest + 8000)}, soit ${euros(221_456)} en principal, ${euros(interest)} d'intérêts`,
      'dans un délai de 8 jours à compter de la réception de ce courrier, soit au plus tard le 23 mars 2026',
      'article L441-10 du Code de commerce',
      `indemnité forfaitaire de ${euros(4000)} par facture`,
      'injonction de payer',
      'IBAN FR76 3000 6000 0112 3456 7890 189',
      'Malgré nos relances (11 février 2026)',
      'Madame,',
    ])
      expect(letter.text).toContain(expected);
    expect(letter.sender).toEqual([
      'Menuiserie Durand SARL',
      '4 place Bellecour',
      '69002 Lyon',
      '04 78 00 00 00',
      'contact@menuiserie-durand.fr',
      'RCS Lyon 123 456 789',
    ]);
    expect(letter.recipient).toEqual([
      'Boulangerie Lefèvre & Fils',
      'À l’attention de Madame Hélène Lefèvre',
      '12 rue des Moulins',
      '69002 Lyon',
      'SIREN 987 654 321',
    ]);
    expect(letter.footer).toContain('TVA intracommunautaire FR12123456789');
  });

  it('uses the deadline of the settings', () => {
    const letter = draft('letter', {
      step: stepOf('formal-notice'),
      settings: settingsSchema.parse({ formalNoticeDays: 15 }),
    });
    expect(letter.text).toContain(
      'dans un délai de 15 jours à compter de la réception de ce courrier, soit au plus tard le 30 mars 2026',
    );
  });

  it('consumer: no 40 €, interest at the legal rate only from the notice', () => {
    const letter = draft('letter', {
      client: clientOf({ segment: 'consumer' }),
      step: stepOf('formal-notice'),
    });
    expect(letter.totals).toMatchObject({ interestCents: 0, indemnityCents: 0 });
    expect(letter.text).toContain(`de nous payer la somme de ${euros(221_456)} dans un délai de 8 jours`);
    expect(letter.text).toContain('intérêts au taux légal à compter de la présente mise en demeure');
    expect(letter.text).not.toMatch(/indemnité|L441-10/i);
  });

  it('consumer: interest runs after a formal notice already sent', () => {
    const notice: LedgerEvent = {
      ...friendlySent,
      id: 'e2',
      date: '2026-03-01',
      stepId: 'c-formal-notice',
      invoiceIds: ['i1'],
    };
    const result = draft('email', {
      client: clientOf({ segment: 'consumer' }),
      events: [friendlySent, notice],
      invoices: [{ invoice: invoice42, status: { outstandingCents: 123_456 } }],
    });
    const expected = computePenalties({
      amountCents: 123_456,
      dueDate: '2026-02-09',
      segment: 'consumer',
      today,
      rates,
      formalNoticeDate: '2026-03-01',
    });
    expect(expected.interestCents).toBeGreaterThan(0);
    expect(result.totals.interestCents).toBe(expected.interestCents);
    expect(result.totals.indemnityCents).toBe(0);
  });

  it('public buyer: ECB + 8 points and 40 € per invoice', () => {
    const letter = draft('letter', {
      client: clientOf({ segment: 'public' }),
      step: stepOf('formal-notice'),
    });
    const p = computePenalties({
      amountCents: 123_456,
      dueDate: '2026-02-09',
      segment: 'public',
      today,
      rates,
    });
    expect(letter.lines[0]!.penalties).toEqual(p);
    expect(letter.text).toContain(formatRate(1015, 'fr-FR'));
    expect(letter.text).toContain('majoré de 8 points');
    expect(letter.totals.indemnityCents).toBe(8000);
  });

  it('counts payments already received', () => {
    const payment: LedgerEvent = {
      id: 'p1',
      type: 'payment',
      clientId: 'c1',
      invoiceIds: ['i1'],
      date: '2026-03-01',
      amountCents: 23_456,
      note: '',
    };
    const result = draft('email', {
      events: [friendlySent, payment],
      invoices: [{ invoice: invoice42, status: { outstandingCents: 100_000 } }],
    });
    const expected = computePenalties({
      amountCents: 123_456,
      dueDate: '2026-02-09',
      segment: 'business',
      today,
      rates,
      payments: [{ date: '2026-03-01', amountCents: 23_456 }],
    });
    expect(result.lines[0]!.penalties).toEqual(expected);
    expect(result.text).toContain(`Reste dû : ${euros(100_000)}`);
  });
});

describe('tone follows the relationship and the amount', () => {
  const cases: [relationship: ClientInput['relationship'], templateId: string, phrase: string][] = [
    ['loyal', 'friendly', "Il s'agit très probablement d'un simple oubli."],
    ['loyal', 'friendly', 'Bonjour Hélène,'],
    ['regular', 'friendly', 'Pourriez-vous nous indiquer la date prévue pour le règlement ?'],
    ['regular', 'friendly', 'Bonjour Madame Lefèvre,'],
    ['new', 'friendly', 'Vous trouverez ci-dessous le détail et nos coordonnées de paiement.'],
    ['new', 'friendly', "Pour mémoire, conformément à l'article L441-10"],
    [
      'late_payer',
      'friendly',
      "avec un retard de 34 jours. Nous vous remercions d'en effectuer le règlement dès réception de ce message.",
    ],
    ['loyal', 'firm', 'Compte tenu de la qualité de nos relations'],
    ['late_payer', 'firm', 'Ces retards répétés nous obligent à vous demander un règlement immédiat'],
    [
      'regular',
      'firm',
      `Nous vous remercions de procéder au règlement de ${euros(221_456)} sous huit jours.`,
    ],
    ['loyal', 'heads-up', 'merci encore pour votre confiance'],
    ['new', 'heads-up', 'Comme nous travaillons ensemble depuis peu'],
    ['late_payer', 'heads-up', 'programmer dès maintenant le règlement à ces échéances'],
    ['loyal', 'last-warning', 'Nous tenons à notre relation'],
  ];
  it.each(cases)('%s, %s: "%s"', (relationship, templateId, phrase) => {
    const text = draft('email', {
      client: clientOf({ relationship }),
      step: stepOf(templateId, undefined, 'email'),
    }).text;
    expect(text).toContain(phrase);
  });

  it('writes a personal message above the threshold, the standard one below', () => {
    const step = stepOf('friendly');
    const personal = draft('email', {
      step,
      settings: settingsSchema.parse({ personalThresholdCents: 100_000 }),
    });
    const standard = draft('email', {
      step,
      settings: settingsSchema.parse({ personalThresholdCents: 500_000 }),
    });
    expect(personal.text).toContain('Je me permets de vous contacter personnellement');
    expect(personal.text).toContain(
      'Je reste à votre disposition pour en parler de vive voix au 04 78 00 00 00.',
    );
    expect(standard.text).not.toContain('personnellement');
    expect(standard.text).toContain('il vous suffit de répondre à ce message');
  });

  it('prepares the call with history, questions, objections and outcomes', () => {
    const sheet = draft('phone', { step: stepOf('call'), client: clientOf({ relationship: 'late_payer' }) });
    expect(sheet.sections.map((s) => s.title)).toEqual([
      "Avant d'appeler",
      'Questions à poser',
      'Réponses aux objections',
      "À noter après l'appel",
    ]);
    expect(sheet.sections[0]!.items).toContain('Relances déjà faites : 11 février 2026');
    expect(sheet.sections[0]!.items.join('\n')).toContain('Retards fréquents');
    expect(sheet.sections[3]!.items[0]).toBe('Promesse de paiement : date et montant promis');
  });
});

describe('hostile values', () => {
  const hostile = clientOf({
    name: '<script>alert("pwn")</script> {{company.iban}} "Chez Léo"',
    contact: {
      civility: 'm',
      firstName: '<img src=x onerror=alert(1)>',
      lastName: "O'Hara",
      role: '',
      phone: '',
    },
    address: ['<b>1 rue</b>'],
  });
  const hostileInvoice = invoiceSchema.parse({ ...invoice42, number: '<i>F-1</i>"&' });
  const cases = [
    ['email', stepOf('friendly')],
    ['letter', stepOf('formal-notice')],
    ['phone', stepOf('call')],
  ] as const;
  it.each(cases)('are escaped in the %s HTML and kept verbatim in the text', (channel, step) => {
    const result = composeDraft(
      inputOf({
        client: hostile,
        step,
        channel,
        invoices: [{ invoice: hostileInvoice, status: { outstandingCents: 123_456 } }],
      }),
    ) as Extract<Draft, { html: string }>;
    expect(result.html).not.toMatch(/<script|<img|<b>|<i>|onerror=alert\(1\)>/);
    expect(result.html).toContain('&lt;i&gt;F-1&lt;/i&gt;&quot;&amp;');
    if (channel === 'letter')
      expect(result.html).toContain('&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt; {{company.iban}}');
    expect(result.text).toContain('<i>F-1</i>"&');
    // A "{{" inside a value is never read as a tag.
    expect(result.text).not.toContain('FR76 3000 6000 0112 3456 7890 189 "Chez Léo"');
  });
});

describe('English drafts', () => {
  it('speaks English, with English amounts and dates', () => {
    const email = draft('email', { language: 'en', step: stepOf('friendly') });
    expect(email.subject).toBe('Reminder: invoices no. F-2026-0042 and F-2026-0051 – past due');
    expect(email.text).toContain('Dear Ms Lefèvre,');
    expect(email.text).toContain('for a total of €2,214.56, have not been paid yet');
    expect(email.text).toContain('Kind regards,');
  });

  it('defaults to the client’s language', () => {
    const letter = draft('letter', { client: clientOf({ language: 'en' }), step: stepOf('formal-notice') });
    expect(letter.title).toBe('Formal notice to pay');
    expect(letter.text).toContain(`interest at 12.15% a year`);
    expect(letter.text).toContain(
      'within 8 days of receiving this letter, that is by 23 March 2026 at the latest',
    );
    expect(letter.text).toContain(`Interest: ${euros(2147, 'en-GB')}`);
  });
});

describe('email specifics', () => {
  it('addresses the client’s emails and attaches the invoice PDFs it has', () => {
    const email = draft('email');
    expect(email.to).toEqual(['compta@lefevre-fils.fr', 'helene@lefevre-fils.fr']);
    expect(email.attachments).toEqual([{ invoiceId: 'i1', pdfRef: 'pdf-42', name: 'F-2026-0042.pdf' }]);
    expect(email.subject).toBe('Relance – factures n° F-2026-0042 et F-2026-0051 impayées depuis 34 jours');
  });

  it.each([
    ['Commande atelier', 'Re: Commande atelier'],
    ['RE: Commande atelier', 'RE: Commande atelier'],
    ['Ré : Devis', 'Ré : Devis'],
  ])('keeps the thread: "%s" → "%s"', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
    const email = draft('email', { threadSubject: subject });
    expect(draftToReply(email)).toEqual({ html: email.html, text: email.text, subject: expected });
  });

  it('warns when there is nobody to write to', () => {
    expect(draft('email', { client: clientOf({ emails: [] }) }).warnings).toContain('no_recipient');
  });

  it('lists several invoices with "et N autres" beyond three', () => {
    const many = [1, 2, 3, 4].map((n) => ({
      invoice: invoiceSchema.parse({ ...invoice51, id: `m${n}`, number: `F-2026-01${n}` }),
      status: { outstandingCents: 98_000 },
    }));
    expect(draft('email', { invoices: many, step: stepOf('friendly') }).subject).toBe(
      'Relance factures n° F-2026-011, F-2026-012 et 2 autres – échéance dépassée',
    );
  });
});

describe('custom templates', () => {
  it('are used in place of the defaults', () => {
    const email = draft('email', {
      templates: { fr: { firm: { email: { subject: 'Urgent : {{invoiceRefs}} ({{total.outstanding}})' } } } },
    });
    expect(email.subject).toBe(`Urgent : F-2026-0042 et F-2026-0051 (${euros(221_456)})`);
  });

  it('stop the draft on an unknown variable', () => {
    expect(() =>
      draft('email', { templates: { fr: { firm: { email: { body: 'Bonjour {{client.nom}}' } } } } }),
    ).toThrow(TemplateError);
  });

  it('flag "mise en demeure" used before the formal notice', () => {
    const email = draft('email', {
      templates: { fr: { firm: { email: { body: 'Ceci vaut mise en demeure.' } } } },
    });
    expect(email.warnings).toContain('formal_notice_wording');
  });
});
