import {
  companyProfileSchema,
  rateTableSchema,
  settingsSchema,
  type CompanyProfile,
  type HalfYear,
  type RateTable,
  type Settings,
} from '../../lib/domain/schemas';

/**
 * The settings forms work on text as typed; these turn it into domain values, validated with the
 * domain schemas, and name the field of each problem so it shows next to that field.
 */
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** ISO 13616: country, check digits, then the account; the whole must be 1 modulo 97. */
export function isValidIban(input: string): boolean {
  const iban = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** ISO 9362: bank, country, location, optional branch. */
export function isValidBic(input: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(input.replace(/\s+/g, '').toUpperCase());
}

/** IBAN in groups of four, the way it is printed on a letter. */
export function groupIban(input: string): string {
  return input
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

export interface CompanyDraft extends Omit<CompanyProfile, 'address'> {
  address: string;
}

export function companyDraft(company: CompanyProfile): CompanyDraft {
  return { ...company, address: company.address.join('\n') };
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Issue paths to field names: `address.2` is the address field. */
function issuesToErrors(issues: readonly { path: PropertyKey[] }[], errors: FieldErrors = {}): FieldErrors {
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= field;
  }
  return errors;
}

export function parseCompany(draft: CompanyDraft): Parsed<CompanyProfile> {
  const candidate = {
    ...draft,
    address: lines(draft.address),
    siren: draft.siren.replace(/\s+/g, ''),
    vatNumber: draft.vatNumber.replace(/\s+/g, '').toUpperCase(),
    iban: draft.iban.trim() === '' ? '' : groupIban(draft.iban),
    bic: draft.bic.replace(/\s+/g, '').toUpperCase(),
    paymentLink: draft.paymentLink.trim(),
    email: draft.email.trim(),
  };
  const parsed = companyProfileSchema.safeParse(candidate);
  const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues);
  if (candidate.iban !== '' && !isValidIban(candidate.iban)) errors.iban = 'iban';
  if (candidate.bic !== '' && !isValidBic(candidate.bic)) errors.bic = 'bic';
  if (candidate.vatNumber !== '' && !/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(candidate.vatNumber))
    errors.vatNumber = 'vatNumber';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

export interface SettingsDraft {
  language: Settings['language'];
  ownEmails: string;
  minDaysBetweenContacts: string;
  promiseGraceDays: string;
  planGraceDays: string;
  formalNoticeDays: string;
  /** In euros, as typed (comma or point). */
  personalThreshold: string;
  syncSettledAfterDays: string;
}

export function settingsDraft(settings: Settings): SettingsDraft {
  return {
    language: settings.language,
    ownEmails: settings.ownEmails.join('\n'),
    minDaysBetweenContacts: String(settings.minDaysBetweenContacts),
    promiseGraceDays: String(settings.promiseGraceDays),
    planGraceDays: String(settings.planGraceDays),
    formalNoticeDays: String(settings.formalNoticeDays),
    personalThreshold: String(settings.personalThresholdCents / 100).replace('.', ','),
    syncSettledAfterDays: String(settings.syncSettledAfterDays),
  };
}

/** A whole number as typed, or NaN (the schema then names the field). */
function whole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** A decimal typed with a comma or a point, in hundredths: "12,5" → 1250. */
export function hundredths(text: string): number {
  const normalised = text.trim().replace(/\s+/g, '').replace(',', '.');
  return /^\d+(?:\.\d{1,2})?$/.test(normalised) ? Math.round(Number(normalised) * 100) : Number.NaN;
}

const LOCALES: Record<Settings['language'], string> = { fr: 'fr-FR', en: 'en-GB' };

export function parseSettings(draft: SettingsDraft, current: Settings): Parsed<Settings> {
  const parsed = settingsSchema.safeParse({
    ...current,
    language: draft.language,
    locale: LOCALES[draft.language],
    ownEmails: lines(draft.ownEmails),
    minDaysBetweenContacts: whole(draft.minDaysBetweenContacts),
    promiseGraceDays: whole(draft.promiseGraceDays),
    planGraceDays: whole(draft.planGraceDays),
    formalNoticeDays: whole(draft.formalNoticeDays),
    personalThresholdCents: hundredths(draft.personalThreshold),
    syncSettledAfterDays: whole(draft.syncSettledAfterDays),
  });
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error.issues);
    if (errors.personalThresholdCents) errors.personalThreshold = 'personalThreshold';
    return { ok: false, errors };
  }
  return { ok: true, value: parsed.data };
}

export interface RateDraft {
  period: string;
  ecb: string;
  legalConsumer: string;
  legalOther: string;
}

const percent = (bps: number) => (bps / 100).toFixed(2).replace('.', ',');

export function rateDrafts(table: RateTable): RateDraft[] {
  return [...table.halfYears]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((row) => ({
      period: row.period,
      ecb: percent(row.ecbBps),
      legalConsumer: percent(row.legalConsumerBps),
      legalOther: percent(row.legalOtherBps),
    }));
}

/** The half-year after the latest of the table (or after today's when it is empty). */
export function nextHalfYear(drafts: readonly RateDraft[], today: string): HalfYear {
  const periods = drafts.map((row) => row.period).filter((period) => /^\d{4}-H[12]$/.test(period));
  const latest = periods.sort().at(-1);
  if (!latest) return `${today.slice(0, 4)}-H${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
  const year = Number(latest.slice(0, 4));
  return latest.endsWith('H1') ? `${year}-H2` : `${year + 1}-H1`;
}

/** Errors are keyed `<row>.<field>`, or `table` for a period given twice. */
export function parseRates(drafts: readonly RateDraft[]): Parsed<RateTable> {
  const table = {
    halfYears: drafts.map((row) => ({
      period: row.period.trim().toUpperCase(),
      ecbBps: hundredths(row.ecb),
      legalConsumerBps: hundredths(row.legalConsumer),
      legalOtherBps: hundredths(row.legalOther),
    })),
  };
  const parsed = rateTableSchema.safeParse(table);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [, row, field] = issue.path;
    if (typeof row === 'number' && typeof field === 'string') errors[`${row}.${field}`] = field;
    else errors.table = 'duplicate';
  }
  return { ok: false, errors };
}
