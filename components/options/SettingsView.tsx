import { useState } from 'preact/hooks';
import type { CompanyProfile, IsoDate, RateTable, Settings } from '../../lib/domain/schemas';
import type { LedgerRepository } from '../../lib/store/repository';
import { Field } from './Field';
import type { Formatter, Translate } from './format';
import {
  companyDraft,
  nextHalfYear,
  parseCompany,
  parseRates,
  parseSettings,
  rateDrafts,
  settingsDraft,
  type CompanyDraft,
  type FieldErrors,
  type RateDraft,
  type SettingsDraft,
} from './settings-form';

/** Plain words for each field that can be refused. */
const errorKeys = {
  legalName: 'options.error.tooLong',
  legalForm: 'options.error.tooLong',
  shareCapital: 'options.error.tooLong',
  address: 'options.error.tooLong',
  rcs: 'options.error.tooLong',
  signature: 'options.error.tooLong',
  termsRef: 'options.error.tooLong',
  phone: 'options.error.tooLong',
  siren: 'options.error.siren',
  vatNumber: 'options.error.vatNumber',
  email: 'options.error.email',
  iban: 'options.error.iban',
  bic: 'options.error.bic',
  paymentLink: 'options.error.paymentLink',
  ownEmails: 'options.error.ownEmails',
  minDaysBetweenContacts: 'options.error.days60',
  promiseGraceDays: 'options.error.days60',
  planGraceDays: 'options.error.days60',
  formalNoticeDays: 'options.error.formalNoticeDays',
  personalThreshold: 'options.error.amount',
  syncSettledAfterDays: 'options.error.syncDays',
  period: 'options.error.period',
  ecbBps: 'options.error.rate',
  legalConsumerBps: 'options.error.rate',
  legalOtherBps: 'options.error.rate',
  duplicate: 'options.error.duplicatePeriod',
} as const;

function errorText(t: Translate, errors: FieldErrors, key: string): string | undefined {
  const code = errors[key];
  if (code === undefined) return undefined;
  return t(errorKeys[code as keyof typeof errorKeys] ?? 'options.error.invalid');
}

export interface SettingsViewProps {
  fmt: Formatter;
  repo: LedgerRepository;
  company: CompanyProfile;
  settings: Settings;
  rates: RateTable;
  today: IsoDate;
}

export function SettingsView(props: SettingsViewProps) {
  return (
    <div class="ro-settings">
      <CompanyForm {...props} />
      <PreferencesForm {...props} />
      <RatesForm {...props} />
    </div>
  );
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; reason: string };

function StatusLine({ t, status }: { t: Translate; status: Status }) {
  if (status.kind === 'idle') return <span role="status" class="ro-notice" />;
  const text =
    status.kind === 'saved'
      ? t('options.settings.saved')
      : status.kind === 'invalid'
        ? t('options.settings.invalid')
        : t('options.settings.failed', { reason: status.reason });
  return (
    <span role="status" class={`ro-notice ${status.kind === 'saved' ? 'ro-ok' : 'ro-error'}`}>
      {text}
    </span>
  );
}

async function saving(save: () => Promise<unknown>, setStatus: (status: Status) => void) {
  try {
    await save();
    setStatus({ kind: 'saved' });
  } catch (error) {
    setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}

function CompanyForm({ fmt, repo, company }: SettingsViewProps) {
  const { t } = fmt;
  const [draft, setDraft] = useState<CompanyDraft>(() => companyDraft(company));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const set = (key: keyof CompanyDraft) => (event: Event) =>
    setDraft((previous) => ({ ...previous, [key]: (event.currentTarget as HTMLInputElement).value }));

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseCompany(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus({ kind: 'invalid' });
      return;
    }
    setErrors({});
    setDraft(companyDraft(parsed.value));
    void saving(() => repo.saveCompany(parsed.value), setStatus);
  };

  const text = (
    key: keyof CompanyDraft,
    label: Parameters<Translate>[0],
    hint?: Parameters<Translate>[0],
  ) => (
    <Field id={`company-${key}`} label={t(label)} hint={hint && t(hint)} error={errorText(t, errors, key)}>
      {(aria) => <input type="text" {...aria} name={key} value={draft[key]} onInput={set(key)} />}
    </Field>
  );
  const area = (
    key: keyof CompanyDraft,
    label: Parameters<Translate>[0],
    hint?: Parameters<Translate>[0],
  ) => (
    <Field id={`company-${key}`} label={t(label)} hint={hint && t(hint)} error={errorText(t, errors, key)}>
      {(aria) => <textarea {...aria} name={key} rows={3} value={draft[key]} onInput={set(key)} />}
    </Field>
  );

  return (
    <form
      class="ro-card"
      onSubmit={submit}
      noValidate
      aria-labelledby="company-title"
      data-testid="company-form"
    >
      <h2 id="company-title">{t('options.settings.company')}</h2>
      <div class="ro-grid">
        {text('legalName', 'options.company.legalName')}
        {text('legalForm', 'options.company.legalForm')}
        {text('shareCapital', 'options.company.shareCapital')}
        {area('address', 'options.company.address', 'options.company.addressHint')}
        {text('siren', 'options.company.siren', 'options.company.sirenHint')}
        {text('rcs', 'options.company.rcs', 'options.company.rcsHint')}
        {text('vatNumber', 'options.company.vatNumber', 'options.company.vatHint')}
        {text('email', 'options.company.email')}
        {text('phone', 'options.company.phone')}
      </div>
      <h3>{t('options.settings.payment')}</h3>
      <div class="ro-grid">
        {text('iban', 'options.company.iban')}
        {text('bic', 'options.company.bic')}
        {text('paymentLink', 'options.company.paymentLink', 'options.company.paymentLinkHint')}
        {text('termsRef', 'options.company.termsRef', 'options.company.termsRefHint')}
      </div>
      {area('signature', 'options.company.signature')}
      <div class="ro-actions">
        <button type="submit" class="ro-primary">
          {t('options.settings.saveCompany')}
        </button>
        <StatusLine t={t} status={status} />
      </div>
    </form>
  );
}

function PreferencesForm({ fmt, repo, settings }: SettingsViewProps) {
  const { t } = fmt;
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const set = (key: keyof SettingsDraft) => (event: Event) =>
    setDraft((previous) => ({ ...previous, [key]: (event.currentTarget as HTMLInputElement).value }));

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseSettings(draft, settings);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus({ kind: 'invalid' });
      return;
    }
    setErrors({});
    void saving(() => repo.saveSettings(parsed.value), setStatus);
  };

  const number = (
    key: keyof SettingsDraft,
    label: Parameters<Translate>[0],
    hint?: Parameters<Translate>[0],
  ) => (
    <Field id={`settings-${key}`} label={t(label)} hint={hint && t(hint)} error={errorText(t, errors, key)}>
      {(aria) => (
        <input type="text" inputMode="numeric" {...aria} name={key} value={draft[key]} onInput={set(key)} />
      )}
    </Field>
  );

  return (
    <form
      class="ro-card"
      onSubmit={submit}
      noValidate
      aria-labelledby="prefs-title"
      data-testid="settings-form"
    >
      <h2 id="prefs-title">{t('options.settings.preferences')}</h2>
      <div class="ro-grid">
        <Field id="settings-language" label={t('options.settings.language')}>
          {(aria) => (
            <select {...aria} name="language" value={draft.language} onChange={set('language')}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <Field
          id="settings-ownEmails"
          label={t('options.settings.ownEmails')}
          hint={t('options.settings.ownEmailsHint')}
          error={errorText(t, errors, 'ownEmails')}
        >
          {(aria) => (
            <textarea
              {...aria}
              name="ownEmails"
              rows={3}
              value={draft.ownEmails}
              onInput={set('ownEmails')}
            />
          )}
        </Field>
      </div>
      <h3>{t('options.settings.reminders')}</h3>
      <div class="ro-grid">
        {number('minDaysBetweenContacts', 'options.settings.minDays', 'options.settings.minDaysHint')}
        {number('promiseGraceDays', 'options.settings.promiseGrace', 'options.settings.promiseGraceHint')}
        {number('planGraceDays', 'options.settings.planGrace')}
        {number(
          'formalNoticeDays',
          'options.settings.formalNoticeDays',
          'options.settings.formalNoticeDaysHint',
        )}
        {number(
          'personalThreshold',
          'options.settings.personalThreshold',
          'options.settings.personalThresholdHint',
        )}
        {number('syncSettledAfterDays', 'options.settings.syncSettled', 'options.settings.syncSettledHint')}
      </div>
      <div class="ro-actions">
        <button type="submit" class="ro-primary">
          {t('options.settings.savePreferences')}
        </button>
        <StatusLine t={t} status={status} />
      </div>
    </form>
  );
}

function RatesForm({ fmt, repo, rates, today }: SettingsViewProps) {
  const { t } = fmt;
  const [rows, setRows] = useState<RateDraft[]>(() => rateDrafts(rates));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const set = (index: number, key: keyof RateDraft) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };
  const add = () =>
    setRows((previous) => {
      const last = previous.at(-1);
      return [
        ...previous,
        {
          ...(last ?? { ecb: '', legalConsumer: '', legalOther: '' }),
          period: nextHalfYear(previous, today),
        },
      ];
    });

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseRates(rows);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus({ kind: 'invalid' });
      return;
    }
    setErrors({});
    void saving(() => repo.saveRates(parsed.value), setStatus);
  };

  const fields: [keyof RateDraft, string, Parameters<Translate>[0]][] = [
    ['period', 'period', 'options.rates.period'],
    ['ecb', 'ecbBps', 'options.rates.ecb'],
    ['legalConsumer', 'legalConsumerBps', 'options.rates.legalConsumer'],
    ['legalOther', 'legalOtherBps', 'options.rates.legalOther'],
  ];

  return (
    <form class="ro-card" onSubmit={submit} noValidate aria-labelledby="rates-title" data-testid="rates-form">
      <h2 id="rates-title">{t('options.rates.title')}</h2>
      <p class="ro-muted">{t('options.rates.help')}</p>
      <table class="ro-rates">
        <thead>
          <tr>
            {fields.map(([, , label]) => (
              <th key={label} scope="col">
                {t(label)}
              </th>
            ))}
            <th scope="col">
              <span class="ro-visually-hidden">{t('options.rates.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {fields.map(([key, schemaKey, label]) => {
                const error = errorText(t, errors, `${index}.${schemaKey}`);
                return (
                  <td key={key} class={error ? 'ro-invalid' : undefined}>
                    <input
                      type="text"
                      value={row[key]}
                      aria-label={`${t(label)} ${row.period}`}
                      aria-invalid={Boolean(error)}
                      onInput={set(index, key)}
                    />
                    {error && <span class="ro-error">{error}</span>}
                  </td>
                );
              })}
              <td>
                <button
                  type="button"
                  aria-label={t('options.rates.removeRow', { period: row.period })}
                  onClick={() => setRows((previous) => previous.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.table && <p class="ro-error">{errorText(t, errors, 'table')}</p>}
      <div class="ro-actions">
        <button type="button" onClick={add}>
          {t('options.rates.add')}
        </button>
        <button type="submit" class="ro-primary">
          {t('options.rates.save')}
        </button>
        <StatusLine t={t} status={status} />
      </div>
    </form>
  );
}
