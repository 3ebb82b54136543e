import { readdirSync, readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n';
import {
  describeIssue,
  importEInvoices,
  parseEInvoice,
  parseEInvoiceXml,
  type EInvoiceDocument,
  type LedgerSnapshot,
  type PdfJsLike,
} from '../../../lib/import';
import { parseXml } from '../../../lib/import/xml';

const ROOT = new URL('../../fixtures/einvoices/', import.meta.url);
const read = (file: string) => new Uint8Array(readFileSync(new URL(file, ROOT)));
const pdf = pdfjs as unknown as PdfJsLike;
const empty: LedgerSnapshot = { clients: [], invoices: [] };

async function parsed(file: string): Promise<EInvoiceDocument> {
  const result = await parseEInvoice(read(file), { pdfjs: pdf });
  if (!result.ok) throw new Error(`${file}: ${result.error.key}`);
  return result.document;
}

const kunden = { name: 'Kunden AG Mitte', emails: [], address: ['Kundenstraße 15', '69876 Frankfurt', 'DE'] };
const leClient = {
  name: 'LE CLIENT',
  siren: '987654321',
  address: ['MON ADRESSE LIGNE 1', 'Buyer line 2', 'Buyer line 3', '06000 MA VILLE'],
};
const boutique = {
  name: 'Ma jolie boutique',
  siren: '787878784',
  siret: '78787878400035',
  vatNumber: 'FR19787878784',
};
const lieferant = { name: 'Lieferant GmbH' };
const moulin = { name: 'Au bon moulin', siren: '999999998' };

/** Expected values, read from each file by hand. */
const expected: Record<string, Partial<EInvoiceDocument> & { buyerIs: object; sellerIs: object }> = {
  'cii/EN16931_Einfach_DueDate.cii.xml': {
    syntax: 'cii',
    typeCode: '380',
    kind: 'invoice',
    number: '471102',
    issueDate: '2018-03-05',
    dueDate: '2019-03-05',
    dueDateSource: 'document',
    currency: 'EUR',
    totalCents: 52987,
    prepaidCents: 0,
    dueCents: 52987,
    isDebt: true,
    needsDueDate: false,
    buyerIs: kunden,
    sellerIs: lieferant,
  },
  'cii/EN16931_Einfach_negativePaymentDue.cii.xml': {
    syntax: 'cii',
    typeCode: '380',
    kind: 'invoice',
    number: '471102',
    issueDate: '2018-03-05',
    dueDateSource: 'missing',
    totalCents: 52987,
    prepaidCents: 105974,
    dueCents: -52987,
    isDebt: false,
    needsDueDate: false,
    buyerIs: kunden,
    sellerIs: lieferant,
  },
  'cii/EN16931_Gutschrift.cii.xml': {
    syntax: 'cii',
    typeCode: '389',
    kind: 'self_billed',
    number: '471102',
    issueDate: '2018-03-05',
    totalCents: 52987,
    dueCents: 52987,
    isDebt: false,
    buyerIs: { ...kunden, vatNumber: 'DE136695976' },
    sellerIs: lieferant,
  },
  'cii/factur-x-basicwl.xml': {
    syntax: 'cii',
    profile: 'urn:factur-x.eu:1p0:basicwl',
    typeCode: '380',
    kind: 'invoice',
    number: 'F20260023',
    issueDate: '2026-01-31',
    dueDate: '2026-03-02',
    dueDateSource: 'document',
    paymentTerms: 'PAIEMENT 30 JOURS NET',
    totalCents: 10490,
    prepaidCents: 0,
    dueCents: 10490,
    isDebt: true,
    buyerIs: { ...leClient, emails: ['me@buyer.com'] },
    sellerIs: { name: 'LE FOURNISSEUR', siren: '123456782' },
  },
  'cii/factur-x-en16931.xml': {
    syntax: 'cii',
    typeCode: '380',
    number: 'F20260023',
    issueDate: '2026-01-31',
    dueDate: '2026-03-02',
    totalCents: 10490,
    dueCents: 10490,
    isDebt: true,
    buyerIs: {
      ...leClient,
      emails: ['me@buyer.com', 'buyer@buyer.com'],
      phone: '01 01 25 45 87',
      contactName: 'Buyer contact name',
    },
    sellerIs: { name: 'LE FOURNISSEUR', siren: '123456782' },
  },
  'cii/factur-x-minimum.xml': {
    syntax: 'cii',
    profile: 'urn:factur-x.eu:1p0:minimum',
    number: 'F20260023',
    issueDate: '2026-01-31',
    dueDateSource: 'missing',
    totalCents: 10490,
    dueCents: 10490,
    isDebt: true,
    needsDueDate: true,
    buyerIs: { name: 'LE CLIENT', siren: '987654321', emails: [], address: [] },
    sellerIs: { name: 'LE FOURNISSEUR' },
  },
  'ubl/EN16931_Einfach_DueDate.ubl.xml': {
    syntax: 'ubl',
    typeCode: '380',
    kind: 'invoice',
    number: '471102',
    issueDate: '2018-03-05',
    dueDate: '2019-03-05',
    totalCents: 52987,
    prepaidCents: 0,
    dueCents: 52987,
    isDebt: true,
    buyerIs: kunden,
    sellerIs: lieferant,
  },
  'ubl/EN16931_Einfach_negativePaymentDue.ubl.xml': {
    syntax: 'ubl',
    number: '471102',
    dueDateSource: 'missing',
    totalCents: 52987,
    prepaidCents: 105974,
    dueCents: -52987,
    isDebt: false,
    buyerIs: kunden,
    sellerIs: lieferant,
  },
  'ubl/EN16931_Gutschrift.ubl.xml': {
    syntax: 'ubl',
    typeCode: '389',
    kind: 'self_billed',
    number: '471102',
    isDebt: false,
    buyerIs: { ...kunden, vatNumber: 'DE136695976' },
    sellerIs: lieferant,
  },
  'ubl/ubl-21-extended-ctc-fr.xml': {
    syntax: 'ubl',
    typeCode: '380',
    kind: 'invoice',
    number: 'F124212',
    issueDate: '2026-06-17',
    dueDate: '2026-07-16',
    dueDateSource: 'document',
    paymentTerms: '30 jours net',
    totalCents: 30803,
    prepaidCents: 10000,
    dueCents: 20803,
    isDebt: true,
    buyerIs: {
      name: 'Ma jolie boutique SARL',
      siren: '787878784',
      siret: '78787878400018',
      emails: ['laetita.durand@jolieboutique.com'],
      phone: '+33 7 42 12 42 12',
      contactName: 'Mme Laëtitia Durand',
      address: ['35 rue de la République', "La presqu'île", '69001 Lyon'],
    },
    sellerIs: { name: 'Au bon moulin', siren: '999999998' },
  },
  'facturx-pdf/Avoir_FR_type381_BASIC.pdf': {
    container: 'pdf',
    attachmentName: 'factur-x.xml',
    typeCode: '381',
    kind: 'credit_note',
    number: 'AV-2017-0005',
    issueDate: '2017-11-16',
    dueDate: '2017-11-16',
    totalCents: 23347,
    dueCents: 23347,
    isDebt: false,
    buyerIs: { ...boutique, emails: [] },
    sellerIs: moulin,
  },
  'facturx-pdf/Facture_DOM_BASICWL.pdf': {
    container: 'pdf',
    number: 'FA-2017-0009',
    issueDate: '2017-11-05',
    dueDate: '2017-12-05',
    totalCents: 53075,
    prepaidCents: 14700,
    dueCents: 38375,
    isDebt: true,
    buyerIs: {
      name: 'Hôtel Saint Denis',
      siren: '343434346',
      address: ['42 rue du stade', '97400 Saint Denis', 'RE'],
    },
    sellerIs: moulin,
  },
  'facturx-pdf/Facture_FR_BASICWL.pdf': {
    container: 'pdf',
    number: 'FA-2017-0010',
    issueDate: '2017-11-13',
    dueDate: '2017-12-13',
    totalCents: 67115,
    prepaidCents: 20100,
    dueCents: 47015,
    isDebt: true,
    buyerIs: { ...boutique, address: ['35 rue de la République', '69001 Lyon'] },
    sellerIs: moulin,
  },
  'facturx-pdf/Facture_FR_EN16931.schema-invalid.pdf': {
    container: 'pdf',
    profile: 'urn:cen.eu:en16931:2017',
    number: 'FA-2017-0010',
    issueDate: '2017-11-13',
    dueDate: '2017-12-13',
    dueDateSource: 'document',
    paymentTerms: "30% d'acompte, solde à 30 j",
    totalCents: 67115,
    prepaidCents: 20100,
    dueCents: 47015,
    isDebt: true,
    buyerIs: {
      ...boutique,
      emails: ['alexandre.payet@majolieboutique.net'],
      contactName: 'Alexandre Payet',
      phone: '+33 4 72 07 08 67',
    },
    sellerIs: moulin,
  },
  'facturx-pdf/Facture_FR_MINIMUM.pdf': {
    container: 'pdf',
    profile: 'urn:factur-x.eu:1p0:minimum',
    number: 'FA-2017-0010',
    issueDate: '2017-11-13',
    dueDateSource: 'missing',
    totalCents: 67115,
    dueCents: 47015,
    isDebt: true,
    needsDueDate: true,
    buyerIs: { ...boutique, emails: [], address: [] },
    sellerIs: moulin,
  },
  'facturx-pdf/Facture_UE_BASICWL.pdf': {
    container: 'pdf',
    number: 'FA-2017-0008',
    issueDate: '2017-11-03',
    dueDate: '2017-12-03',
    totalCents: 207676,
    prepaidCents: 62300,
    dueCents: 145376,
    isDebt: true,
    buyerIs: {
      name: 'Me gusta olive',
      vatNumber: 'ESA12345674',
      address: ['87 camino de la calor', '41700 Dos Hermanas', 'ES'],
    },
    sellerIs: moulin,
  },
};

describe('every sample e-invoice', () => {
  it('is covered by this table', () => {
    const files = ['cii', 'ubl', 'facturx-pdf'].flatMap((dir) =>
      readdirSync(new URL(`${dir}/`, ROOT)).map((name) => `${dir}/${name}`),
    );
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(expected))('%s', async (file, { buyerIs, sellerIs, ...fields }) => {
    const document = await parsed(file);
    expect(document).toMatchObject(fields);
    expect(document.buyer).toMatchObject(buyerIs);
    expect(document.seller).toMatchObject(sellerIs);
    if (!('dueDate' in fields)) expect(document.dueDate).toBeUndefined();
    if (!('siren' in buyerIs)) expect(document.buyer.siren).toBeUndefined();
  });
});

describe('importing e-invoices', () => {
  const fr = translator('fr');

  it('turns debts and credit notes into ledger records and reports the rest', async () => {
    const names = [
      'facturx-pdf/Facture_FR_BASICWL.pdf',
      'facturx-pdf/Avoir_FR_type381_BASIC.pdf',
      'facturx-pdf/Facture_FR_MINIMUM.pdf',
      'cii/EN16931_Gutschrift.cii.xml',
      'ubl/EN16931_Einfach_negativePaymentDue.ubl.xml',
    ];
    const documents = await Promise.all(names.map(parsed));
    const result = importEInvoices(
      documents.map((document) => ({ document })),
      empty,
    );
    expect(
      result.invoices.map(({ invoice }) => [
        invoice.number,
        invoice.amountCents,
        invoice.paidCents,
        invoice.isCreditNote,
      ]),
    ).toEqual([
      ['FA-2017-0010', 67115, 20100, false],
      ['AV-2017-0005', 23347, 0, true],
    ]);
    expect(result.clients).toHaveLength(1);
    expect(result.clients[0]!.client).toMatchObject({ name: 'Ma jolie boutique', siren: '787878784' });
    expect(result.issues.map((item) => describeIssue(item, fr))).toEqual([
      'Ni date d’échéance ni conditions de paiement lisibles : indiquez l’échéance pour importer la facture.',
      'Autofacturation (type 389) : le document a été émis par le client lui-même ; il n’est pas ajouté comme créance.',
      'Reste à payer de -529.87 : il n’y a rien à relancer.',
    ]);
  });

  it('takes the due date the user gives, and updates on a second import', async () => {
    const minimum = await parsed('facturx-pdf/Facture_FR_MINIMUM.pdf');
    const first = importEInvoices([{ document: minimum, dueDate: '2017-12-13' }], empty);
    expect(first.invoices[0]).toMatchObject({
      status: 'new',
      invoice: { dueDate: '2017-12-13', paidCents: 20100 },
    });
    const ledger = {
      clients: first.clients.map((c) => c.client),
      invoices: first.invoices.map((i) => i.invoice),
    };
    const second = importEInvoices(
      [{ document: await parsed('facturx-pdf/Facture_FR_EN16931.schema-invalid.pdf') }],
      ledger,
    );
    // Same number, same invoice: the richer profile adds its payment terms to it.
    expect(second.invoices[0]).toMatchObject({
      status: 'updated',
      invoice: {
        id: first.invoices[0]!.invoice.id,
        dueDate: '2017-12-13',
        paymentTerms: "30% d'acompte, solde à 30 j",
      },
    });
    expect(second.counts).toMatchObject({
      newInvoices: 0,
      updatedInvoices: 1,
      newClients: 0,
      updatedClients: 1,
    });
    expect(second.clients[0]).toMatchObject({
      status: 'updated',
      client: {
        emails: ['alexandre.payet@majolieboutique.net'],
        contact: { firstName: 'Alexandre', lastName: 'Payet' },
      },
    });
  });

  it('derives a due date from the terms when the document has none, and says so', () => {
    const xml = new TextDecoder()
      .decode(read('cii/factur-x-basicwl.xml'))
      .replace(/<ram:DueDateDateTime>[\s\S]*?<\/ram:DueDateDateTime>/, '');
    const result = parseEInvoiceXml(xml);
    expect(result.ok && result.document).toMatchObject({ dueDate: '2026-03-02', dueDateSource: 'terms' });
    expect(result.ok && result.document.issues.map((item) => describeIssue(item, fr))).toEqual([
      'Échéance absente : calculée d’après les conditions « PAIEMENT 30 JOURS NET », soit le 02/03/2026.',
    ]);
  });

  it('refuses an invoice addressed to the user', async () => {
    const document = await parsed('cii/factur-x-basicwl.xml');
    const result = importEInvoices([{ document }], { ...empty, company: { siren: '987654321' } });
    expect(result.invoices).toEqual([]);
    expect(result.issues[0]).toMatchObject({ severity: 'error', key: 'import.einvoice.addressedToYou' });
  });
});

describe('broken and foreign files give a clear error, never an exception', () => {
  const xml = new TextDecoder().decode(read('cii/factur-x-en16931.xml'));
  const bytesOf = (text: string) => new TextEncoder().encode(text);

  it.each([
    ['a truncated CII', bytesOf(xml.slice(0, 20_000)), 'import.einvoice.xmlBroken'],
    ['mismatched tags', bytesOf('<a><b></a>'), 'import.einvoice.xmlBroken'],
    [
      'a DOCTYPE with entities',
      bytesOf('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'),
      'import.einvoice.xmlBroken',
    ],
    ['another XML', bytesOf('<?xml version="1.0"?><html><body/></html>'), 'import.einvoice.unknownFormat'],
    ['plain text', bytesOf('hello'), 'import.einvoice.notInvoice'],
    ['an empty file', new Uint8Array(), 'import.einvoice.notInvoice'],
    [
      'a truncated PDF',
      read('facturx-pdf/Facture_FR_BASICWL.pdf').slice(0, 3000),
      'import.einvoice.pdfUnreadable',
    ],
    ['garbage after a PDF header', bytesOf('%PDF-1.7\n garbage'), 'import.einvoice.pdfUnreadable'],
  ])('%s', async (_name, bytes, key) => {
    const result = await parseEInvoice(bytes, { pdfjs: pdf });
    expect(result).toMatchObject({ ok: false, error: { severity: 'error', key } });
  });

  it('a PDF without an embedded invoice', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    const result = await parseEInvoice(await plain.save(), { pdfjs: pdf });
    expect(result).toMatchObject({ ok: false, error: { key: 'import.einvoice.pdfNoInvoice' } });
  });

  it('a PDF when no pdf.js was given', async () => {
    const result = await parseEInvoice(read('facturx-pdf/Facture_FR_MINIMUM.pdf'));
    expect(result).toMatchObject({ ok: false, error: { key: 'import.einvoice.pdfUnavailable' } });
  });

  it('a document without a number', () => {
    const result = parseEInvoiceXml(xml.replace('<ram:ID>F20260023</ram:ID>', '<ram:ID></ram:ID>'));
    expect(result.ok || describeIssue(result.error, translator('en'))).toBe(
      'Required information missing from the invoice: Invoice number.',
    );
  });
});

describe('parseXml', () => {
  it('resolves namespaces, entities and CDATA', () => {
    const root = parseXml(
      "<?xml version='1.0'?><r:a xmlns:r='urn:r' xmlns='urn:d'><b k=\"1 &amp; 2\">x &lt; y &#233;<![CDATA[<z>]]></b><c/></r:a>",
    );
    expect(root).toMatchObject({ name: 'a', namespace: 'urn:r' });
    expect(root.children[0]).toMatchObject({
      name: 'b',
      namespace: 'urn:d',
      attributes: { k: '1 & 2' },
      text: 'x < y é<z>',
    });
    expect(root.children[1]).toMatchObject({ name: 'c', children: [] });
  });

  it.each(['<a>', '<a></b>', '<a/><b/>', 'x<a/>', '<a>&nbsp;</a>', '<p:a/>', '<a b="1" b="2"/>', '<a b=1/>'])(
    'refuses %j',
    (text) => {
      expect(() => parseXml(text)).toThrow();
    },
  );
});
