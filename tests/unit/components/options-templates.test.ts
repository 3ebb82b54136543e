import { describe, expect, it } from 'vitest';
import { batchOf, fileKind } from '../../../components/options/import-model';
import {
  currentTemplate,
  previewDraft,
  variableList,
  withField,
} from '../../../components/options/template-model';
import { demoLedger } from '../../../lib/demo/sample-ledger';
import { defaultTemplates, validateTemplate } from '../../../lib/domain/templates';
import { importCsv } from '../../../lib/import';

const today = '2026-11-25';
const ledger = demoLedger(today);

describe('template editing', () => {
  it('keeps only what differs from the built-in text, so a reset leaves nothing', () => {
    const original = defaultTemplates.fr.templates.friendly!.email.subject;
    const edited = withField({}, 'fr', 'friendly', 'email', 'subject', 'Rappel {{invoiceRefs}}');
    expect(edited).toEqual({ fr: { friendly: { email: { subject: 'Rappel {{invoiceRefs}}' } } } });
    expect(currentTemplate(edited, 'fr', 'friendly', 'email').subject).toBe('Rappel {{invoiceRefs}}');
    expect(currentTemplate(edited, 'fr', 'friendly', 'email').body).toBe(
      defaultTemplates.fr.templates.friendly!.email.body,
    );
    expect(withField(edited, 'fr', 'friendly', 'email', 'subject', original)).toEqual({});
  });

  it('lists every variable a template may use, each of which validates', () => {
    const variables = variableList();
    const names = variables.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['client.name', 'invoiceRefs', 'total.outstanding']));
    expect(variables.find((entry) => entry.name === 'invoices')?.kind).toBe('list');
    for (const { name, kind } of variables) {
      const text =
        kind === 'list'
          ? `{{#each ${name}}}x{{/each}}`
          : kind === 'flag'
            ? `{{#if ${name}}}x{{/if}}`
            : `{{${name}}}`;
      expect(validateTemplate(text), name).toEqual([]);
    }
  });

  it('previews an edited template on the sample case, in the chosen language', () => {
    const overrides = withField(
      {},
      'en',
      'firm',
      'sms',
      'body',
      'Owed: {{total.outstanding}} ({{invoiceRefs}})',
    );
    const draft = previewDraft(ledger, overrides, 'en', 'firm', 'sms', today);
    expect(draft?.channel).toBe('sms');
    expect(draft?.text).toMatch(/^Owed: €2,560\.40 \(F-2026-017\)$/);
  });
});

describe('import helpers', () => {
  it.each([
    ['export.CSV', '', 'csv'],
    ['facture.pdf', '', 'einvoice'],
    ['facture.xml', '', 'einvoice'],
    ['sans-extension', '%PDF-1.7', 'einvoice'],
    ['sans-extension', '  <?xml version="1.0"?>', 'einvoice'],
    ['photo.png', '\u0089PNG', 'unknown'],
  ])('%s starting with %j is %s', (name, head, kind) => {
    expect(fileKind(name, new TextEncoder().encode(head))).toBe(kind);
  });

  it('writes only new and changed records: the same file twice writes nothing the second time', () => {
    const csv =
      'N° facture;Client;Date;Échéance;Montant TTC\nF-900;Nouveau client;01/11/2026;01/12/2026;100,00\nF-901;Nouveau client;02/11/2026;02/12/2026;50,00\n';
    const first = batchOf(importCsv(csv, undefined, ledger, today));
    expect(first.invoices.map((invoice) => invoice.number)).toEqual(['F-900', 'F-901']);
    expect(first.clients.map((client) => client.name)).toEqual(['Nouveau client']);
    const after = {
      ...ledger,
      clients: [...ledger.clients, ...(first.clients as typeof ledger.clients)],
      invoices: [...ledger.invoices, ...(first.invoices as typeof ledger.invoices)],
    };
    expect(batchOf(importCsv(csv, undefined, after, today))).toEqual({ clients: [], invoices: [] });
  });
});
