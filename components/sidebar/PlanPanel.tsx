import { useMemo, useState } from 'preact/hooks';
import { addDays } from '../../lib/domain/calendar';
import { proposePlan, type PlanProposal } from '../../lib/domain/plans';
import { escapeHtml } from '../../lib/domain/templates';
import type { LedgerEventInput } from '../../lib/domain/schemas';
import type { MailHost, ReplyDraft, ReplyResult, ThreadContext } from '../../lib/mail/types';
import type { Formatter } from './format';
import { newEvent } from '../../lib/domain/ids';
import type { ClientSummary, LedgerView } from './model';

interface Props {
  fmt: Formatter;
  view: LedgerView;
  summary: ClientSummary;
  thread: ThreadContext | null;
  host: MailHost;
  record(events: LedgerEventInput[]): Promise<void>;
}

/**
 * Offers the client to pay in instalments: the proposal goes into the reply, and once the
 * client accepts, the plan is recorded and its instalments replace the scenario while honoured.
 */
export function PlanPanel({ fmt, view, summary, thread, host, record }: Props) {
  const { t } = fmt;
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(3);
  const [first, setFirst] = useState(addDays(view.today, 7));
  const [result, setResult] = useState<ReplyResult | null>(null);
  const lines = summary.open.filter((line) => line.status.outstandingCents > 0);
  const total = lines.reduce((sum, line) => sum + line.status.outstandingCents, 0);
  const onPlan = lines.some((line) => line.status.state === 'paused_plan');
  const plan = useMemo<PlanProposal | null>(() => {
    try {
      return first >= view.today ? proposePlan(total, count, first) : null;
    } catch {
      return null;
    }
  }, [total, count, first, view.today]);
  if (lines.length === 0 || onPlan) return null;

  const money = (cents: number) => fmt.money(cents, summary.currency);
  const numbers = lines.map((line) => line.invoice.number).join(', ');

  function proposal(p: PlanProposal): ReplyDraft {
    const intro = t('sidebar.plan.mailIntro', {
      total: money(p.totalCents),
      count: p.instalments.length,
      invoices: numbers,
    });
    const rows = p.instalments.map((i) => `${fmt.date(i.dueDate)} : ${money(i.amountCents)}`);
    const outro = t('sidebar.plan.mailOutro');
    return {
      html:
        `<p>${escapeHtml(intro)}</p><ul>${rows.map((row) => `<li>${escapeHtml(row)}</li>`).join('')}</ul>` +
        `<p>${escapeHtml(outro)}</p>`,
      text: [intro, '', ...rows.map((row) => `- ${row}`), '', outro].join('\n'),
    };
  }

  async function accept() {
    if (!plan) return;
    await record([
      newEvent({
        type: 'plan',
        clientId: summary.client.id,
        invoiceIds: lines.map((line) => line.invoice.id),
        date: view.today,
        instalments: plan.instalments,
      }),
    ]);
    setOpen(false);
  }

  return (
    <section class="rl-card" data-testid="plan-panel">
      <button type="button" class="rl-link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('sidebar.plan.offer')}
      </button>
      {open && (
        <div class="rl-form">
          <label>
            {t('sidebar.plan.count')}
            <input
              type="number"
              min={2}
              max={12}
              value={count}
              onInput={(e) => setCount(Math.max(1, Math.min(12, Number(e.currentTarget.value) || 1)))}
            />
          </label>
          <label>
            {t('sidebar.plan.first')}
            <input
              type="date"
              value={first}
              min={view.today}
              onInput={(e) => setFirst(e.currentTarget.value)}
            />
          </label>
          {plan ? (
            <ol class="rl-history" data-testid="plan-instalments">
              {plan.instalments.map((instalment) => (
                <li key={instalment.dueDate}>
                  {fmt.date(instalment.dueDate)} — <strong>{money(instalment.amountCents)}</strong>
                </li>
              ))}
            </ol>
          ) : (
            <p class="rl-error">{t('sidebar.plan.invalid')}</p>
          )}
          <div class="rl-buttons">
            <button
              type="button"
              disabled={!plan || !thread}
              onClick={() => plan && void host.openReply(proposal(plan)).then(setResult)}
            >
              {t('sidebar.plan.insert')}
            </button>
            <button
              type="button"
              class="rl-primary"
              disabled={!plan}
              data-testid="plan-accepted"
              onClick={() => void accept()}
            >
              {t('sidebar.plan.accepted')}
            </button>
          </div>
          {result && !result.ok && (
            <p class="rl-error" role="alert">
              {t(`sidebar.reply.${result.reason}`)}
            </p>
          )}
          {result?.ok && <p role="status">{t('sidebar.plan.inserted')}</p>}
        </div>
      )}
    </section>
  );
}
