import { useEffect, useRef, useState } from 'preact/hooks';
import type { Formatter } from './format';
import type { Sort, SortKey, TrackingRow } from './tracking-model';

/** Every row has the same height, so only the rows in view are rendered: 10,000 invoices scroll as 30. */
export const ROW_HEIGHT = 40;
const OVERSCAN = 8;

interface Column {
  key: SortKey;
  label: Parameters<Formatter['t']>[0];
  numeric?: boolean;
  /** Pixels; the client column takes what is left. */
  width?: number;
  cell: (row: TrackingRow, fmt: Formatter) => preact.ComponentChildren;
}

const columns: Column[] = [
  { key: 'client', label: 'options.col.client', cell: (row, fmt) => <ClientCell row={row} fmt={fmt} /> },
  { key: 'number', label: 'options.col.number', width: 110, cell: (row) => row.number },
  {
    key: 'amount',
    label: 'options.col.amount',
    width: 105,
    numeric: true,
    cell: (row, fmt) => fmt.money(row.amountCents, row.currency),
  },
  {
    key: 'paid',
    label: 'options.col.paid',
    width: 100,
    numeric: true,
    cell: (row, fmt) => fmt.money(row.paidCents, row.currency),
  },
  {
    key: 'remaining',
    label: 'options.col.remaining',
    width: 105,
    numeric: true,
    cell: (row, fmt) => fmt.money(row.remainingCents, row.currency),
  },
  {
    key: 'issueDate',
    label: 'options.col.issueDate',
    width: 92,
    cell: (row, fmt) => fmt.date(row.issueDate),
  },
  { key: 'dueDate', label: 'options.col.dueDate', width: 92, cell: (row, fmt) => fmt.date(row.dueDate) },
  {
    key: 'daysLate',
    label: 'options.col.daysLate',
    width: 70,
    numeric: true,
    // Nothing is late on an invoice that is paid or owed by the user.
    cell: (row) =>
      row.daysLate > 0 && row.state !== 'settled' && row.state !== 'credit_note' ? row.daysLate : '',
  },
  {
    key: 'step',
    label: 'options.col.step',
    width: 140,
    cell: (row, fmt) =>
      row.reachedTone ? (
        <span title={fmt.t(`tone.${row.reachedTone}`)}>{fmt.t(`tone.${row.reachedTone}`)}</span>
      ) : (
        '—'
      ),
  },
  {
    key: 'lastAction',
    label: 'options.col.lastAction',
    width: 110,
    cell: (row, fmt) =>
      row.lastAction ? (
        <Two top={fmt.t(`options.event.${row.lastAction.type}`)} bottom={fmt.date(row.lastAction.date)} />
      ) : (
        '—'
      ),
  },
  {
    key: 'next',
    label: 'options.col.next',
    width: 150,
    cell: (row, fmt) =>
      row.next ? (
        <Two
          top={`${fmt.t(`channel.${row.next.channel}`)} · ${fmt.t(`tone.${row.next.tone}`)}`}
          bottom={fmt.date(row.next.date)}
        />
      ) : (
        '—'
      ),
  },
  {
    key: 'state',
    label: 'options.col.state',
    width: 150,
    cell: (row, fmt) => <span class={`ro-state ro-state-${row.state}`}>{fmt.t(`state.${row.state}`)}</span>,
  },
];

function Two({ top, bottom }: { top: string; bottom: string }) {
  return (
    <span class="ro-two" title={`${top} · ${bottom}`}>
      <span>{top}</span>
      <span class="ro-muted">{bottom}</span>
    </span>
  );
}

function ClientCell({ row, fmt }: { row: TrackingRow; fmt: Formatter }) {
  const behaviour = row.behaviour;
  const usual = behaviour?.usualDaysLate == null ? undefined : Math.round(behaviour.usualDaysLate);
  const alert =
    behaviour?.alert &&
    fmt.t('options.behaviour.alert', { days: usual ?? 0, current: behaviour.currentDaysLate });
  return (
    <span class="ro-client">
      <span class="ro-ellipsis" title={row.clientName}>
        {row.clientName}
      </span>
      {usual !== undefined && (
        <span
          class="ro-muted ro-small"
          title={fmt.t('options.behaviour.title', { count: behaviour!.payments })}
        >
          {fmt.t('options.behaviour.average', { days: usual })}
        </span>
      )}
      {alert && (
        <span class="ro-alert" role="img" data-testid="late-alert" aria-label={alert} title={alert}>
          ⚠
        </span>
      )}
    </span>
  );
}

export interface TrackingTableProps {
  fmt: Formatter;
  rows: readonly TrackingRow[];
  sort: Sort;
  onSort(key: SortKey): void;
  selected: ReadonlySet<string>;
  onSelect(ids: string[], selected: boolean): void;
}

export function TrackingTable({ fmt, rows, sort, onSort, selected, onSelect }: TrackingTableProps) {
  const { t } = fmt;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight || 600);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new filter or sort shows the top of the list.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [rows]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  return (
    <div
      class="ro-table-scroll"
      ref={scroller}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
      tabIndex={0}
      aria-label={t('options.tracking.tableLabel')}
    >
      <table class="ro-table" aria-rowcount={rows.length + 1} data-testid="tracking-table">
        <colgroup>
          <col style={{ width: '36px' }} />
          {columns.map((column) => (
            <col key={column.key} style={column.width ? { width: `${column.width}px` } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="ro-check">
              <input
                type="checkbox"
                aria-label={t('options.tracking.selectAll')}
                checked={allSelected}
                onChange={(event) =>
                  onSelect(
                    rows.map((row) => row.id),
                    (event.currentTarget as HTMLInputElement).checked,
                  )
                }
              />
            </th>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                class={column.numeric ? 'ro-num' : undefined}
                aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  class="ro-sort"
                  onClick={() => onSort(column.key)}
                  data-sort={column.key}
                >
                  {t(column.label)}
                  <span aria-hidden="true">
                    {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
          {visible.map((row, offset) => (
            <tr
              key={row.id}
              aria-rowindex={first + offset + 2}
              data-invoice={row.id}
              class={selected.has(row.id) ? 'ro-selected' : undefined}
            >
              <td class="ro-check">
                <input
                  type="checkbox"
                  aria-label={t('options.tracking.selectRow', { number: row.number, client: row.clientName })}
                  checked={selected.has(row.id)}
                  onChange={(event) => onSelect([row.id], (event.currentTarget as HTMLInputElement).checked)}
                />
              </td>
              {columns.map((column) => (
                <td key={column.key} class={column.numeric ? 'ro-num' : undefined} data-col={column.key}>
                  {column.cell(row, fmt)}
                </td>
              ))}
            </tr>
          ))}
          {last < rows.length && (
            <tr aria-hidden="true" style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p class="ro-empty">{t('options.tracking.empty')}</p>}
    </div>
  );
}
