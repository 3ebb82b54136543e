import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { demoLedger } from '../../../lib/demo/sample-ledger';
import type { LetterDocument } from '../../../lib/documents/letter-document';
import { buildLetterDocument } from '../../../lib/documents/letter-from-ledger';
import { renderLetterPdf } from '../../../lib/documents/letter-pdf';
import { companyProfileSchema } from '../../../lib/domain/schemas';
import { pdfPages, standardFontDataUrl } from './pdf-text';

const TODAY = '2026-05-15';
const ledger = demoLedger(TODAY);
const company = ledger.company;

const base: LetterDocument = {
  title: 'Mise en demeure – Garage Durand SARL',
  recipient: ['Garage Durand SARL', 'Paul Durand', '4 avenue Jean Jaurès', '69007 Lyon'],
  place: 'Lyon',
  date: TODAY,
  subject: 'Mise en demeure de payer',
  paragraphs: [
    'Monsieur Durand,',
    'Malgré nos relances, la facture ci-dessous reste impayée : « dernier délai » avant la procédure.',
    'Veuillez agréer l’expression de nos salutations distinguées.',
  ],
  invoices: [
    {
      number: 'F-2026-017',
      issueDate: '2026-03-10',
      dueDate: '2026-04-09',
      amountCents: 356_040,
      remainingCents: 256_040,
    },
  ],
  totals: {
    currency: 'EUR',
    remainingCents: 256_040,
    penaltiesCents: 3_517,
    penaltiesDate: TODAY,
    indemnityCents: 4_000,
    claimedCents: 263_557,
  },
  tableAfter: 2,
  signature: ['Camille Roux', 'Studio Lumière – comptabilité'],
  formalNotice: true,
};

/** The text of a page with runs of spaces made single, so that lines compare simply. */
const flat = (lines: string[]) => lines.join('\n').replace(/[ \u00a0]+/g, ' ');

describe('the letter PDF', () => {
  it('prints header, window address, subject, table, totals and legal mentions on one A4 page', async () => {
    const bytes = await renderLetterPdf(base, company);
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    const text = flat(pages[0]!);
    for (const expected of [
      'Studio Lumière SARL',
      '8 quai Saint-Vincent',
      'SIREN 812 345 678 – RCS Lyon 812 345 678',
      'TVA intracommunautaire FR40812345678',
      'Garage Durand SARL',
      '4 avenue Jean Jaurès',
      'Lyon, le 15 mai 2026',
      'Lettre recommandée avec accusé de réception',
      'Objet : Mise en demeure de payer',
      '« dernier délai »',
      'F-2026-017 10/03/2026 09/04/2026 3 560,40 € 2 560,40 €',
      'Total restant dû 2 560,40 €',
      'Pénalités de retard au 15/05/2026 35,17 €',
      'Indemnité forfaitaire pour frais de recouvrement 40,00 €',
      'Total réclamé 2 635,57 €',
      'Camille Roux',
      'SARL au capital de 10 000 €',
      'IBAN FR76 3000 6000 0112 3456 7890 189 – BIC AGRIFRPP',
      'Page 1 / 1',
    ])
      expect(text).toContain(expected);

    const doc = await PDFDocument.load(bytes);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe(base.title);
  });

  it('puts the recipient inside the window of a DL envelope (110–195 mm across, 50–90 mm down)', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: await renderLetterPdf(base, company), standardFontDataUrl })
      .promise;
    const items = (await (await pdf.getPage(1)).getTextContent()).items.filter((i) => 'str' in i);
    const mm = (pt: number) => (pt * 25.4) / 72;
    for (const line of base.recipient) {
      const item = items.find((i) => 'str' in i && i.str === line)!;
      expect(item, line).toBeDefined();
      const x = mm(item.transform[4] as number);
      const fromTop = 297 - mm(item.transform[5] as number);
      expect(x).toBeGreaterThanOrEqual(110);
      expect(x + mm(item.width)).toBeLessThanOrEqual(195);
      expect(fromTop).toBeGreaterThan(50);
      expect(fromTop).toBeLessThan(90);
    }
    await pdf.destroy();
  });

  it('says nothing of registered mail for a reminder', async () => {
    const text = flat(
      (
        await pdfPages(
          await renderLetterPdf(
            { ...base, formalNotice: false, subject: 'Relance facture n° F-2026-017' },
            company,
          ),
        )
      )[0]!,
    );
    expect(text).toContain('Objet : Relance facture n° F-2026-017');
    expect(text).not.toContain('recommandée');
  });

  it('flows a long letter onto more pages, repeating the table header and numbering every page', async () => {
    const invoices = Array.from({ length: 45 }, (_, i) => ({
      number: `F-2026-${String(i + 100).padStart(3, '0')}`,
      issueDate: '2026-01-05',
      dueDate: '2026-02-04',
      amountCents: 10_000 + i,
      remainingCents: 10_000 + i,
    }));
    const long = {
      ...base,
      invoices,
      paragraphs: [...base.paragraphs, 'Lorem ipsum dolor sit amet. '.repeat(60)],
    };
    const pages = await pdfPages(await renderLetterPdf(long, company));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.map(flat);
    pages.forEach((_, i) => expect(all[i]).toContain(`Page ${i + 1} / ${pages.length}`));
    pages.forEach((_, i) => expect(all[i]).toContain('SIREN 812 345 678'));
    // Every invoice printed once, and the header on each page that holds rows.
    for (const row of invoices) expect(all.join('\n').split(row.number).length - 1, row.number).toBe(1);
    const withRows = all.filter((text) => /F-2026-1\d\d/.test(text));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const text of withRows) expect(text).toContain('Facture Date Échéance Montant TTC Reste dû');
    expect(all[all.length - 1]).toContain('Camille Roux');
  });

  it.each([
    ['narrow no-break spaces become spaces', 'Montant\u202f: 1\u202f234,56\u00a0€', 'Montant : 1 234,56 €'],
    [
      'French letters and signs are kept',
      'Cœur, façade, élève, à côté – «\u00a0oui\u00a0» … 40 €',
      'Cœur, façade, élève, à côté – « oui » … 40 €',
    ],
    ['letters WinAnsi lacks lose their accent or become ?', 'Łódź Ærø ı 😀 Ω', '?ódz Ærø ? ? ?'],
    ['control characters become spaces', 'a\u0007b\tc', 'a b c'],
  ])('%s', async (_name, input, expected) => {
    const bytes = await renderLetterPdf({ ...base, paragraphs: [input] }, companyProfileSchema.parse({}));
    expect(flat((await pdfPages(bytes))[0]!)).toContain(expected);
  });

  it('prints in English when asked', async () => {
    const text = flat((await pdfPages(await renderLetterPdf(base, company, { locale: 'en' })))[0]!);
    expect(text).toContain('Registered letter with acknowledgement of receipt');
    expect(text).toContain('Subject: Mise en demeure de payer');
    expect(text).toContain('Lyon, 15 May 2026');
    expect(text).toContain('€2,560.40');
  });
});

describe('the letter built from the ledger', () => {
  it('makes the formal notice of the demo garage: parties, invoice, interest, indemnity, deadline', async () => {
    const invoice = ledger.invoices.find((i) => i.id === 'demo-f017')!;
    const letter = buildLetterDocument(
      ledger,
      { clientId: 'demo-durand', invoiceIds: ['demo-f017'], formalNotice: true },
      TODAY,
    )!;
    expect(letter.subject).toBe('Mise en demeure de payer');
    expect(letter.recipient).toEqual([
      'Garage Durand SARL',
      'Paul Durand',
      '4 avenue Jean Jaurès',
      '69007 Lyon',
    ]);
    expect(letter.place).toBe('Lyon');
    expect(letter.paragraphs[0]).toBe('Monsieur Durand,');
    expect(letter.invoices).toEqual([
      {
        number: 'F-2026-017',
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amountCents: 356_040,
        remainingCents: 256_040,
      },
    ]);
    // 3,560.40 € due 2026-04-09, 1,000 € paid on 04-27: 18 days on 3,560.40 then 18 on 2,560.40 at
    // 12.15 % (2026-H1): 356,040 × 1215 × 18 / 3,650,000 + 256,040 × 1215 × 18 / 3,650,000
    // = 2,133.26 + 1,534.09 = 3,667.35 → 36.67 €; plus the 40 € indemnity.
    expect(letter.totals).toEqual({
      currency: 'EUR',
      remainingCents: 256_040,
      penaltiesCents: 3_667,
      penaltiesDate: TODAY,
      indemnityCents: 4_000,
      claimedCents: 256_040 + 3_667 + 4_000,
    });
    const body = letter.paragraphs.join('\n').replace(/[\u202f\u00a0]/g, ' ');
    expect(body).toContain(
      'mettons en demeure de nous régler la somme de 2 637,07 € dans un délai de 8 jours',
    );
    expect(body).toContain('au plus tard le 23 mai 2026');
    expect(letter.signature).toEqual(['Camille Roux', 'Studio Lumière – comptabilité', '04 72 00 00 00']);

    const text = flat((await pdfPages(await renderLetterPdf(letter, ledger.company)))[0]!);
    expect(text).toContain('Mise en demeure de payer');
    expect(text).toContain('Total réclamé 2 637,07 €');
  });

  it('makes a plain reminder for a consumer: no interest, no indemnity, no formal wording', () => {
    const letter = buildLetterDocument(
      ledger,
      { clientId: 'demo-leroy', invoiceIds: ['demo-f060'], formalNotice: false },
      TODAY,
    )!;
    expect(letter.subject).toBe('Relance facture n° F-2026-060');
    expect(letter.totals).toEqual({ currency: 'EUR', remainingCents: 89_000 });
    expect(letter.formalNotice).toBe(false);
    expect(letter.paragraphs.join(' ')).not.toMatch(/mise en demeure/i);
    expect(letter.paragraphs[0]).toBe('Madame Leroy,');
  });

  it('refuses unknown clients and invoices of another client', () => {
    expect(
      buildLetterDocument(
        ledger,
        { clientId: 'nobody', invoiceIds: ['demo-f017'], formalNotice: true },
        TODAY,
      ),
    ).toBeNull();
    expect(
      buildLetterDocument(
        ledger,
        { clientId: 'demo-leroy', invoiceIds: ['demo-f017'], formalNotice: true },
        TODAY,
      ),
    ).toBeNull();
  });
});
