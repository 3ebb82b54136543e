import { describe, expect, it } from 'vitest';
import {
  defaultTemplates,
  measureSms,
  renderTemplate,
  renderText,
  resolveTemplate,
  templateIds,
  TemplateError,
  toGsmFriendly,
  validateOverrides,
  validateTemplate,
  type Scope,
  type TemplateIssueCode,
} from '../../../lib/domain/templates';

const scope: Scope = {
  client: { name: 'Garage Martin', loyal: true, new: false },
  single: false,
  invoices: [
    { number: 'F-2026-0042', outstanding: '1 200,00 €' },
    { number: 'F-2026-0043', outstanding: '300,00 €' },
  ],
  payment: { link: { kind: 'link', href: 'https://pay.example.com/x?a=1&b=2' } },
};

describe('validateTemplate', () => {
  const cases: [
    name: string,
    template: string,
    issues: [TemplateIssueCode, line: number, column: number][],
  ][] = [
    ['a valid template', 'Bonjour {{contact.name}},\n{{#if single}}x{{else}}y{{/if}}', []],
    [
      'an unknown variable, with its position',
      'Bonjour,\nFacture {{invoice.numero}}',
      [['unknown_variable', 2, 9]],
    ],
    ['a misspelt root name', '{{clent.name}}', [['unknown_variable', 1, 1]]],
    ['an unclosed tag', 'Montant : {{total.outstanding', [['unclosed_tag', 1, 11]]],
    ['an unclosed block', 'a\n  {{#if personal}}oui', [['unclosed_block', 2, 3]]],
    ['a close without open', 'x {{/if}}', [['unexpected_close', 1, 3]]],
    [
      'a mismatched close',
      '{{#each invoices}}{{number}}{{/if}}',
      [
        ['unclosed_block', 1, 1],
        ['mismatched_close', 1, 29],
      ],
    ],
    ['an else outside a block', '{{else}}', [['unexpected_else', 1, 1]]],
    ['an empty tag', 'a {{ }} b', [['empty_tag', 1, 3]]],
    ['a tag that is not a name', '{{client name}}', [['invalid_tag', 1, 1]]],
    ['a list printed as text', '{{invoices}}', [['not_printable', 1, 1]]],
    ['a flag printed as text', '{{personal}}', [['not_printable', 1, 1]]],
    ['each over a non-list', '{{#each client}}x{{/each}}', [['not_a_list', 1, 1]]],
    ['an item field outside its loop', '{{number}}', [['unknown_variable', 1, 1]]],
    ['an item field inside its loop', '{{#each invoices}}{{number}} {{client.name}}{{/each}}', []],
    ['else if chains', '{{#if client.loyal}}a{{else if client.new}}b{{else}}c{{/if}}', []],
  ];
  it.each(cases)('%s', (_name, template, expected) => {
    expect(validateTemplate(template).map((i) => [i.code, i.line, i.column])).toEqual(expected);
  });

  it('names the variable and the tag', () => {
    expect(validateTemplate('x {{ client.nme }}')[0]).toMatchObject({
      code: 'unknown_variable',
      variable: 'client.nme',
      tag: '{{ client.nme }}',
      offset: 2,
    });
  });

  it('finds no issue in any default template, in either language', () => {
    for (const language of ['fr', 'en'] as const)
      for (const id of templateIds)
        for (const [channel, fields] of Object.entries(defaultTemplates[language].templates[id]!))
          for (const [field, text] of Object.entries(fields as Record<string, string>))
            expect(validateTemplate(text), `${language} ${id} ${channel} ${field}`).toEqual([]);
  });
});

describe('renderTemplate', () => {
  it('escapes every value in HTML and keeps it as is in text', () => {
    const hostile = `<script>alert("x")</script> & O'Neil {{company.iban}}`;
    const out = renderTemplate('Client : {{client.name}}', { client: { name: hostile } });
    expect(out.html).toBe(
      '<p>Client : &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neil {{company.iban}}</p>',
    );
    expect(out.text).toBe(`Client : ${hostile}`);
  });

  it('escapes the template text itself: templates are text, not HTML', () => {
    expect(renderTemplate('<b>{{client.name}}</b>', scope).html).toBe(
      '<p>&lt;b&gt;Garage Martin&lt;/b&gt;</p>',
    );
  });

  it('makes paragraphs at blank lines and line breaks at single ones, across values', () => {
    const out = renderTemplate('Bonjour,\n\n{{client.name}}\nLyon\n{{#if single}}\nX\n{{/if}}\n\nFin', scope);
    expect(out.html).toBe('<p>Bonjour,</p>\n<p>Garage Martin<br>Lyon</p>\n<p>Fin</p>');
    expect(out.text).toBe('Bonjour,\n\nGarage Martin\nLyon\n\nFin');
  });

  it('drops the lines of standalone block tags', () => {
    const template = 'A\n{{#if client.loyal}}\nFidèle\n{{else}}\nAutre\n{{/if}}\nB';
    expect(renderText(template, scope)).toBe('A\nFidèle\nB');
  });

  it('walks else-if chains', () => {
    const template = '{{#if client.new}}nouveau{{else if client.loyal}}fidèle{{else}}autre{{/if}}';
    expect(renderText(template, scope)).toBe('fidèle');
    expect(renderText(template, { client: { new: false, loyal: false } })).toBe('autre');
  });

  it('loops over lists with the item fields first', () => {
    expect(renderText('{{#each invoices}}{{number}} ({{client.name}}) {{/each}}', scope)).toBe(
      'F-2026-0042 (Garage Martin) F-2026-0043 (Garage Martin)',
    );
  });

  it('prints http(s) links as links, escaped, and anything else as text', () => {
    expect(renderTemplate('{{payment.link}}', scope).html).toBe(
      '<p><a href="https://pay.example.com/x?a=1&amp;b=2">https://pay.example.com/x?a=1&amp;b=2</a></p>',
    );
    const evil = { payment: { link: { kind: 'link', href: 'javascript:alert(1)' } } } as Scope;
    expect(renderTemplate('{{payment.link}}', evil).html).toBe('<p>javascript:alert(1)</p>');
  });

  it('throws on a name the scope does not hold, never printing a blank', () => {
    expect(() => renderTemplate('Bonjour {{contact.nom}}', scope)).toThrow(TemplateError);
    try {
      renderText('ok\n  {{oops}}', scope);
    } catch (error) {
      expect((error as TemplateError).issues[0]).toMatchObject({
        code: 'unknown_variable',
        line: 2,
        column: 3,
      });
    }
  });

  it('throws on a syntax error', () => {
    expect(() => renderText('{{#if single}}x', scope)).toThrow(TemplateError);
  });

  it('renders tables as escaped HTML and one line per row in text', () => {
    const table: Scope = {
      t: {
        kind: 'table',
        columns: ['N°', 'Reste dû'],
        rows: [['<F1>', '10,00 €']],
        footer: ['Total', '10,00 €'],
        numeric: [false, true],
        labelSeparator: ' : ',
      },
    };
    const out = renderTemplate('Avant\n{{t}}\nAprès', table);
    expect(out.html).toContain(
      '<td style="padding:4px 8px;border:1px solid #d0d0d0;text-align:left">&lt;F1&gt;</td>',
    );
    expect(out.html.startsWith('<p>Avant</p>\n<table')).toBe(true);
    expect(out.html.endsWith('</table>\n<p>Après</p>')).toBe(true);
    expect(out.text).toBe('Avant\n\n• <F1> – Reste dû : 10,00 €\nTotal – Reste dû : 10,00 €\n\nAprès');
  });
});

describe('SMS length', () => {
  const cases: [name: string, text: string, encoding: 'gsm7' | 'ucs2', length: number, fits: boolean][] = [
    ['160 GSM characters fit', 'a'.repeat(160), 'gsm7', 160, true],
    ['161 do not', 'a'.repeat(161), 'gsm7', 161, false],
    ['the euro sign counts twice', `${'a'.repeat(158)}€`, 'gsm7', 160, true],
    ['é, è, à, ù are GSM', 'Échéance dépassée à régler où', 'gsm7', 29, true],
    ['ê is not: 70 at most', `${'a'.repeat(69)}ê`, 'ucs2', 70, true],
    ['71 UCS-2 do not fit', `${'a'.repeat(70)}ê`, 'ucs2', 71, false],
  ];
  it.each(cases)('%s', (_name, text, encoding, length, fits) => {
    expect(measureSms(text)).toMatchObject({ encoding, length, fits });
  });

  it('turns French typography into GSM characters', () => {
    const formatted = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(1234.56);
    const text = toGsmFriendly(`Société Bâtiment – « ${formatted} » l’échéance… François`);
    expect(text).toBe('Société Batiment - " 1 234,56 € " l\'échéance... Francois');
    expect(measureSms(text).encoding).toBe('gsm7');
  });
});

describe('template sets', () => {
  it('takes the user’s fields over the defaults, field by field', () => {
    const email = resolveTemplate(defaultTemplates, 'fr', 'friendly', 'friendly', 'email', {
      fr: { friendly: { email: { subject: 'Petit rappel {{invoiceRefs}}' } } },
    });
    expect(email.subject).toBe('Petit rappel {{invoiceRefs}}');
    expect(email.body).toBe(defaultTemplates.fr.templates.friendly!.email.body);
  });

  it('falls back to the template of the tone for an unknown template id', () => {
    expect(resolveTemplate(defaultTemplates, 'en', 'my-own-step', 'last_warning', 'sms')).toEqual(
      defaultTemplates.en.templates['last-warning']!.sms,
    );
  });

  it('reports the issues of edited templates, with where they are', () => {
    const issues = validateOverrides({ en: { firm: { sms: { body: 'Pay {{amount}}' } } } });
    expect(issues).toMatchObject([
      {
        language: 'en',
        templateId: 'firm',
        channel: 'sms',
        field: 'body',
        code: 'unknown_variable',
        variable: 'amount',
      },
    ]);
  });
});
