import { describe, expect, it } from 'vitest';
import { guessDecimalSeparator, parseAmountCents, parseXmlAmountCents } from '../../../lib/import/amounts';
import { guessDateOrder, parseDate } from '../../../lib/import/dates';
import { decodeText } from '../../../lib/import/decode';
import { dueDateFromTerms } from '../../../lib/import/payment-terms';
import { normaliseName, sirenOf, splitEmails } from '../../../lib/import/text';

describe('parseAmountCents', () => {
  it.each([
    ['1 234,56 €', ',', 123456],
    ['1\u00a0234,56', ',', 123456],
    ['1\u202f234,56\u00a0€', ',', 123456],
    ['1.234,56', ',', 123456],
    ['1234.56', ',', 123456],
    ['1,234.56', '.', 123456],
    ['1234,5', ',', 123450],
    ['0,1', ',', 10],
    ['0,07', ',', 7],
    ['-12,00', ',', -1200],
    ['12,00-', ',', -1200],
    ['(12,00)', ',', -1200],
    ['\u221212,00', ',', -1200],
    ['1.234', ',', 123400],
    ['1,234', '.', 123400],
    ['1.234', '.', 123],
    ['12.345.678,90', ',', 1234567890],
    ['9.9000', '.', 990],
    ['0,125', ',', 13],
    ['-0,125', ',', -13],
    ['EUR 45', ',', 4500],
    ['1 000', ',', 100000],
    ['90071992547409,91', ',', 9007199254740991],
  ] as const)('%s (decimal %s) → %i cents', (text, decimal, cents) => {
    expect(parseAmountCents(text, decimal)).toBe(cents);
  });

  it.each(['', 'abc', '12,3,4', '1.23.4', '12,', '1 2 3,4x', '--5', '1.2345,6', '90071992547409,92'])(
    'refuses %j',
    (text) => {
      expect(parseAmountCents(text)).toBeUndefined();
    },
  );

  it('sums to exact cents where floats would not', () => {
    const total = ['0,10', '0,20', '1 234,57', '0,01'].reduce(
      (sum, text) => sum + parseAmountCents(text)!,
      0,
    );
    expect(total).toBe(123488);
  });

  it.each([
    [['1 234,56', '12,00'], ','],
    [['1,234.56', '12.00'], '.'],
    [['1234', '12'], ','],
  ] as const)('guesses the decimal separator of %j → %s', (values, expected) => {
    expect(guessDecimalSeparator(values)).toBe(expected);
  });

  it.each([
    ['104.90', 10490],
    ['-529.87', -52987],
    ['529.8700', 52987],
    ['1059.74', 105974],
    ['0', 0],
    ['1 059,74', undefined],
  ])('reads the XML amount %s', (text, cents) => {
    expect(parseXmlAmountCents(text)).toBe(cents);
  });
});

describe('parseDate', () => {
  it.each([
    ['23/11/2026', {}, '2026-11-23'],
    ['2026-11-23', {}, '2026-11-23'],
    ['23-11-26', { today: '2026-11-23' }, '2026-11-23'],
    ['23.11.2026', {}, '2026-11-23'],
    ['3/2/2026', {}, '2026-02-03'],
    ['3/2/2026', { order: 'mdy' }, '2026-03-02'],
    ['20261123', {}, '2026-11-23'],
    ['2026-11-23T00:00:00', {}, '2026-11-23'],
    ['23/11/2026 14:30', {}, '2026-11-23'],
    ['01/01/99', { today: '2026-11-23' }, '1999-01-01'],
    ['46349', { excelSerial: true }, '2026-11-23'],
  ] as const)('%s %o → %s', (text, options, expected) => {
    expect(parseDate(text, options)).toBe(expected);
  });

  it.each(['31/02/2026', '2026-13-01', '46349', 'demain', '', '23/11', '1/1/123'])('refuses %j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('reads the column order from the values that settle it', () => {
    expect(guessDateOrder(['01/02/2026', '13/02/2026'])).toBe('dmy');
    expect(guessDateOrder(['01/02/2026', '02/13/2026'])).toBe('mdy');
    expect(guessDateOrder(['01/02/2026'])).toBe('dmy');
  });
});

describe('dueDateFromTerms', () => {
  it.each([
    ['30 jours', '2026-01-31', '2026-03-02'],
    ['à 45 jours', '2026-01-15', '2026-03-01'],
    ['net 30', '2026-01-15', '2026-02-14'],
    ['Net 60 days', '2026-01-15', '2026-03-16'],
    ['PAIEMENT 30 JOURS NET', '2026-01-31', '2026-03-02'],
    ['30 jours fin de mois', '2026-01-15', '2026-02-28'],
    ['45 jours fin de mois', '2026-11-03', '2026-12-31'],
    ['45 j FDM', '2026-01-20', '2026-03-31'],
    ['fin de mois 45 jours', '2026-01-15', '2026-03-17'],
    ['fin de mois', '2026-01-15', '2026-01-31'],
    ['Paiement à réception', '2026-01-15', '2026-01-15'],
    ['comptant', '2026-01-15', '2026-01-15'],
    ["30% d'acompte, solde à 30 j", '2017-11-13', '2017-12-13'],
    ['2 % à 10 jours, net 30', '2026-01-01', '2026-01-31'],
    ['Zahlbar innerhalb 30 Tagen', '2026-01-01', '2026-01-31'],
  ])('%s from %s → %s', (terms, issued, due) => {
    expect(dueDateFromTerms(issued, terms)).toBe(due);
  });

  it.each([
    'selon conditions générales',
    'Der Betrag wird ihrem Kundenkonto gutgeschrieben und mit der nächsten Rechnung verrechnet.',
    '10 jours ou 20 jours',
    '400 jours',
    '',
  ])('gives no due date for %j', (terms) => {
    expect(dueDateFromTerms('2026-01-01', terms)).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 and Windows-1252', () => {
    const word = 'Échéance € œ';
    expect(decodeText(new TextEncoder().encode(word))).toEqual({ text: word, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(word)]))).toEqual({
      text: word,
      encoding: 'utf-8-bom',
    });
    const cp1252 = new Uint8Array([0xc9, 0x63, 0x68, 0xe9, 0x61, 0x6e, 0x63, 0x65, 0x20, 0x80, 0x20, 0x9c]);
    expect(decodeText(cp1252)).toEqual({ text: word, encoding: 'windows-1252' });
    const utf16 = new Uint8Array([0xff, 0xfe, 0xc9, 0x00, 0x41, 0x00]);
    expect(decodeText(utf16)).toEqual({ text: 'ÉA', encoding: 'utf-16le' });
  });

  it.each([
    ['552 100 554', '552100554'],
    ['552 100 554 00021', '552100554'],
    ['55210055400021', '552100554'],
    ['12345', undefined],
    ['FR12552100554', undefined],
  ])('sirenOf(%s) → %s', (text, siren) => {
    expect(sirenOf(text)).toBe(siren);
  });

  it('compares names without case, accents, punctuation or legal form', () => {
    expect(normaliseName('SARL Café-des-Arts')).toBe(normaliseName('cafe des arts sarl'));
    expect(normaliseName('Hexagone Logistique SAS')).toBe('hexagone logistique');
  });

  it.each([
    ['a@x.fr; B@Y.fr', ['a@x.fr', 'b@y.fr'], []],
    ['Jean Dupont <jean@x.fr>', ['jean@x.fr'], []],
    ['jean@', [], ['jean@']],
    ['pas d’adresse', [], ['pas d’adresse']],
  ])('splits %j', (text, emails, invalid) => {
    expect(splitEmails(text)).toEqual({ emails, invalid });
  });
});
