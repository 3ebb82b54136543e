import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatMoney } from '../domain/money';
import type { CompanyProfile, IsoDate } from '../domain/schemas';
import { translate, type Locale, type MessageKey, type MessageParams } from '../i18n';
import type { LetterDocument } from './letter-document';
import { winAnsiSafe, wrapText } from './pdf-text';

export interface LetterPdfOptions {
  locale?: Locale;
}

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { left: 20 * MM, right: 20 * MM, top: 15 * MM, bottom: 25 * MM };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/**
 * A DL envelope (110 × 220 mm) with its window on the right: the window is about 100 × 45 mm,
 * 20 mm from the right edge and 15 mm from the bottom. Folded in three, an A4 sheet shows through
 * it the zone from 110 mm to 195 mm across and 50 mm to 90 mm down (La Poste's recommendation,
 * with a few millimetres for the sheet moving in the envelope).
 */
const WINDOW = { x: 110 * MM, top: 50 * MM, width: 85 * MM, height: 40 * MM };
const BODY_SIZE = 10.5;
const LEADING = 13.5;
const SMALL = 8;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.38, 0.38, 0.4);
const RULE = rgb(0.75, 0.75, 0.78);
const SHADE = rgb(0.93, 0.94, 0.96);

const BCP47: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The table's columns, in millimetres; the amounts are right-aligned. */
const COLUMNS: { key: MessageKey; width: number; right: boolean }[] = [
  { key: 'documents.letter.col.number', width: 40, right: false },
  { key: 'documents.letter.col.issueDate', width: 28, right: false },
  { key: 'documents.letter.col.dueDate', width: 28, right: false },
  { key: 'documents.letter.col.amount', width: 37, right: true },
  { key: 'documents.letter.col.remaining', width: 37, right: true },
];

/**
 * Renders a letter as an A4 PDF: the company's header, the recipient in the envelope window,
 * place and date, subject, body, the invoice table with its totals, the signature, and on every
 * page the legal mentions of a business letter and the page number. Long letters flow onto more
 * pages, repeating the table header.
 */
export async function renderLetterPdf(
  letter: LetterDocument,
  company: CompanyProfile,
  options: LetterPdfOptions = {},
): Promise<Uint8Array> {
  const locale = options.locale ?? 'fr';
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const money = (cents: number) => formatMoney(cents, letter.totals?.currency ?? 'EUR', BCP47[locale]);
  const shortDate = new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'short', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'long', timeZone: 'UTC' });
  const day = (date: IsoDate, format: Intl.DateTimeFormat) => format.format(new Date(`${date}T00:00:00Z`));

  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(winAnsiSafe(letter.title, regular));
  doc.setAuthor(winAnsiSafe(company.legalName, regular));
  doc.setSubject(winAnsiSafe(letter.subject, regular));
  doc.setCreator('Relance');
  doc.setProducer('Relance');
  doc.setLanguage(BCP47[locale]);

  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  /** Distance from the top of the page to the next baseline's top. */
  let y = MARGIN.top;

  const text = (s: string, x: number, top: number, size: number, font: PDFFont = regular, color = INK) =>
    page.drawText(winAnsiSafe(s, font), { x, y: PAGE.height - top - size, size, font, color });
  const rightText = (s: string, right: number, top: number, size: number, font: PDFFont = regular) =>
    text(s, right - font.widthOfTextAtSize(winAnsiSafe(s, font), size), top, size, font);

  function newPage() {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = MARGIN.top + 5 * MM;
  }
  /** Moves to a new page unless `height` more points fit above the footer. */
  function room(height: number): boolean {
    if (y + height <= PAGE.height - MARGIN.bottom) return false;
    newPage();
    return true;
  }
  function lines(items: string[], x: number, size: number, font: PDFFont = regular, leading = LEADING) {
    for (const line of items) {
      room(leading);
      text(line, x, y, size, font);
      y += leading;
    }
  }

  // The sender, top left.
  lines(wrapText(company.legalName, bold, 13, 80 * MM), MARGIN.left, 13, bold, 16);
  const contact = [...company.address, [company.phone, company.email].filter(Boolean).join(' – ')];
  lines(
    contact.filter(Boolean).flatMap((line) => wrapText(line, regular, 9, 80 * MM)),
    MARGIN.left,
    9,
    regular,
    11.5,
  );

  // The company's identifiers: SIREN and RCS on one line, the VAT number on the next.
  const ids = [
    [company.siren && t('documents.letter.siren', { value: groupSiren(company.siren) }), company.rcs],
    [company.vatNumber && t('documents.letter.vat', { value: company.vatNumber })],
  ]
    .map((parts) => parts.filter(Boolean).join(' – '))
    .filter(Boolean);
  lines(
    ids.flatMap((line) => wrapText(line, regular, 8.5, 85 * MM)),
    MARGIN.left,
    8.5,
    regular,
    11,
  );

  // The recipient, in the window; what does not fit the window is cut rather than hidden under the fold.
  const recipientLines = letter.recipient.flatMap((line) => wrapText(line, regular, BODY_SIZE, WINDOW.width));
  const maxLines = Math.floor(WINDOW.height / LEADING);
  recipientLines.slice(0, maxLines).forEach((line, i) => {
    text(line, WINDOW.x, WINDOW.top + i * LEADING, BODY_SIZE, i === 0 ? bold : regular);
  });

  y = Math.max(y, WINDOW.top + WINDOW.height) + 3 * MM;
  text(
    t('documents.letter.placeDate', { place: letter.place, date: day(letter.date, longDate) }),
    WINDOW.x,
    y,
    BODY_SIZE,
  );
  y += LEADING + 4 * MM;

  if (letter.formalNotice) lines([t('documents.letter.registered')], MARGIN.left, BODY_SIZE, bold);
  lines(
    wrapText(t('documents.letter.subject', { subject: letter.subject }), bold, BODY_SIZE, CONTENT_WIDTH),
    MARGIN.left,
    BODY_SIZE,
    bold,
  );
  y += LEADING / 2;

  const paragraph = (p: string) => {
    lines(wrapText(p, regular, BODY_SIZE, CONTENT_WIDTH), MARGIN.left, BODY_SIZE);
    y += LEADING / 2;
  };
  const split = Math.min(letter.tableAfter ?? letter.paragraphs.length, letter.paragraphs.length);
  letter.paragraphs.slice(0, split).forEach(paragraph);

  if (letter.invoices.length > 0) {
    drawTable();
    y += LEADING / 2;
  }
  letter.paragraphs.slice(split).forEach(paragraph);

  // The signature stays in one piece.
  const signature = letter.signature.flatMap((line) => wrapText(line, regular, BODY_SIZE, WINDOW.width));
  y += 4 * MM;
  room(signature.length * LEADING);
  signature.forEach((line, i) => {
    text(line, WINDOW.x, y, BODY_SIZE, i === 0 ? bold : regular);
    y += LEADING;
  });

  const pages = doc.getPages();
  pages.forEach((p, i) => drawFooter(p, i + 1, pages.length));
  return doc.save();

  function drawTable() {
    const rowHeight = 17;
    const cellSize = 9.5;
    const xs: number[] = [];
    let x = MARGIN.left;
    for (const column of COLUMNS) {
      xs.push(x);
      x += column.width * MM;
    }
    const tableRight = x;
    const cell = (value: string, col: number, font: PDFFont) => {
      const column = COLUMNS[col]!;
      const top = y + (rowHeight - cellSize) / 2 - 1;
      if (column.right) rightText(value, xs[col]! + column.width * MM - 2 * MM, top, cellSize, font);
      else text(value, xs[col]! + 2 * MM, top, cellSize, font);
    };
    const header = () => {
      page.drawRectangle({
        x: MARGIN.left,
        y: PAGE.height - y - rowHeight,
        width: tableRight - MARGIN.left,
        height: rowHeight,
        color: SHADE,
      });
      COLUMNS.forEach((column, col) => cell(t(column.key), col, bold));
      y += rowHeight;
    };
    const rule = () =>
      page.drawLine({
        start: { x: MARGIN.left, y: PAGE.height - y },
        end: { x: tableRight, y: PAGE.height - y },
        thickness: 0.5,
        color: RULE,
      });

    room(rowHeight * 2);
    header();
    for (const row of letter.invoices) {
      if (room(rowHeight)) header();
      cell(row.number, 0, regular);
      cell(day(row.issueDate, shortDate), 1, regular);
      cell(day(row.dueDate, shortDate), 2, regular);
      cell(money(row.amountCents), 3, regular);
      cell(money(row.remainingCents), 4, regular);
      y += rowHeight;
      rule();
    }

    const totals = letter.totals;
    if (!totals) return;
    const rows: [string, number, boolean][] = [
      [t('documents.letter.totalRemaining'), totals.remainingCents, true],
    ];
    if (totals.penaltiesCents !== undefined)
      rows.push([
        totals.penaltiesDate
          ? t('documents.letter.penaltiesAt', { date: day(totals.penaltiesDate, shortDate) })
          : t('documents.letter.penalties'),
        totals.penaltiesCents,
        false,
      ]);
    if (totals.indemnityCents !== undefined)
      rows.push([t('documents.letter.indemnity'), totals.indemnityCents, false]);
    if (totals.claimedCents !== undefined && rows.length > 1)
      rows.push([t('documents.letter.claimed'), totals.claimedCents, true]);
    room(rows.length * rowHeight);
    for (const [label, cents, strong] of rows) {
      const font = strong ? bold : regular;
      const top = y + (rowHeight - cellSize) / 2 - 1;
      rightText(label, xs[4]! - 2 * MM, top, cellSize, font);
      rightText(money(cents), tableRight - 2 * MM, top, cellSize, font);
      y += rowHeight;
    }
  }

  function drawFooter(target: PDFPage, number: number, count: number) {
    const mentions = legalMentions(company, t);
    // Whole mentions per line: an IBAN or a VAT number cut in two is hard to copy.
    const width = CONTENT_WIDTH - 25 * MM;
    const wrapped: string[] = [];
    for (const mention of mentions) {
      const last = wrapped[wrapped.length - 1];
      const joined = last === undefined ? undefined : `${last} – ${winAnsiSafe(mention, regular)}`;
      if (joined !== undefined && regular.widthOfTextAtSize(joined, SMALL) <= width)
        wrapped[wrapped.length - 1] = joined;
      else wrapped.push(...wrapText(mention, regular, SMALL, width));
    }
    const top = PAGE.height - MARGIN.bottom + 4 * MM;
    target.drawLine({
      start: { x: MARGIN.left, y: PAGE.height - top + 3 },
      end: { x: PAGE.width - MARGIN.right, y: PAGE.height - top + 3 },
      thickness: 0.5,
      color: RULE,
    });
    wrapped.forEach((line, i) =>
      target.drawText(line, {
        x: MARGIN.left,
        y: PAGE.height - top - SMALL - 2 - i * (SMALL + 2.5),
        size: SMALL,
        font: regular,
        color: MUTED,
      }),
    );
    const label = winAnsiSafe(t('documents.letter.page', { page: number, count }), regular);
    target.drawText(label, {
      x: PAGE.width - MARGIN.right - regular.widthOfTextAtSize(label, SMALL),
      y: PAGE.height - top - SMALL - 2,
      size: SMALL,
      font: regular,
      color: MUTED,
    });
  }
}

/** The mentions a business letter carries (name, form and capital, address, SIREN, RCS, VAT, IBAN). */
export function legalMentions(
  company: CompanyProfile,
  t: (key: MessageKey, params?: MessageParams) => string,
): string[] {
  const mentions: string[] = [];
  const capital =
    company.legalForm && company.shareCapital
      ? t('documents.letter.capital', { form: company.legalForm, capital: company.shareCapital })
      : company.legalForm;
  mentions.push([company.legalName, capital].filter(Boolean).join(', '));
  if (company.address.length) mentions.push(company.address.join(', '));
  if (company.siren) mentions.push(t('documents.letter.siren', { value: groupSiren(company.siren) }));
  if (company.rcs) mentions.push(company.rcs);
  if (company.vatNumber) mentions.push(t('documents.letter.vat', { value: company.vatNumber }));
  if (company.iban)
    mentions.push(
      company.bic
        ? t('documents.letter.ibanBic', { iban: company.iban, bic: company.bic })
        : t('documents.letter.iban', { iban: company.iban }),
    );
  return mentions.filter(Boolean);
}

/** "812345678" → "812 345 678", the way a SIREN is printed. */
function groupSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}
