import { useState } from 'preact/hooks';
import type { Action } from '../../lib/domain/engine';
import type { LedgerEventInput } from '../../lib/domain/schemas';
import type { MailHost, ThreadContext } from '../../lib/mail/types';
import type { LedgerAccess } from '../../lib/extension/ledger-port';
import { ActionPanel } from './ActionPanel';
import type { Formatter } from './format';
import { History } from './History';
import { InvoiceList } from './InvoiceList';
import { PlanPanel } from './PlanPanel';
import type { ClientSummary, LedgerView } from './model';

export interface ClientViewProps {
  fmt: Formatter;
  view: LedgerView;
  summary: ClientSummary;
  thread: ThreadContext | null;
  host: MailHost;
  repo: LedgerAccess;
  record(events: LedgerEventInput[]): Promise<void>;
  openPage?: (path: string) => void;
  onChangeClient(): void;
  alternatives: number;
}

/** One client: who they are, what they owe, what to do now, and what was done. */
export function ClientView(props: ClientViewProps) {
  const { fmt, summary, view } = props;
  const { t } = fmt;
  const { client } = summary;
  const [open, setOpen] = useState<string | null>(null);
  const contactName = [client.contact.firstName, client.contact.lastName].filter(Boolean).join(' ');

  return (
    <div class="rl-client" data-testid="client-view" data-client-id={client.id}>
      <section class="rl-card" aria-labelledby="rl-client-name">
        <div class="rl-row">
          <h2 id="rl-client-name" data-testid="client-name">
            {client.name}
          </h2>
          <button type="button" class="rl-link" onClick={props.onChangeClient}>
            {props.alternatives > 1
              ? t('sidebar.otherCandidates', { count: props.alternatives })
              : t('sidebar.notThisClient')}
          </button>
        </div>
        <p class="rl-muted">
          {t(`segment.${client.segment}`)} · {t(`relationship.${client.relationship}`)}
        </p>
        {(contactName || client.contact.role) && (
          <p>
            {contactName}
            {client.contact.role && <span class="rl-muted"> · {client.contact.role}</span>}
          </p>
        )}
        {client.emails[0] && <p class="rl-muted">{client.emails[0]}</p>}
        {client.contact.phone && (
          <p>
            <a href={`tel:${client.contact.phone.replace(/[^\d+]/g, '')}`}>{client.contact.phone}</a>
          </p>
        )}
      </section>

      <section class="rl-totals" aria-label={t('sidebar.totalDue')}>
        <div>
          <span class="rl-muted">{t('sidebar.totalDue')}</span>
          <strong data-testid="total-due">{fmt.money(summary.totalDueCents, summary.currency)}</strong>
        </div>
        {summary.penaltiesCents > 0 && (
          <div>
            <span class="rl-muted">{t('sidebar.penalties')}</span>
            <strong data-testid="penalties">{fmt.money(summary.penaltiesCents, summary.currency)}</strong>
          </div>
        )}
      </section>

      {summary.due.length > 0 ? (
        summary.due.map((action: Action) => (
          <ActionPanel
            key={action.id}
            {...props}
            action={action}
            expanded={open === action.id}
            onToggle={() => setOpen(open === action.id ? null : action.id)}
          />
        ))
      ) : (
        <section class="rl-card rl-next" data-testid="next-action">
          <h3>{t('sidebar.nextAction')}</h3>
          {summary.upcoming?.status.next ? (
            <p>
              {t(`tone.${summary.upcoming.status.next.step.tone}`)} ·{' '}
              {t(`channel.${summary.upcoming.status.next.step.channel}`)} — {fmt.date(summary.upcoming.date)}
            </p>
          ) : (
            <p class="rl-muted">
              {summary.open.length === 0 ? t('sidebar.allPaid') : t('sidebar.nothingScheduled')}
            </p>
          )}
        </section>
      )}

      <InvoiceList fmt={fmt} summary={summary} view={view} record={props.record} />
      <PlanPanel
        fmt={fmt}
        view={view}
        summary={summary}
        thread={props.thread}
        host={props.host}
        record={props.record}
      />
      <History fmt={fmt} summary={summary} view={view} />
    </div>
  );
}
