import type { LedgerEvent } from '../../lib/domain/schemas';
import type { Formatter } from './format';
import type { ClientSummary, LedgerView } from './model';

const SHOWN = 12;

/** What was done with this client, newest first: reminders, calls, promises, disputes, payments. */
export function History({
  fmt,
  summary,
  view,
}: {
  fmt: Formatter;
  summary: ClientSummary;
  view: LedgerView;
}) {
  const { t } = fmt;
  if (summary.history.length === 0) return null;
  const numbers = new Map(
    (view.invoicesByClient.get(summary.client.id) ?? []).map((invoice) => [invoice.id, invoice.number]),
  );
  return (
    <section aria-labelledby="rl-history">
      <h3 id="rl-history">{t('sidebar.history')}</h3>
      <ol class="rl-history" data-testid="history">
        {summary.history.slice(0, SHOWN).map((event) => (
          <li key={event.id}>
            <span class="rl-muted">{fmt.date(event.date)}</span> {describe(fmt, event)}
            <span class="rl-muted"> · {event.invoiceIds.map((id) => numbers.get(id) ?? id).join(', ')}</span>
          </li>
        ))}
      </ol>
      {summary.history.length > SHOWN && (
        <p class="rl-muted">{t('sidebar.moreHistory', { count: summary.history.length - SHOWN })}</p>
      )}
    </section>
  );
}

function describe(fmt: Formatter, event: LedgerEvent): string {
  const { t } = fmt;
  switch (event.type) {
    case 'reminder':
      return t('sidebar.history.reminder', { channel: t(`channel.${event.channel}`) });
    case 'call':
      return t('sidebar.history.call', { outcome: t(`call.${event.outcome}`) });
    case 'promise':
      return t('sidebar.history.promise', {
        date: fmt.date(event.promisedDate),
        amount: fmt.money(event.amountCents),
      });
    case 'dispute':
      return t('sidebar.history.dispute', { reason: event.reason });
    case 'dispute_resolved':
      return t('sidebar.history.dispute_resolved');
    case 'payment':
      return t('sidebar.history.payment', { amount: fmt.money(event.amountCents) });
    case 'plan':
      return t('sidebar.history.plan', { count: event.instalments.length });
    case 'skip':
      return t('sidebar.history.skip');
    case 'pause':
      return event.until
        ? t('sidebar.history.pauseUntil', { date: fmt.date(event.until) })
        : t('sidebar.history.pause');
    case 'resume':
      return t('sidebar.history.resume');
  }
}
