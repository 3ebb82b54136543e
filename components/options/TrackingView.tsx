import { useMemo, useState } from 'preact/hooks';
import type { ActionPlan, InvoiceState } from '../../lib/domain/engine';
import { agingBuckets } from '../../lib/domain/figures';
import {
  segmentSchema,
  toneSchema,
  type IsoDate,
  type Ledger,
  type LedgerEventInput,
} from '../../lib/domain/schemas';
import { markPaidEvents, pauseEvents, resumeEvents } from './bulk-actions';
import { trackingCsv } from './csv';
import type { Formatter } from './format';
import { TrackingTable } from './TrackingTable';
import {
  filterRows,
  noFilters,
  sortRows,
  trackingRows,
  type Sort,
  type SortKey,
  type TrackingFilters,
} from './tracking-model';

const states: InvoiceState[] = [
  'not_due',
  'active',
  'paused_promise',
  'paused_dispute',
  'paused_plan',
  'paused_manual',
  'completed',
  'settled',
  'credit_note',
];

export interface TrackingViewProps {
  fmt: Formatter;
  ledger: Ledger;
  plan: ActionPlan;
  today: IsoDate;
  record(events: LedgerEventInput[]): Promise<void>;
  download(name: string, type: string, content: string): void;
}

/** Every invoice, where it stands and what comes next; the bulk actions of the day. */
export function TrackingView({ fmt, ledger, plan, today, record, download }: TrackingViewProps) {
  const { t } = fmt;
  const [filters, setFilters] = useState<TrackingFilters>(noFilters);
  const [sort, setSort] = useState<Sort>({ key: 'daysLate', descending: true });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');

  const rows = useMemo(() => trackingRows(ledger, plan, today), [ledger, plan, today]);
  const shown = useMemo(() => sortRows(filterRows(rows, filters), sort), [rows, filters, sort]);
  const chosen = useMemo(() => rows.filter((row) => selected.has(row.id)), [rows, selected]);

  const setFilter = <K extends keyof TrackingFilters>(key: K, value: TrackingFilters[K]) =>
    setFilters((previous) => ({ ...previous, [key]: value }));
  const onSort = (key: SortKey) =>
    setSort((previous) =>
      previous.key === key ? { key, descending: !previous.descending } : { key, descending: false },
    );
  const onSelect = (ids: string[], on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });

  const apply = async (events: LedgerEventInput[], done: Parameters<typeof t>[0]) => {
    if (events.length === 0) {
      setNotice(t('options.bulk.nothing'));
      return;
    }
    await record(events);
    setNotice(t(done, { count: events.length }));
  };

  const exportCsv = () => {
    download(`relance-suivi-${today}.csv`, 'text/csv;charset=utf-8', trackingCsv(sortRows(chosen, sort)));
    setNotice(t('options.bulk.exported', { count: chosen.length }));
  };

  const select = (
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: [string, string][],
    testId: string,
  ) => (
    <div class="ro-field ro-inline">
      <label for={testId}>{label}</label>
      <select
        id={testId}
        value={value}
        data-testid={testId}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{t('options.filter.all')}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div class="ro-tracking">
      <div class="ro-toolbar" role="search">
        <label class="ro-field ro-inline ro-grow">
          <span>{t('options.filter.search')}</span>
          <input
            type="search"
            value={filters.query}
            placeholder={t('options.filter.searchHint')}
            data-testid="tracking-search"
            onInput={(event) => setFilter('query', (event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {select(
          t('options.filter.segment'),
          filters.segment,
          (value) => setFilter('segment', value as TrackingFilters['segment']),
          segmentSchema.options.map((segment) => [segment, t(`segment.${segment}`)]),
          'filter-segment',
        )}
        {select(
          t('options.filter.step'),
          filters.step,
          (value) => setFilter('step', value as TrackingFilters['step']),
          [
            ['none', t('options.filter.noStep')],
            ...toneSchema.options.map((tone): [string, string] => [tone, t(`tone.${tone}`)]),
          ],
          'filter-step',
        )}
        {select(
          t('options.filter.state'),
          filters.state,
          (value) => setFilter('state', value as TrackingFilters['state']),
          states.map((state) => [state, t(`state.${state}`)]),
          'filter-state',
        )}
        {select(
          t('options.filter.age'),
          filters.bucket,
          (value) => setFilter('bucket', value as TrackingFilters['bucket']),
          agingBuckets.map((bucket) => [bucket, t(`options.age.${bucket}`)]),
          'filter-age',
        )}
      </div>

      <div class="ro-bulk" role="toolbar" aria-label={t('options.bulk.label')}>
        <span class="ro-muted" data-testid="tracking-count">
          {t('options.tracking.count', { shown: shown.length, total: rows.length, selected: chosen.length })}
        </span>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => void apply(markPaidEvents(chosen, today), 'options.bulk.paidDone')}
        >
          {t('options.bulk.markPaid')}
        </button>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => void apply(pauseEvents(chosen, today), 'options.bulk.pausedDone')}
        >
          {t('options.bulk.pause')}
        </button>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => void apply(resumeEvents(chosen, today), 'options.bulk.resumedDone')}
        >
          {t('options.bulk.resume')}
        </button>
        <button type="button" disabled={chosen.length === 0} onClick={exportCsv}>
          {t('options.bulk.csv')}
        </button>
        <button type="button" disabled={chosen.length === 0} onClick={() => setSelected(new Set())}>
          {t('options.bulk.clear')}
        </button>
        <span role="status" class="ro-notice" data-testid="bulk-notice">
          {notice}
        </span>
      </div>

      <TrackingTable
        fmt={fmt}
        rows={shown}
        sort={sort}
        onSort={onSort}
        selected={selected}
        onSelect={onSelect}
      />
    </div>
  );
}
