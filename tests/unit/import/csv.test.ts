import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientSchema, invoiceSchema, type Client, type Invoice } from '../../../lib/domain/schemas';
import { translator } from '../../../lib/i18n';
import {
  analyseCsv,
  describeIssue,
  importCsv,
  type ImportResult,
  type LedgerSnapshot,
} from '../../../lib/import';

const TODAY = '2026-11-23';
const empty: LedgerSnapshot = { clients: [], invoices: [] };
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)));
const byNumber = (result: ImportResult, number: string) =>
  result.invoices.find((i) => i.invoice.number === number);
const fr = translator('fr');
const report = (result: ImportResult) => result.issues.map((item) => describeIssue(item, fr));
/** The ledger after the user writes a result. */
const written = (ledger: LedgerSnapshot, result: ImportResult): LedgerSnapshot => {
  const clients = new Map<string, Client>(ledger.clients.map((c) => [c.id, c]));
  const invoices = new Map<string, Invoice>(ledger.invoices.map((i) => [i.id, i]));
  for (const { client } of result.clients) clients.set(client.id, client);
  for (const { invoice } of result.invoices) invoices.set(invoice.id, invoice);
  return { clients: [...clients.values()], invoices: [...invoices.values()] };
};

describe('a Sage/EBP-like export: Windows-1252, semicolons, French headers under a title', () => {
  const analysis = analyseCsv(fixture('sage-ebp-windows1252.csv'));

  it('is read and mapped without help', () => {
    expect(analysis).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerLine: 3, rowCount: 8 });
    expect(analysis.headers[0]).toBe('N° pièce');
    expect(analysis.mapping).toEqual({
      number: 0,
      issueDate: 1,
      dueDate: 2,
      client: 4,
      siren: 5,
      email: 6,
      phone: 7,
      segment: 8,
      terms: 9,
      total: 10,
      remaining: 11,
      status: 12,
    });
    expect(analysis.columns[3]).toEqual({ index: 3, header: 'Code client', confidence: 0 });
    expect(analysis.missingRequired).toEqual([]);
    expect(analysis.sampleRows[0]![4]).toBe('Boulangerie Martin');
    expect(analysis.decimalSeparator).toBe(',');
  });

  const result = importCsv(analysis, undefined, empty, TODAY);

  it('imports every invoice with exact cents, dates, payments and credit notes', () => {
    expect(result.counts).toEqual({
      rows: 8,
      rejected: 0,
      newInvoices: 7,
      updatedInvoices: 0,
      unchangedInvoices: 0,
      creditNotes: 1,
      newClients: 5,
      updatedClients: 0,
    });
    expect(byNumber(result, 'FA-2026-0101')).toMatchObject({
      line: 4,
      status: 'new',
      invoice: { issueDate: '2026-09-02', dueDate: '2026-10-02', amountCents: 123456, paidCents: 0 },
    });
    expect(byNumber(result, 'FA-2026-0103')!.invoice).toMatchObject({ amountCents: 56040, paidCents: 56040 });
    expect(byNumber(result, 'FA-2026-0105')!.invoice).toMatchObject({
      amountCents: 4560000,
      paidCents: 2560000,
    });
    expect(byNumber(result, 'FA-2026-0106')!.invoice).toMatchObject({
      amountCents: 125000,
      dueDate: '2026-12-31',
    });
    expect(byNumber(result, 'AV-2026-0007')!.invoice).toMatchObject({
      isCreditNote: true,
      amountCents: 12000,
    });
  });

  it('derives missing due dates from the terms, else from the default, and says so', () => {
    expect(byNumber(result, 'FA-2026-0102')!.invoice).toMatchObject({ dueDate: '2026-10-31' });
    expect(byNumber(result, 'FA-2026-0105')!.invoice).toMatchObject({ dueDate: '2026-11-11' });
    expect(report(result)).toEqual([
      'Ligne 5, colonne « Conditions de règlement » : pas d’échéance : calculée d’après les conditions « 30 jours fin de mois », soit le 31/10/2026.',
      'Ligne 9 : pas d’échéance : fixée à 30 jours après la date de facture, soit le 11/11/2026.',
      'Ligne 11 : ligne de total, ignorée.',
    ]);
  });

  it('merges rows of one client by SIREN and keeps what each row says about it', () => {
    const bakery = result.clients.find((c) => c.client.siren === '552100554')!.client;
    expect(bakery).toMatchObject({
      name: 'Boulangerie Martin',
      emails: ['contact@boulangerie-martin.fr'],
      segment: 'business',
      contact: { phone: '04 78 12 34 56' },
    });
    expect(result.invoices.filter((i) => i.invoice.clientId === bakery.id)).toHaveLength(3);
    const segments = Object.fromEntries(result.clients.map(({ client }) => [client.name, client.segment]));
    expect(segments).toEqual({
      'Boulangerie Martin': 'business',
      'Mairie de Villeurbanne': 'public',
      'Durand Élise': 'consumer',
      'Hexagone Logistique SAS': 'key_account',
      'Café des Arts "Chez Jo"': 'business',
    });
  });

  it('updates instead of duplicating when the same file comes again', () => {
    const ledger = written(empty, result);
    const again = importCsv(fixture('sage-ebp-windows1252.csv'), undefined, ledger, TODAY);
    expect(again.counts).toMatchObject({
      newInvoices: 0,
      updatedInvoices: 0,
      unchangedInvoices: 7,
      newClients: 0,
    });
    expect(again.invoices.map((i) => i.invoice.id).sort()).toEqual(
      result.invoices.map((i) => i.invoice.id).sort(),
    );

    const paidSince = new TextDecoder('windows-1252')
      .decode(fixture('sage-ebp-windows1252.csv'))
      .replace('89,90;89,90;Impayée', '89,90;0,00;Payée');
    const third = importCsv(paidSince, undefined, written(ledger, again), TODAY);
    expect(third.counts).toMatchObject({ newInvoices: 0, updatedInvoices: 1, unchangedInvoices: 6 });
    expect(byNumber(third, 'FA-2026-0104')).toMatchObject({
      status: 'updated',
      invoice: { paidCents: 8990 },
    });
  });
});

describe('an English export: UTF-8 with BOM, commas, quoted cells', () => {
  const analysis = analyseCsv(fixture('english-utf8-bom.csv'));
  const result = importCsv(analysis, undefined, empty, TODAY);

  it('is read and mapped', () => {
    expect(analysis).toMatchObject({
      encoding: 'utf-8-bom',
      delimiter: ',',
      headerLine: 1,
      decimalSeparator: '.',
    });
    expect(analysis.headers[0]).toBe('Invoice Number');
    expect(analysis.mapping).toMatchObject({
      number: 0,
      client: 1,
      issueDate: 2,
      dueDate: 3,
      total: 4,
      remaining: 5,
    });
  });

  it('imports amounts, currencies, partial payments and the credit note', () => {
    expect(result.counts).toMatchObject({
      rows: 5,
      rejected: 0,
      newInvoices: 5,
      creditNotes: 1,
      newClients: 3,
    });
    expect(byNumber(result, 'INV-1001')!.invoice).toMatchObject({ amountCents: 123456, currency: 'EUR' });
    expect(byNumber(result, 'INV-1002')!.invoice).toMatchObject({ paidCents: 250000, currency: 'GBP' });
    expect(byNumber(result, 'INV-1003')!.invoice).toMatchObject({ amountCents: 98010, paidCents: 50000 });
    expect(byNumber(result, 'CN-0004')!.invoice).toMatchObject({ isCreditNote: true, amountCents: 15000 });
    expect(byNumber(result, 'INV-1005')!.invoice).toMatchObject({
      amountCents: 1200050,
      dueDate: '2026-12-02',
    });
    expect(result.clients.map((c) => c.client.name)).toEqual(['Dupont, Fils & Cie', 'Acme Ltd', 'Zoë Café']);
  });

  it('uses the default due days the caller passes, and reports it', () => {
    const custom = importCsv(analysis, undefined, empty, TODAY, { defaultDueDays: 45 });
    expect(byNumber(custom, 'INV-1005')!.invoice.dueDate).toBe('2026-12-17');
    expect(custom.issues).toEqual([
      expect.objectContaining({ severity: 'assumption', line: 6, key: 'import.row.dueFromDefault' }),
    ]);
    expect(describeIssue(custom.issues[0]!, translator('en'), 'en-GB')).toBe(
      'Line 6: no due date: set to 45 days after the invoice date, giving 17/12/2026.',
    );
  });
});

describe('a malformed export', () => {
  const result = importCsv(fixture('malformed.csv'), undefined, empty, TODAY);

  it('keeps the good rows, including a quoted multi-line cell and narrow no-break spaces', () => {
    expect(result.invoices.map((i) => [i.line, i.invoice.number, i.invoice.amountCents])).toEqual([
      [2, 'F-001', 100000],
      [10, 'F-009', 7550],
      [14, 'F-012', 123456],
      [16, 'F-014', 2000],
    ]);
    expect(result.clients.find((c) => c.client.name.startsWith('Lambda'))!.client.name).toBe(
      'Lambda (siège)',
    );
  });

  it('names each rejected row: line, column, value and reason', () => {
    expect(result.counts.rejected).toBe(10);
    expect(report(result)).toEqual([
      'Ligne 3, colonne « Numéro de facture » : cellule vide, alors que l’information est obligatoire.',
      'Ligne 4, colonne « Montant TTC » : « 12,3,4 » n’est pas un montant lisible.',
      'Ligne 5, colonne « Date » : « 31/02/2026 » n’est pas une date lisible (attendu par exemple 23/11/2026).',
      'Ligne 6 : la ligne a 10 cellules au lieu de 8 (un séparateur en trop, peut-être dans un montant) ; elle est ignorée.',
      'Ligne 7, colonne « Échéance » : l’échéance « 01/10/2026 » est antérieure à la date de facture (10/10/2026).',
      'Ligne 8, colonne « Payé » : le montant payé (150,00) dépasse le montant de la facture.',
      'Ligne 9 : la facture F-001 figure déjà ligne 2 ; cette ligne est ignorée.',
      'Ligne 10, colonne « E-mail » : « pas-une-adresse@ » n’est pas une adresse e-mail ; elle n’est pas enregistrée.',
      'Ligne 10, colonne « SIREN » : « 12345 » n’est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres) ; il n’est pas enregistré.',
      'Ligne 11, colonne « Client » : cellule vide, alors que l’information est obligatoire.',
      'Ligne 12, colonne « Montant TTC » : cellule vide, alors que l’information est obligatoire.',
      'Ligne 17 : un guillemet ouvert n’est jamais fermé ; la ligne est illisible.',
    ]);
    expect(result.issues.find((i) => i.line === 4)).toMatchObject({
      severity: 'error',
      column: 'Montant TTC',
      value: '12,3,4',
    });
  });
});

describe('merging with the ledger', () => {
  const known: Client = {
    id: 'c-known',
    name: 'Boulangerie Martin et Fils',
    segment: 'key_account',
    relationship: 'loyal',
    language: 'fr',
    contact: { civility: 'mme', firstName: 'Anne', lastName: 'Martin', role: '', phone: '' },
    emails: ['anne@boulangerie-martin.fr'],
    domains: [],
    address: [],
    siren: '552100554',
    notes: '',
  };
  const byEmail: Client = {
    ...known,
    id: 'c-email',
    name: 'Mairie (compta)',
    siren: undefined,
    emails: ['comptabilite@mairie-villeurbanne.fr'],
  };
  delete byEmail.siren;
  const byName: Client = { ...known, id: 'c-name', name: 'DURAND, Élise', emails: [] };
  delete byName.siren;
  const ledger: LedgerSnapshot = { clients: [known, byEmail, byName], invoices: [] };
  const result = importCsv(fixture('sage-ebp-windows1252.csv'), undefined, ledger, TODAY);
  const clientOf = (number: string) => byNumber(result, number)!.invoice.clientId;

  it('finds clients by SIREN, then email, then name, and only fills what they lack', () => {
    expect(clientOf('FA-2026-0101')).toBe('c-known');
    expect(clientOf('FA-2026-0102')).toBe('c-email');
    expect(clientOf('FA-2026-0104')).toBe('c-name');
    const updated = result.clients.find((c) => c.client.id === 'c-known')!;
    expect(updated.status).toBe('updated');
    expect(updated.client).toMatchObject({
      name: 'Boulangerie Martin et Fils',
      segment: 'key_account',
      emails: ['anne@boulangerie-martin.fr', 'contact@boulangerie-martin.fr'],
      contact: { firstName: 'Anne', phone: '04 78 12 34 56' },
    });
    expect(result.clients.find((c) => c.client.id === 'c-email')!.client.siren).toBe('216902647');
    expect(result.counts.newClients).toBe(2);
  });

  it('refuses an invoice number that belongs to another client', () => {
    const other: Invoice = {
      id: 'i-1',
      number: 'fa-2026-0101',
      clientId: 'c-name',
      issueDate: '2026-09-02',
      dueDate: '2026-10-02',
      amountCents: 1,
      currency: 'EUR',
      paidCents: 0,
      paymentTerms: '',
      isCreditNote: false,
    };
    const clash = importCsv(
      fixture('sage-ebp-windows1252.csv'),
      undefined,
      { ...ledger, invoices: [other] },
      TODAY,
    );
    expect(byNumber(clash, 'FA-2026-0101')).toBeUndefined();
    expect(clash.issues).toContainEqual(
      expect.objectContaining({
        line: 4,
        key: 'import.row.numberOfOtherClient',
        params: expect.objectContaining({ owner: 'DURAND, Élise' }),
      }),
    );
  });
});

describe('manual mapping', () => {
  const text = 'Ref;Qui;Le;Combien\nA-1;Alpha;01/10/2026;10,00\n';

  it('reports what it cannot find, and imports once the user maps it', () => {
    const analysis = analyseCsv(text);
    expect(analysis.missingRequired).toEqual(['client', 'total', 'issueDate']);
    expect(analysis.uncertain).toEqual(['number']);
    const refused = importCsv(analysis, undefined, empty, TODAY);
    expect(refused.invoices).toEqual([]);
    expect(refused.issues.map((i) => describeIssue(i, fr))).toEqual([
      'Aucune colonne ne correspond à « Client » : choisissez-la dans la liste.',
      'Aucune colonne ne correspond à « Montant TTC » : choisissez-la dans la liste.',
      'Aucune colonne ne correspond à « Date de facture » : choisissez-la dans la liste.',
    ]);
    const mapped = importCsv(analysis, { number: 0, client: 1, issueDate: 2, total: 3 }, empty, TODAY);
    expect(mapped.invoices[0]!.invoice).toMatchObject({
      number: 'A-1',
      amountCents: 1000,
      dueDate: '2026-10-31',
    });
  });

  it.each([
    ['tab', 'N° facture\tClient\tDate\tMontant TTC\nA-1\tAlpha\t01/10/2026\t10,00\n', '\t'],
    ['pipe', 'N° facture|Client|Date|Montant TTC\nA-1|Alpha|01/10/2026|10,00\n', '|'],
  ])('detects the %s delimiter', (_name, input, delimiter) => {
    const analysis = analyseCsv(input);
    expect(analysis.delimiter).toBe(delimiter);
    expect(importCsv(analysis, undefined, empty, TODAY).invoices).toHaveLength(1);
  });

  it('reads a Type column by its values and statuses in words', () => {
    const input = [
      'Facture;Client;Date;Type;Montant;Statut',
      'A-1;Alpha;01/10/2026;Facture;10,00;soldée',
      'A-2;Alpha;02/10/2026;Avoir;5,00;',
      'A-3;Alpha;03/10/2026;Facture;7,00;bizarre',
    ].join('\n');
    const analysis = analyseCsv(input);
    expect(analysis.mapping.docType).toBe(3);
    const result = importCsv(analysis, undefined, empty, TODAY);
    expect(
      result.invoices.map((i) => [i.invoice.number, i.invoice.isCreditNote, i.invoice.paidCents]),
    ).toEqual([
      ['A-1', false, 1000],
      ['A-2', true, 0],
      ['A-3', false, 0],
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ line: 4, key: 'import.row.unknownStatus' }),
    );
  });

  it('reports an empty file', () => {
    expect(analyseCsv(new Uint8Array()).error).toMatchObject({ key: 'import.file.empty' });
    expect(importCsv(new Uint8Array(), undefined, empty, TODAY).issues[0]).toMatchObject({
      key: 'import.file.empty',
    });
  });
});

describe('what an import returns', () => {
  it.each(['sage-ebp-windows1252.csv', 'english-utf8-bom.csv', 'malformed.csv'])(
    '%s: every record is valid for the ledger schemas, unchanged by them',
    (name) => {
      const result = importCsv(fixture(name), undefined, empty, TODAY);
      for (const { invoice } of result.invoices) expect(invoiceSchema.parse(invoice)).toEqual(invoice);
      for (const { client } of result.clients) expect(clientSchema.parse(client)).toEqual(client);
    },
  );
});
