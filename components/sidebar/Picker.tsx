import { useMemo, useState } from 'preact/hooks';
import { isPublicMailDomain, type MatchResult } from '../../lib/domain/matching';
import type { Client, Ledger, Segment } from '../../lib/domain/schemas';
import type { ThreadContext } from '../../lib/mail/types';
import type { LedgerAccess } from '../../lib/extension/ledger-port';
import { clientIdentity, importedClientId } from '../../lib/import/ids';
import type { Formatter } from './format';
import type { LedgerView } from './model';

const SEGMENTS: Segment[] = ['business', 'consumer', 'public', 'key_account'];

interface PickerProps {
  fmt: Formatter;
  ledger: Ledger;
  view: LedgerView;
  thread: { kind: 'none' } | { kind: 'unreadable' } | { kind: 'thread'; context: ThreadContext };
  match: MatchResult | null;
  repo: LedgerAccess;
  onChoose(clientId: string): void;
}

/**
 * When the thread does not name one client: the candidates with their reasons, a search over
 * every client, and for an unknown sender a way to attach the address to a client or to create
 * one, so the next thread from them is recognised.
 */
export function Picker({ fmt, ledger, view, thread, match, repo, onChoose }: PickerProps) {
  const { t } = fmt;
  const own = new Set(ledger.settings.ownEmails.map((email) => email.toLowerCase()));
  const sender =
    thread.kind === 'thread'
      ? thread.context.participants.find((person) => !own.has(person.email.toLowerCase()))
      : undefined;

  return (
    <div class="rl-picker">
      {thread.kind === 'none' && <p class="rl-muted">{t('sidebar.noThread')}</p>}
      {thread.kind === 'unreadable' && (
        <p class="rl-notice" role="status" data-testid="unreadable">
          {t('sidebar.unreadable')}
        </p>
      )}
      {match?.verdict === 'several' && (
        <section aria-labelledby="rl-candidates">
          <h2 id="rl-candidates">{t('sidebar.chooseClient')}</h2>
          <ul class="rl-list" data-testid="candidates">
            {match.candidates.map((candidate) => {
              const client = view.clientsById.get(candidate.clientId);
              if (!client) return null;
              return (
                <li key={candidate.clientId}>
                  <button type="button" class="rl-choice" onClick={() => onChoose(candidate.clientId)}>
                    <strong>{client.name}</strong>
                    <span class="rl-muted">
                      {candidate.reasons
                        .map((reason) => t(`sidebar.reason.${reason.kind}`, { value: reason.value }))
                        .join(' · ')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {thread.kind === 'thread' && match?.verdict === 'none' && (
        <p class="rl-muted" data-testid="no-match">
          {t('sidebar.unknownClient')}
        </p>
      )}
      {thread.kind === 'thread' && match?.verdict === 'none' && sender && (
        <NewSender fmt={fmt} ledger={ledger} sender={sender} repo={repo} onChoose={onChoose} />
      )}
      {thread.kind === 'none' ? (
        <DueToday fmt={fmt} view={view} onChoose={onChoose} />
      ) : (
        <ClientSearch
          fmt={fmt}
          clients={ledger.clients}
          label={t('sidebar.searchClient')}
          onChoose={onChoose}
        />
      )}
    </div>
  );
}

function DueToday({ fmt, view, onChoose }: { fmt: Formatter; view: LedgerView; onChoose(id: string): void }) {
  const { t } = fmt;
  const rows = [...view.dueByClient.entries()].slice(0, 12);
  if (rows.length === 0) return <p class="rl-muted">{t('sidebar.nothingDue')}</p>;
  return (
    <section aria-labelledby="rl-due-today">
      <h2 id="rl-due-today">{t('sidebar.dueToday', { count: view.plan.actions.length })}</h2>
      <ul class="rl-list">
        {rows.map(([clientId, actions]) => (
          <li key={clientId}>
            <button type="button" class="rl-choice" onClick={() => onChoose(clientId)}>
              <strong>{view.clientsById.get(clientId)?.name ?? clientId}</strong>
              <span class="rl-muted">
                {actions.map((action) => t(`tone.${action.step.tone}`)).join(', ')} ·{' '}
                {fmt.money(actions.reduce((sum, action) => sum + action.outstandingCents, 0))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ClientSearch({
  fmt,
  clients,
  label,
  onChoose,
}: {
  fmt: Formatter;
  clients: readonly Client[];
  label: string;
  onChoose(id: string): void;
}) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => {
    const needle = normalise(query);
    if (!needle) return [];
    return clients
      .filter(
        (client) =>
          normalise(client.name).includes(needle) || client.emails.some((email) => email.includes(needle)),
      )
      .slice(0, 8);
  }, [clients, query]);
  return (
    <section class="rl-search">
      <label>
        {label}
        <input
          type="search"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          placeholder={fmt.t('sidebar.searchPlaceholder')}
        />
      </label>
      {found.length > 0 && (
        <ul class="rl-list" data-testid="search-results">
          {found.map((client) => (
            <li key={client.id}>
              <button type="button" class="rl-choice" onClick={() => onChoose(client.id)}>
                <strong>{client.name}</strong>
                <span class="rl-muted">{client.emails[0] ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query && found.length === 0 && <p class="rl-muted">{fmt.t('sidebar.noSearchResult')}</p>}
    </section>
  );
}

function NewSender({
  fmt,
  ledger,
  sender,
  repo,
  onChoose,
}: {
  fmt: Formatter;
  ledger: Ledger;
  sender: ThreadContext['participants'][number];
  repo: LedgerAccess;
  onChoose(id: string): void;
}) {
  const { t } = fmt;
  const domain = sender.email.split('@')[1] ?? '';
  const [attachTo, setAttachTo] = useState('');
  const [name, setName] = useState(sender.name || domain);
  const [segment, setSegment] = useState<Segment>('business');
  const [error, setError] = useState<string | null>(null);

  async function attach(event: Event) {
    event.preventDefault();
    const client = ledger.clients.find((c) => c.id === attachTo);
    if (!client) return;
    try {
      await repo.saveClient({ ...client, emails: [...new Set([...client.emails, sender.email])] });
      onChoose(client.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function create(event: Event) {
    event.preventDefault();
    // Identified by the sender's address, as an import would: the same sender turned into a client
    // on two browsers before they sync is one client, and sync need not carry the id.
    const identity = clientIdentity({ name: name.trim(), emails: [sender.email] });
    let id = importedClientId(identity);
    for (let n = 2; ledger.clients.some((c) => c.id === id); n++) id = importedClientId(`${identity}#${n}`);
    try {
      const client = await repo.saveClient({
        id,
        name: name.trim(),
        segment,
        emails: [sender.email],
        // A company's own domain identifies its other senders too; a public mailbox's never does.
        domains: segment !== 'consumer' && domain && !isPublicMailDomain(domain) ? [domain] : [],
      });
      onChoose(client.id);
    } catch (failure) {
      setError(failure instanceof Error ? t('sidebar.createFailed') : String(failure));
    }
  }

  return (
    <section class="rl-card" aria-labelledby="rl-new-sender" data-testid="new-sender">
      <h2 id="rl-new-sender">{t('sidebar.unknownSender', { email: sender.email })}</h2>
      {ledger.clients.length > 0 && (
        <form onSubmit={attach} class="rl-form">
          <label>
            {t('sidebar.attachTo')}
            <select value={attachTo} onChange={(event) => setAttachTo(event.currentTarget.value)}>
              <option value="">—</option>
              {[...ledger.clients]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((client) => (
                  <option key={client.id} value={client.id}>
                    {client.name}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" disabled={!attachTo}>
            {t('sidebar.attach')}
          </button>
        </form>
      )}
      <form onSubmit={create} class="rl-form">
        <label>
          {t('sidebar.newClientName')}
          <input
            value={name}
            required
            maxLength={200}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('sidebar.segment')}
          <select value={segment} onChange={(event) => setSegment(event.currentTarget.value as Segment)}>
            {SEGMENTS.map((value) => (
              <option key={value} value={value}>
                {t(`segment.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!name.trim()}>
          {t('sidebar.createClient')}
        </button>
      </form>
      {error && (
        <p class="rl-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
