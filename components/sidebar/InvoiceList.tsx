import { useState } from 'preact/hooks';
import { newEvent } from '../../lib/domain/ids';
import type { LedgerEventInput } from '../../lib/domain/schemas';
import type { Formatter } from './format';
import type { ClientSummary, InvoiceLine, LedgerView } from './model';

interface Props {
  fmt: Formatter;
  summary: ClientSummary;
  view: LedgerView;
  record(events: LedgerEventInput[]): Promise<void>;
}

type Form = 'partial' | 'promise' | 'dispute' | null;

/** The unpaid invoices, each with where it stands and its one-click actions. */
export function InvoiceList({ fmt, summary, view, record }: Props) {
  const { t } = fmt;
  if (summary.open.length === 0) return null;
  return (
    <section aria-labelledby="rl-invoices">
      <h3 id="rl-invoices">{t('sidebar.invoices', { count: summary.open.length })}</h3>
      <ul class="rl-invoices" data-testid="invoices">
        {summary.open.map((line) => (
          <InvoiceItem
            key={line.invoice.id}
            fmt={fmt}
            line={line}
            summary={summary}
            view={view}
            record={record}
          />
        ))}
      </ul>
    </section>
  );
}

function InvoiceItem({ fmt, line, summary, view, record }: Props & { line: InvoiceLine }) {
  const { t } = fmt;
  const { invoice, status, penalties } = line;
  const [form, setForm] = useState<Form>(null);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(view.today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const base = { clientId: invoice.clientId, invoiceIds: [invoice.id], date: view.today };
  const openDispute = summary.history.find(
    (event) =>
      event.type === 'dispute' &&
      event.invoiceIds.includes(invoice.id) &&
      !summary.history.some((other) => other.type === 'dispute_resolved' && other.disputeId === event.id),
  );
  const paused = status.state === 'paused_manual';

  async function run(events: LedgerEventInput[]) {
    setError(null);
    try {
      await record(events);
      setForm(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  function cents(): number | null {
    const value = Math.round(Number(amount.replace(/\s/g, '').replace(',', '.')) * 100);
    return Number.isFinite(value) && value > 0 ? value : null;
  }

  function submit(event: Event) {
    event.preventDefault();
    if (form === 'partial') {
      const value = cents();
      if (value === null || value > status.outstandingCents) return setError(t('sidebar.amountInvalid'));
      void run([newEvent({ ...base, type: 'payment', amountCents: value, date })]);
    } else if (form === 'promise') {
      const value = cents() ?? status.outstandingCents;
      if (date < view.today) return setError(t('sidebar.promiseInvalid'));
      void run([newEvent({ ...base, type: 'promise', promisedDate: date, amountCents: value })]);
    } else if (form === 'dispute') {
      if (!reason.trim()) return setError(t('sidebar.disputeReasonMissing'));
      void run([newEvent({ ...base, type: 'dispute', reason: reason.trim() })]);
    }
  }

  return (
    <li class="rl-invoice" data-testid="invoice" data-invoice-id={invoice.id} data-state={status.state}>
      <div class="rl-row">
        <strong>{invoice.number}</strong>
        <strong data-testid="invoice-outstanding">
          {fmt.money(status.outstandingCents, invoice.currency)}
        </strong>
      </div>
      <div class="rl-row rl-muted">
        <span>{t('sidebar.dueOn', { date: fmt.date(invoice.dueDate) })}</span>
        {status.daysLate > 0 ? (
          <span class="rl-late">{t('sidebar.daysLate', { days: status.daysLate })}</span>
        ) : (
          <span>{t('sidebar.notDueYet')}</span>
        )}
      </div>
      <div class="rl-row rl-muted">
        <span data-testid="invoice-step">
          {status.reachedStep ? t(`tone.${status.reachedStep.tone}`) : t('sidebar.noStepYet')}
        </span>
        <span>{t(`state.${status.state}`)}</span>
      </div>
      {status.pausedUntil && (
        <p class="rl-muted">{t('sidebar.pausedUntil', { date: fmt.date(status.pausedUntil) })}</p>
      )}
      {penalties.totalCents > 0 && (
        <p class="rl-muted" data-testid="invoice-penalties">
          {t('sidebar.penaltiesLine', {
            interest: fmt.money(penalties.interestCents, invoice.currency),
            indemnity: fmt.money(penalties.indemnityCents, invoice.currency),
          })}
        </p>
      )}
      <div class="rl-buttons rl-small">
        <button
          type="button"
          data-testid="mark-paid"
          onClick={() =>
            void run([newEvent({ ...base, type: 'payment', amountCents: status.outstandingCents })])
          }
        >
          {t('sidebar.markPaid')}
        </button>
        <button
          type="button"
          aria-expanded={form === 'partial'}
          onClick={() => setForm(form === 'partial' ? null : 'partial')}
        >
          {t('sidebar.partialPayment')}
        </button>
        <button
          type="button"
          aria-expanded={form === 'promise'}
          onClick={() => setForm(form === 'promise' ? null : 'promise')}
        >
          {t('sidebar.promise')}
        </button>
        {openDispute ? (
          <button
            type="button"
            onClick={() =>
              void run([
                newEvent({
                  ...base,
                  type: 'dispute_resolved',
                  disputeId: openDispute.id,
                  resolution: 'rejected',
                }),
              ])
            }
          >
            {t('sidebar.resolveDispute')}
          </button>
        ) : (
          <button
            type="button"
            aria-expanded={form === 'dispute'}
            onClick={() => setForm(form === 'dispute' ? null : 'dispute')}
          >
            {t('sidebar.dispute')}
          </button>
        )}
        <button
          type="button"
          onClick={() => void run([newEvent({ ...base, type: paused ? 'resume' : 'pause' })])}
        >
          {paused ? t('sidebar.resume') : t('sidebar.pause')}
        </button>
      </div>
      {form && (
        <form class="rl-form" onSubmit={submit}>
          {(form === 'partial' || form === 'promise') && (
            <label>
              {t('sidebar.amount')}
              <input
                inputMode="decimal"
                value={amount}
                placeholder={String(status.outstandingCents / 100).replace('.', ',')}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
            </label>
          )}
          {(form === 'partial' || form === 'promise') && (
            <label>
              {form === 'partial' ? t('sidebar.paymentDate') : t('sidebar.promisedDate')}
              <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
            </label>
          )}
          {form === 'dispute' && (
            <label>
              {t('sidebar.disputeReason')}
              <textarea rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          )}
          <button type="submit" class="rl-primary">
            {t('sidebar.save')}
          </button>
        </form>
      )}
      {error && (
        <p class="rl-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
