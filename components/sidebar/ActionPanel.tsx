import { useMemo, useState } from 'preact/hooks';
import type { Action } from '../../lib/domain/engine';
import type { CallOutcome, LedgerEventInput } from '../../lib/domain/schemas';
import type { ReplyResult } from '../../lib/mail/types';
import { newEvent } from '../../lib/domain/ids';
import type { ClientViewProps } from './ClientView';
import { draftForAction, replyAttachments, replyFromEmail, type SidebarDraft } from './drafts';

type Props = ClientViewProps & { action: Action; expanded: boolean; onToggle(): void };

const OPEN_LABEL = {
  email: 'sidebar.draft',
  phone: 'sidebar.prepareCall',
  letter: 'sidebar.prepareLetter',
  sms: 'sidebar.prepareSms',
} as const;

/**
 * One action due: the step, the invoices it covers, and the work it asks for. The reminder is
 * recorded only when the user says it went out: the product never sends anything itself.
 */
export function ActionPanel(props: Props) {
  const { fmt, action, summary, view, thread, expanded } = props;
  const { t } = fmt;
  const [error, setError] = useState<string | null>(null);
  const draft = useMemo<SidebarDraft | { error: string }>(() => {
    if (!expanded) return { error: '' };
    try {
      return draftForAction(view, summary, action, fmt.locale, thread?.subject);
    } catch (failure) {
      return { error: failure instanceof Error ? failure.message : String(failure) };
    }
  }, [expanded, view, summary, action, fmt.locale, thread?.subject]);

  const overdue = action.date < view.today;
  const base = { clientId: action.clientId, invoiceIds: action.invoiceIds, date: view.today };

  async function recordDone(note = '') {
    setError(null);
    try {
      await props.record([
        newEvent({ ...base, type: 'reminder', stepId: action.step.id, channel: action.channel, note }),
      ]);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function skip() {
    await props.record([newEvent({ ...base, type: 'skip', stepId: action.step.id })]);
  }

  return (
    <section
      class={`rl-card rl-action${action.formalNotice ? ' rl-formal' : ''}`}
      data-testid="due-action"
      data-channel={action.channel}
      data-step={action.step.id}
    >
      <div class="rl-row">
        <h3>
          {t(`tone.${action.step.tone}`)} <span class="rl-chip">{t(`channel.${action.channel}`)}</span>
        </h3>
        <span class={overdue ? 'rl-late' : 'rl-muted'}>
          {overdue ? t('sidebar.dueSince', { date: fmt.date(action.date) }) : t('sidebar.dueTodayShort')}
        </span>
      </div>
      <p class="rl-muted">
        {t('sidebar.actionCovers', { count: action.invoiceIds.length })} ·{' '}
        {fmt.money(action.outstandingCents, summary.currency)}
      </p>
      <div class="rl-buttons">
        <button type="button" class="rl-primary" aria-expanded={expanded} onClick={props.onToggle}>
          {t(OPEN_LABEL[action.channel])}
        </button>
        <button type="button" class="rl-link" onClick={() => void skip()}>
          {t('sidebar.skipStep')}
        </button>
      </div>
      {expanded &&
        ('error' in draft ? (
          <p class="rl-error" role="alert">
            {t('sidebar.draftFailed', { reason: draft.error })}
          </p>
        ) : draft.channel === 'email' ? (
          <EmailDraft
            {...props}
            draft={draft}
            // The thread the reminder went in, so the popup can open it again (gmail-thread:<id>).
            onSent={() =>
              recordDone(
                props.host.host === 'gmail' && thread?.threadId ? `gmail-thread:${thread.threadId}` : '',
              )
            }
          />
        ) : draft.channel === 'sms' ? (
          <SmsDraft {...props} draft={draft} onSent={() => recordDone()} />
        ) : draft.channel === 'letter' ? (
          <LetterDraft {...props} draft={draft} onSent={() => recordDone()} />
        ) : (
          <CallSheet {...props} draft={draft} />
        ))}
      {error && (
        <p class="rl-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function EmailDraft(
  props: Props & { draft: Extract<SidebarDraft, { channel: 'email' }>; onSent(): Promise<void> },
) {
  const { fmt, draft, host, thread } = props;
  const { t } = fmt;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(draft.text);
  const [result, setResult] = useState<ReplyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const edited = text !== draft.text;

  async function insert() {
    setBusy(true);
    const reply = replyFromEmail(draft, edited ? text : undefined);
    if (host.host === 'outlook') reply.attachments = await replyAttachments(draft, props.repo);
    setResult(await host.openReply(reply));
    setBusy(false);
  }

  return (
    <div class="rl-draft" data-testid="email-draft">
      <p>
        <span class="rl-muted">{t('sidebar.subject')} </span>
        <span data-testid="draft-subject">{draft.subject}</span>
      </p>
      {editing ? (
        <label class="rl-edit">
          {t('sidebar.editDraft')}
          <textarea rows={14} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
      ) : (
        <pre class="rl-preview" data-testid="draft-text">
          {text}
        </pre>
      )}
      <div class="rl-buttons">
        <button type="button" class="rl-primary" disabled={busy || !thread} onClick={() => void insert()}>
          {t('sidebar.insertReply')}
        </button>
        <button type="button" onClick={() => setEditing(!editing)}>
          {editing ? t('sidebar.preview') : t('sidebar.edit')}
        </button>
      </div>
      {!thread && <p class="rl-muted">{t('sidebar.openThreadToReply')}</p>}
      {result && !result.ok && (
        <p class="rl-error" role="alert">
          {t(`sidebar.reply.${result.reason}`)}
        </p>
      )}
      {result?.ok && (
        <div class="rl-confirm" role="status">
          <p>{t('sidebar.inserted')}</p>
          {manualFiles(host.host, draft, result).length > 0 && (
            <p class="rl-notice">
              {t('sidebar.attachByHand', { names: manualFiles(host.host, draft, result).join(', ') })}
            </p>
          )}
          {result.trimmed && <p class="rl-notice">{t('sidebar.bodyTrimmed')}</p>}
          <button
            type="button"
            class="rl-primary"
            data-testid="confirm-sent"
            onClick={() => void props.onSent()}
          >
            {t('sidebar.confirmSent')}
          </button>
        </div>
      )}
    </div>
  );
}

function SmsDraft(
  props: Props & { draft: Extract<SidebarDraft, { channel: 'sms' }>; onSent(): Promise<void> },
) {
  const { fmt, draft } = props;
  const { t } = fmt;
  const [copied, setCopied] = useState(false);
  return (
    <div class="rl-draft" data-testid="sms-draft">
      <pre class="rl-preview">{draft.text}</pre>
      <p class="rl-muted">{t('sidebar.smsLength', { count: draft.text.length })}</p>
      <div class="rl-buttons">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(draft.text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('sidebar.copied') : t('sidebar.copy')}
        </button>
        {draft.to && (
          <a href={`sms:${draft.to}?&body=${encodeURIComponent(draft.text)}`}>{t('sidebar.openSms')}</a>
        )}
        <button
          type="button"
          class="rl-primary"
          data-testid="confirm-sent"
          onClick={() => void props.onSent()}
        >
          {t('sidebar.smsSent')}
        </button>
      </div>
    </div>
  );
}

function LetterDraft(
  props: Props & { draft: Extract<SidebarDraft, { channel: 'letter' }>; onSent(): Promise<void> },
) {
  const { fmt, draft, action, openPage } = props;
  const { t } = fmt;
  const params = new URLSearchParams({
    kind: 'letter',
    client: action.clientId,
    step: action.step.id,
    invoices: action.invoiceIds.join(','),
  });
  return (
    <div class="rl-draft" data-testid="letter-draft">
      <pre class="rl-preview">{draft.text}</pre>
      <div class="rl-buttons">
        {openPage && (
          <button type="button" onClick={() => openPage(`/document.html?${params.toString()}`)}>
            {t('sidebar.openLetter')}
          </button>
        )}
        <button
          type="button"
          class="rl-primary"
          data-testid="confirm-sent"
          onClick={() => void props.onSent()}
        >
          {t('sidebar.letterSent')}
        </button>
      </div>
    </div>
  );
}

const OUTCOMES: CallOutcome[] = ['promise', 'dispute', 'paid', 'no_answer', 'callback', 'wrong_contact'];

function CallSheet(props: Props & { draft: Extract<SidebarDraft, { channel: 'phone' }> }) {
  const { fmt, draft, action, view, summary } = props;
  const { t } = fmt;
  const [outcome, setOutcome] = useState<CallOutcome>('promise');
  const [promisedDate, setPromisedDate] = useState(view.today);
  const [amount, setAmount] = useState(String(action.outstandingCents / 100));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    const base = { clientId: action.clientId, invoiceIds: action.invoiceIds, date: view.today };
    const events: LedgerEventInput[] = [
      newEvent({ ...base, type: 'call', stepId: action.step.id, outcome, note }),
    ];
    if (outcome === 'promise') {
      const cents = Math.round(Number(amount.replace(',', '.')) * 100);
      if (!Number.isFinite(cents) || cents < 0 || promisedDate < view.today) {
        setError(t('sidebar.promiseInvalid'));
        return;
      }
      events.push(newEvent({ ...base, type: 'promise', promisedDate, amountCents: cents, note }));
    } else if (outcome === 'dispute') {
      if (!reason.trim()) {
        setError(t('sidebar.disputeReasonMissing'));
        return;
      }
      events.push(newEvent({ ...base, type: 'dispute', reason: reason.trim(), note }));
    } else if (outcome === 'paid') {
      for (const invoiceId of action.invoiceIds) {
        const line = summary.open.find((l) => l.invoice.id === invoiceId);
        if (line && line.status.outstandingCents > 0)
          events.push(
            newEvent({
              ...base,
              invoiceIds: [invoiceId],
              type: 'payment',
              amountCents: line.status.outstandingCents,
              note: t('sidebar.paidOnCall'),
            }),
          );
      }
    }
    try {
      await props.record(events);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div class="rl-draft rl-call" data-testid="call-sheet">
      {draft.sections.map((section) => (
        <section key={section.title}>
          <h4>{section.title}</h4>
          <ul>
            {section.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <form class="rl-form" onSubmit={(event) => void save(event)}>
        <fieldset>
          <legend>{t('sidebar.callOutcome')}</legend>
          {OUTCOMES.map((value) => (
            <label key={value} class="rl-radio">
              <input
                type="radio"
                name="outcome"
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              {t(`call.${value}`)}
            </label>
          ))}
        </fieldset>
        {outcome === 'promise' && (
          <>
            <label>
              {t('sidebar.promisedDate')}
              <input
                type="date"
                value={promisedDate}
                required
                onInput={(e) => setPromisedDate(e.currentTarget.value)}
              />
            </label>
            <label>
              {t('sidebar.promisedAmount')}
              <input inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
            </label>
          </>
        )}
        {outcome === 'dispute' && (
          <label>
            {t('sidebar.disputeReason')}
            <textarea rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        )}
        <label>
          {t('sidebar.note')}
          <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit" class="rl-primary" data-testid="save-call">
          {t('sidebar.saveCall')}
        </button>
        {error && (
          <p class="rl-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

/** The invoice PDFs the user must attach: Gmail's form takes none from a script, Outlook may refuse some. */
function manualFiles(
  host: string,
  draft: Extract<SidebarDraft, { channel: 'email' }>,
  result: ReplyResult,
): string[] {
  if (!result.ok) return [];
  if (host === 'gmail') return draft.attachments.map((file) => file.name);
  return result.omittedAttachments ?? [];
}
