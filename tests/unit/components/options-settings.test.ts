import { describe, expect, it } from 'vitest';
import {
  companyDraft,
  hundredths,
  isValidBic,
  isValidIban,
  nextHalfYear,
  parseCompany,
  parseRates,
  parseSettings,
  rateDrafts,
  settingsDraft,
} from '../../../components/options/settings-form';
import { demoLedger } from '../../../lib/demo/sample-ledger';
import { defaultRateTable } from '../../../lib/domain/rates';

const ledger = demoLedger('2026-11-25');

describe('payment details', () => {
  it.each([
    ['FR76 3000 6000 0112 3456 7890 189', true],
    ['fr7630006000011234567890189', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['FR76 3000 6000 0112 3456 7890 188', false],
    ['FR76 3000', false],
    ['', false],
  ])('IBAN %s → %s', (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid);
  });

  it.each([
    ['AGRIFRPP', true],
    ['BNPAFRPPXXX', true],
    ['agrifrpp', true],
    ['AGRIFRP', false],
    ['1GRIFRPP', false],
  ])('BIC %s → %s', (bic, valid) => {
    expect(isValidBic(bic)).toBe(valid);
  });
});

describe('company form', () => {
  it('keeps a valid profile as it was', () => {
    const parsed = parseCompany(companyDraft(ledger.company));
    expect(parsed).toEqual({ ok: true, value: ledger.company });
  });

  it('accepts a SIREN typed with spaces and groups the IBAN', () => {
    const parsed = parseCompany({
      ...companyDraft(ledger.company),
      siren: '812 345 678',
      iban: 'fr7630006000011234567890189',
    });
    expect(parsed.ok && parsed.value.siren).toBe('812345678');
    expect(parsed.ok && parsed.value.iban).toBe('FR76 3000 6000 0112 3456 7890 189');
  });

  it('names every field that is wrong', () => {
    const parsed = parseCompany({
      ...companyDraft(ledger.company),
      siren: '12345',
      iban: 'FR00 1234',
      bic: 'XX',
      paymentLink: 'pas un lien',
      email: 'nobody',
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual([
      'bic',
      'email',
      'iban',
      'paymentLink',
      'siren',
    ]);
  });
});

describe('preferences form', () => {
  it('reads numbers, emails one per line, a threshold in euros, and sets the locale from the language', () => {
    const draft = {
      ...settingsDraft(ledger.settings),
      language: 'en' as const,
      ownEmails: ' Moi@Exemple.fr \n\nautre@exemple.fr',
      personalThreshold: '2 500,50',
      minDaysBetweenContacts: '7',
    };
    const parsed = parseSettings(draft, ledger.settings);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value).toMatchObject({
      language: 'en',
      locale: 'en-GB',
      ownEmails: ['moi@exemple.fr', 'autre@exemple.fr'],
      personalThresholdCents: 250_050,
      minDaysBetweenContacts: 7,
    });
  });

  it.each([
    ['minDaysBetweenContacts', '61'],
    ['minDaysBetweenContacts', '2.5'],
    ['formalNoticeDays', '0'],
    ['personalThreshold', 'beaucoup'],
    ['ownEmails', 'pas-une-adresse'],
  ] as const)('refuses %s = %s', (field, value) => {
    const parsed = parseSettings({ ...settingsDraft(ledger.settings), [field]: value }, ledger.settings);
    expect(!parsed.ok && parsed.errors[field]).toBeTruthy();
  });

  it.each([
    ['12,5', 1250],
    ['2.15', 215],
    ['10', 1000],
    ['1,234', Number.NaN],
  ])('hundredths(%s) → %s', (text, value) => {
    expect(hundredths(text)).toBe(value);
  });
});

describe('rate table form', () => {
  it('round-trips the default table', () => {
    expect(parseRates(rateDrafts(defaultRateTable()))).toEqual({ ok: true, value: defaultRateTable() });
  });

  it('adds the half-year after the latest', () => {
    expect(nextHalfYear(rateDrafts(defaultRateTable()), '2026-11-25')).toBe('2026-H2');
    expect(
      nextHalfYear([{ period: '2026-H2', ecb: '', legalConsumer: '', legalOther: '' }], '2026-11-25'),
    ).toBe('2027-H1');
    expect(nextHalfYear([], '2026-11-25')).toBe('2026-H2');
  });

  it('names the wrong cell and a period given twice', () => {
    const rows = rateDrafts(defaultRateTable());
    const wrong = [
      ...rows,
      { ...rows.at(-1)!, ecb: 'x' },
      { period: '2026-S2', ecb: '2', legalConsumer: '6', legalOther: '3' },
    ];
    const parsed = parseRates(wrong);
    expect(!parsed.ok && parsed.errors).toMatchObject({ '5.ecbBps': 'ecbBps', '6.period': 'period' });
    const twice = parseRates([...rows, rows[0]!]);
    expect(!twice.ok && twice.errors).toEqual({ table: 'duplicate' });
  });
});
