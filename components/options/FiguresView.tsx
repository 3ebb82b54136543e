import { useMemo } from 'preact/hooks';
import type { ActionPlan } from '../../lib/domain/engine';
import {
  agedBalance,
  agingBuckets,
  dso,
  lateAlerts,
  recoveredByStep,
  recoveryByMonth,
  type AgingBucket,
} from '../../lib/domain/figures';
import type { IsoDate, Ledger } from '../../lib/domain/schemas';
import { BarChart, LineChart, type Bar } from './charts';
import type { Formatter } from './format';

const bucketVariant: Record<AgingBucket, Bar['variant']> = {
  not_due: 'ok',
  late_1_30: undefined,
  late_31_60: 'warn',
  late_61_90: 'bad',
  late_over_90: 'bad',
};

export interface FiguresViewProps {
  fmt: Formatter;
  ledger: Ledger;
  plan: ActionPlan;
  today: IsoDate;
}

/** The score, as pictures: what is owed and how late, how fast money comes in, which step gets paid. */
export function FiguresView({ fmt, ledger, today }: FiguresViewProps) {
  const { t } = fmt;
  const figures = useMemo(
    () => ({
      aged: agedBalance(ledger, today),
      dso: dso(ledger, today),
      steps: recoveredByStep(ledger, today),
      months: recoveryByMonth(ledger, today, 12),
      alerts: lateAlerts(ledger, today),
    }),
    [ledger, today],
  );
  const currency = ledger.settings.currency;
  const money = (cents: number) => fmt.money(cents, currency);
  const percent = (rate: number | null) => (rate === null ? '—' : `${fmt.number(rate * 100)} %`);
  const clients = useMemo(() => new Map(ledger.clients.map((client) => [client.id, client.name])), [ledger]);
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(fmt.locale === 'fr' ? 'fr-FR' : 'en-GB', {
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));

  const bars = agingBuckets.map((bucket) => ({
    key: bucket,
    label: t(`options.age.${bucket}`),
    value: figures.aged.buckets[bucket].cents,
    display: money(figures.aged.buckets[bucket].cents),
    variant: bucketVariant[bucket],
  }));

  return (
    <div class="ro-figures">
      <section class="ro-card ro-kpis" aria-label={t('options.figures.kpis')}>
        <div class="ro-kpi" data-testid="kpi-outstanding">
          <span class="ro-muted">{t('options.figures.outstanding')}</span>
          <strong>{money(figures.aged.total.cents)}</strong>
          <span class="ro-muted ro-small">
            {t('options.figures.invoices', { count: figures.aged.total.count })}
          </span>
        </div>
        <div class="ro-kpi" data-testid="kpi-dso">
          <span class="ro-muted">{t('options.figures.dso')}</span>
          <strong>
            {figures.dso.days === null
              ? '—'
              : t('options.figures.days', { days: fmt.number(figures.dso.days) })}
          </strong>
          <span class="ro-muted ro-small">
            {t('options.figures.dsoHelp', { days: figures.dso.periodDays })}
          </span>
        </div>
        <div class="ro-kpi">
          <span class="ro-muted">{t('options.figures.alerts')}</span>
          <strong>{figures.alerts.length}</strong>
          {figures.alerts.slice(0, 3).map((alert) => (
            <span key={alert.clientId} class="ro-small">
              {t('options.figures.alertLine', {
                client: clients.get(alert.clientId) ?? alert.clientId,
                current: alert.currentDaysLate,
                usual: Math.round(alert.usualDaysLate ?? 0),
              })}
            </span>
          ))}
        </div>
      </section>

      <section class="ro-card" aria-labelledby="aged-title">
        <h2 id="aged-title">{t('options.figures.aged')}</h2>
        <BarChart
          bars={bars}
          label={t('options.figures.agedLabel', { total: money(figures.aged.total.cents) })}
        />
        <table class="ro-small-table" data-testid="aged-table">
          <tbody>
            {agingBuckets.map((bucket) => (
              <tr key={bucket}>
                <th scope="row">{t(`options.age.${bucket}`)}</th>
                <td class="ro-num">{money(figures.aged.buckets[bucket].cents)}</td>
                <td class="ro-num">
                  {t('options.figures.invoices', { count: figures.aged.buckets[bucket].count })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section class="ro-card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('options.figures.byStep')}</h2>
        {figures.steps.length === 0 ? (
          <p class="ro-muted">{t('options.figures.noPayments')}</p>
        ) : (
          <BarChart
            label={t('options.figures.byStep')}
            bars={figures.steps.map((row) => ({
              key: row.stepId ?? 'none',
              label: row.tone ? t(`tone.${row.tone}`) : t('options.figures.beforeReminder'),
              value: row.cents,
              display: money(row.cents),
            }))}
          />
        )}
      </section>

      <section class="ro-card" aria-labelledby="rate-title">
        <h2 id="rate-title">{t('options.figures.recovery')}</h2>
        <p class="ro-muted">{t('options.figures.recoveryHelp')}</p>
        <LineChart
          label={t('options.figures.recovery')}
          points={figures.months.map((row) => monthLabel(row.month))}
          series={[
            {
              key: 'recovery',
              label: t('options.figures.recoveryRate'),
              values: figures.months.map((row) => row.recoveryRate),
            },
            {
              key: 'collection',
              label: t('options.figures.collectionRate'),
              values: figures.months.map((row) => row.collectionRate),
            },
          ]}
        />
        <table class="ro-small-table">
          <thead>
            <tr>
              <th scope="col">{t('options.figures.month')}</th>
              <th scope="col">{t('options.figures.overdue')}</th>
              <th scope="col">{t('options.figures.recovered')}</th>
              <th scope="col">{t('options.figures.recoveryRate')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.months.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                <td class="ro-num">{money(row.overdueCents)}</td>
                <td class="ro-num">{money(row.recoveredCents)}</td>
                <td class="ro-num">{percent(row.recoveryRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
