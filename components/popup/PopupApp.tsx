import { useMemo } from 'preact/hooks';
import { localIsoDate } from '../../lib/domain/calendar';
import type { IsoDate, Ledger } from '../../lib/domain/schemas';
import type { Locale } from '../../lib/i18n';
import type { ChangeChannel } from '../../lib/store/changes';
import { useLedger } from '../shared/use-ledger';
import { formatter, type Formatter } from '../sidebar/format';
import { popupAgenda, type AgendaEntry } from './agenda-model';
import { SmsEntry } from './SmsEntry';

export interface PopupAppProps {
  loadLedger(): Promise<Ledger>;
  changes: ChangeChannel;
  locale: Locale;
  today?: () => IsoDate;
  /** Opens an extension page (call sheet, letter) in a new tab. */
  openPage(path: string): void;
  /** Opens a web address (Gmail) in a new tab. */
  openUrl(url: string): void;
}

/**
 * The toolbar popup, "Aujourd'hui": the reminders due today and overdue, grouped by channel, each
 * one a click away from being done. It counts what the badge counts, and follows every change.
 */
export function PopupApp({
  loadLedger,
  changes,
  locale,
  today = () => localIsoDate(new Date()),
  openPage,
  openUrl,
}: PopupAppProps) {
  const fmt = useMemo(() => formatter(locale), [locale]);
  const { t } = fmt;
  const { ledger, day, error } = useLedger(loadLedger, changes, today);
  const state = ledger && { ledger, day };

  const agenda = useMemo(() => state && popupAgenda(state.ledger, state.day, locale), [state, locale]);

  return (
    <main class="rl-popup" data-testid="popup">
      <header class="rl-popup-header">
        <h1>{t('popup.title')}</h1>
        {agenda && (
          <span class="rl-popup-count" data-testid="popup-count" data-count={agenda.total}>
            {t('popup.count', { count: agenda.total })}
          </span>
        )}
      </header>
      {error && (
        <p class="rl-popup-error" role="alert">
          {t('popup.loadError', { reason: error })}
        </p>
      )}
      {!agenda && !error && <p class="rl-muted">{t('popup.loading')}</p>}
      {agenda && agenda.total === 0 && (
        <p class="rl-popup-empty" data-testid="popup-empty">
          {t('popup.empty')}
        </p>
      )}
      {agenda?.groups.map((group) => (
        <section class="rl-popup-group" key={group.channel} data-testid={`group-${group.channel}`}>
          <h2>
            {t(`popup.group.${group.channel}`)} <span class="rl-badge">{group.entries.length}</span>
          </h2>
          <ul>
            {group.entries.map((entry) => (
              <li
                key={entry.action.id}
                class="rl-popup-entry"
                data-testid="popup-entry"
                data-client={entry.action.clientId}
              >
                <EntrySummary fmt={fmt} entry={entry} />
                <EntryActions fmt={fmt} entry={entry} openPage={openPage} openUrl={openUrl} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}

function EntrySummary({ fmt, entry }: { fmt: Formatter; entry: AgendaEntry }) {
  const { t } = fmt;
  const { action } = entry;
  return (
    <div class="rl-popup-summary">
      <div class="rl-popup-line">
        <strong class="rl-popup-client">{entry.clientName}</strong>
        <span class="rl-popup-amount">{fmt.money(action.outstandingCents)}</span>
      </div>
      <div class="rl-muted">
        {t(`tone.${action.step.tone}`)} · {entry.invoiceNumbers.join(', ')}
      </div>
      <div class={entry.overdue ? 'rl-popup-overdue' : 'rl-muted'}>
        {entry.overdue ? t('popup.overdueSince', { date: fmt.date(entry.since) }) : t('popup.dueToday')}
      </div>
    </div>
  );
}

function EntryActions(props: {
  fmt: Formatter;
  entry: AgendaEntry;
  openPage(path: string): void;
  openUrl(url: string): void;
}) {
  const { fmt, entry, openPage, openUrl } = props;
  const { t } = fmt;
  const { mail, sms, documentPath } = entry;
  if (mail) {
    if (mail.kind === 'none') return <p class="rl-muted">{t('popup.noEmail')}</p>;
    return (
      <div class="rl-popup-actions">
        <button type="button" data-testid="open-mail" onClick={() => openUrl(mail.url)}>
          {mail.kind === 'thread' ? t('popup.openThread') : t('popup.newMail')}
        </button>
        {mail.kind === 'compose' && <p class="rl-muted rl-small">{t('popup.newMailNote')}</p>}
      </div>
    );
  }
  if (sms) return <SmsEntry fmt={fmt} sms={sms} />;
  if (documentPath)
    return (
      <div class="rl-popup-actions">
        <button type="button" data-testid="open-document" onClick={() => openPage(documentPath)}>
          {entry.action.channel === 'phone'
            ? t('popup.callSheet')
            : entry.action.formalNotice
              ? t('popup.formalNotice')
              : t('popup.letter')}
        </button>
      </div>
    );
  return null;
}
