import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { localIsoDate } from '../../lib/domain/calendar';
import {
  buildMatchIndex,
  matchWithIndex,
  threadContextSchema,
  type MatchResult,
} from '../../lib/domain/matching';
import type { IsoDate, LedgerEventInput } from '../../lib/domain/schemas';
import type { Locale } from '../../lib/i18n';
import type { MailHost, ThreadContext } from '../../lib/mail/types';
import type { ChangeChannel } from '../../lib/store/changes';
import type { LedgerAccess } from '../../lib/extension/ledger-port';
import { useLedger } from '../shared/use-ledger';
import { AttachmentImport } from './AttachmentImport';
import { ClientView } from './ClientView';
import { formatter } from './format';
import { Picker } from './Picker';
import { summariseClient, viewLedger } from './model';

export interface SidebarHost extends MailHost {
  /** Gmail: tells the page to narrow or widen the frame. */
  setLayout?(collapsed: boolean, count: number): void;
}

export interface SidebarAppProps {
  host: SidebarHost;
  repo: LedgerAccess;
  changes: ChangeChannel;
  locale: Locale;
  today?: () => IsoDate;
  /** Rendered under the panel (the sync state, in the extension). */
  footer?: preact.ComponentChildren;
  /** Opens an extension page (letter, call sheet, settings); absent where there is none. */
  openPage?: (path: string) => void;
}

type ThreadState =
  | { kind: 'waiting' }
  | { kind: 'none' }
  | { kind: 'unreadable' }
  | { kind: 'thread'; context: ThreadContext };

/**
 * The panel beside the mail: who the client of the open thread is, what they owe, where each
 * invoice stands, and the reminder to send. Host-agnostic: Gmail and Outlook hand it a MailHost.
 */
export function SidebarApp({
  host,
  repo,
  changes,
  locale,
  today = () => localIsoDate(new Date()),
  footer,
  openPage,
}: SidebarAppProps) {
  const fmt = useMemo(() => formatter(locale), [locale]);
  const { t } = fmt;
  const [thread, setThread] = useState<ThreadState>({ kind: 'waiting' });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [collapsed, setCollapsed] = useState(false);

  const loadLedger = useCallback(() => repo.loadLedger(), [repo]);
  const { ledger, day, error: loadError, reload } = useLedger(loadLedger, changes, today);

  useEffect(() => {
    const controller = new AbortController();
    host.watchThread((context, info) => {
      if (context === null) {
        setThread({ kind: info?.unreadable ? 'unreadable' : 'none' });
        return;
      }
      // The thread is the email's content: hostile until validated.
      const parsed = threadContextSchema.safeParse(context);
      setThread(parsed.success ? { kind: 'thread', context: parsed.data } : { kind: 'unreadable' });
    }, controller.signal);
    return () => controller.abort();
  }, [host]);

  // A ledger the engine cannot read must say so, not leave the panel loading forever.
  const [view, viewError] = useMemo(() => {
    if (!ledger) return [null, null];
    try {
      return [viewLedger(ledger, day), null];
    } catch (error) {
      return [null, error instanceof Error ? error.message : String(error)];
    }
  }, [ledger, day]);
  const index = useMemo(() => (ledger ? buildMatchIndex(ledger) : null), [ledger]);
  const match: MatchResult | null = useMemo(
    () =>
      thread.kind === 'thread' && index && ledger
        ? matchWithIndex(index, thread.context, ledger.settings.ownEmails)
        : null,
    [thread, index, ledger],
  );

  const threadKey =
    thread.kind === 'thread' ? thread.context.threadId || thread.context.subject : thread.kind;
  const clientId =
    chosen[threadKey] ?? (match?.verdict === 'one' ? match.candidates[0]?.clientId : undefined);
  const summary = useMemo(
    () => (view && clientId ? summariseClient(view, clientId) : undefined),
    [view, clientId],
  );
  const count = summary ? summary.due.length : 0;

  const lastLayout = useRef('');
  useEffect(() => {
    const key = `${collapsed}/${count}`;
    if (key === lastLayout.current) return;
    lastLayout.current = key;
    host.setLayout?.(collapsed, count);
  }, [host, collapsed, count]);

  const record = useCallback(
    async (events: LedgerEventInput[]) => {
      for (const event of events) await repo.appendEvent(event);
      await reload();
    },
    [repo, reload],
  );

  const choose = (id: string) => setChosen((previous) => ({ ...previous, [threadKey]: id }));

  if (collapsed) {
    return (
      <aside class="rl rl-collapsed" data-testid="sidebar">
        <button
          type="button"
          class="rl-toggle"
          aria-expanded="false"
          aria-label={t('sidebar.expand')}
          title={t('sidebar.expand')}
          onClick={() => setCollapsed(false)}
        >
          <span class="rl-logo" aria-hidden="true">
            R
          </span>
          {count > 0 && (
            <span class="rl-count" data-testid="toggle-count" aria-label={t('sidebar.dueCount', { count })}>
              {count}
            </span>
          )}
        </button>
      </aside>
    );
  }

  let body: preact.ComponentChildren;
  const failure = loadError ?? viewError;
  if (failure)
    body = (
      <p class="rl-error" role="alert">
        {t('sidebar.loadError', { reason: failure })}
      </p>
    );
  else if (!ledger || !view || thread.kind === 'waiting')
    body = <p class="rl-muted">{t('sidebar.loading')}</p>;
  else if (summary)
    body = (
      <ClientView
        key={summary.client.id}
        fmt={fmt}
        view={view}
        summary={summary}
        thread={thread.kind === 'thread' ? thread.context : null}
        host={host}
        repo={repo}
        record={record}
        openPage={openPage}
        onChangeClient={() => choose('')}
        alternatives={match && match.candidates.length > 1 ? match.candidates.length : 0}
      />
    );
  else
    body = (
      <Picker
        fmt={fmt}
        ledger={ledger}
        view={view}
        thread={thread}
        match={match}
        repo={repo}
        onChoose={(id) => {
          choose(id);
          void reload();
        }}
      />
    );

  return (
    <aside class={`rl rl-${host.host}`} data-testid="sidebar" aria-label={t('sidebar.title')}>
      <header class="rl-header">
        <span class="rl-logo" aria-hidden="true">
          R
        </span>
        <h1 class="rl-title">{t('sidebar.title')}</h1>
        {count > 0 && (
          <span class="rl-count" data-testid="toggle-count" aria-label={t('sidebar.dueCount', { count })}>
            {count}
          </span>
        )}
        {host.setLayout && (
          <button
            type="button"
            class="rl-icon-button"
            aria-expanded="true"
            aria-label={t('sidebar.collapse')}
            title={t('sidebar.collapse')}
            onClick={() => setCollapsed(true)}
          >
            »
          </button>
        )}
      </header>
      <div class="rl-body">
        {body}
        {ledger && thread.kind === 'thread' && (
          <AttachmentImport
            key={threadKey}
            fmt={fmt}
            thread={thread.context}
            ledger={ledger}
            host={host}
            repo={repo}
            onImported={(id) => {
              choose(id);
              void reload();
            }}
          />
        )}
      </div>
      {footer && <footer class="rl-footer">{footer}</footer>}
    </aside>
  );
}
