import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { demoLedger } from '../../../lib/demo/sample-ledger';
import { qrMatrix, qrPixels, smsQrDataUrl, smsQrSvg } from '../../../lib/documents/qr';
import { buildSmsText, normalisePhone, parseSmsLink, smsLink } from '../../../lib/documents/sms';

describe('phone numbers', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+33 06 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['04 78 12 34 56', '+33478123456'],
    ['0690 12 34 56', '+590690123456'],
    ['0692 12 34 56', '+262692123456'],
    ['0696 12 34 56', '+596696123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0041 79 123 45 67', '+41791234567'],
    ['06 12 34 56', null],
    ['12 34 56 78 90', null],
    ['', null],
    ['appelez-moi', null],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });
});

describe('sms: links', () => {
  it.each([
    ['06 12 34 56 78', 'Bonjour', 'sms:+33612345678?&body=Bonjour'],
    [
      '06 12 34 56 78',
      'Facture F-1 : 1 234,56 € & merci ?',
      'sms:+33612345678?&body=Facture%20F-1%20%3A%201%20234%2C56%20%E2%82%AC%20%26%20merci%20%3F',
    ],
    ['pas de numéro', 'Bonjour', 'sms:?&body=Bonjour'],
  ])('%s, %s', (phone, text, expected) => {
    const link = smsLink(phone, text);
    expect(link).toBe(expected);
    expect(parseSmsLink(link)).toEqual({ phone: normalisePhone(phone) ?? '', body: text });
  });

  it('reads the other forms back too', () => {
    expect(parseSmsLink('sms:+33612345678?body=a%20b')).toEqual({ phone: '+33612345678', body: 'a b' });
    expect(parseSmsLink('sms:+33612345678&body=a')).toEqual({ phone: '+33612345678', body: 'a' });
    expect(parseSmsLink('tel:+33612345678')).toBeNull();
  });
});

describe('the SMS QR code', () => {
  const text =
    'Bonjour, sauf erreur la facture F-2026-017 de 2 560,40 €, échue le 09/04/2026, reste impayée. Merci de la régler rapidement. Studio Lumière SARL 04 72 00 00 00';
  const uri = smsLink('06 12 34 56 78', text);

  it.each([1, 3, 5])('decodes back to the exact sms: link at %i pixels a module', (scale) => {
    const { data, width, height } = qrPixels(uri, scale === 1 ? 2 : scale);
    const code = jsQR(data, width, height);
    expect(code?.data).toBe(uri);
    expect(parseSmsLink(code!.data)).toEqual({ phone: '+33612345678', body: text });
  });

  it('draws the same modules in the SVG as in the matrix, inside a quiet zone', () => {
    const matrix = qrMatrix(uri);
    const svg = smsQrSvg(uri, 240);
    const side = matrix.size + 8;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    expect(svg).toContain('width="240"');
    const squares = [...svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => [
      Number(m[2]) - 4,
      Number(m[1]) - 4,
    ]);
    let dark = 0;
    for (let r = 0; r < matrix.size; r++)
      for (let c = 0; c < matrix.size; c++) if (matrix.isDark(r, c)) dark++;
    expect(squares).toHaveLength(dark);
    for (const [r, c] of squares) expect(matrix.isDark(r!, c!)).toBe(true);
  });

  it('gives a data URL holding that SVG', () => {
    const url = smsQrDataUrl(uri);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(smsQrSvg(uri));
  });
});

describe('the default SMS text', () => {
  const ledger = demoLedger('2026-05-15');
  it('names the invoice, the amount, the due date and the sender, without formal wording', () => {
    const text = buildSmsText(ledger, { clientId: 'demo-durand', invoiceIds: ['demo-f017'] }, '2026-05-15')!;
    expect(text.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'Bonjour, sauf erreur la facture F-2026-017 de 2 560,40 €, échue le 09/04/2026, reste impayée. Merci de la régler rapidement. ' +
        'Paiement : https://paiement.studio-lumiere.fr/facture Studio Lumière SARL 04 72 00 00 00',
    );
    expect(text).not.toMatch(/demeure/i);
  });
  it('is null for an unknown client', () => {
    expect(buildSmsText(ledger, { clientId: 'x', invoiceIds: ['demo-f017'] }, '2026-05-15')).toBeNull();
  });
});
