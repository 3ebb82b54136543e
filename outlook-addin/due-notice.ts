import { summariseClient, viewLedger } from '../components/sidebar/model';
import { buildMatchIndex, matchWithIndex } from '../lib/domain/matching';
import type { IsoDate, Ledger } from '../lib/domain/schemas';
import type { DueNotice } from '../lib/mail/office/notification';
import type { OfficeMailHost } from '../lib/mail/office/host';
import type { ThreadContext } from '../lib/mail/types';
import type { ChangeChannel } from '../lib/store/changes';

/** What the notification bar says for the message's client: reminders due and what they cover; null for none. */
export function dueNoticeFor(ledger: Ledger, context: ThreadContext, today: IsoDate): DueNotice | null {
  const match = matchWithIndex(buildMatchIndex(ledger), context, ledger.settings.ownEmails);
  const clientId = match.verdict === 'one' ? match.candidates[0]?.clientId : undefined;
  if (!clientId) return null;
  const summary = summariseClient(viewLedger(ledger, today), clientId);
  if (!summary || summary.due.length === 0) return null;
  return {
    count: summary.due.length,
    amountCents: summary.due.reduce((sum, action) => sum + action.outstandingCents, 0),
    currency: summary.currency,
  };
}

/**
 * Keeps the bar on the selected message in step with its client's reminders: on each message selected
 * and after each ledger change (a reminder recorded in the pane clears it).
 */
export function followDueNotice(deps: {
  host: OfficeMailHost;
  loadLedger: () => Promise<Ledger>;
  changes: ChangeChannel;
  today: () => IsoDate;
  signal: AbortSignal;
}): void {
  const { host, signal } = deps;
  let context: ThreadContext | null = null;
  let ledger: Promise<Ledger> | null = null;
  let run = 0;

  const update = async () => {
    const mine = ++run;
    try {
      ledger ??= deps.loadLedger();
      const notice = context ? dueNoticeFor(await ledger, context, deps.today()) : null;
      if (mine !== run || signal.aborted) return;
      if (notice) await host.showDueNotification(notice);
      else if (context) await host.clearDueNotification();
    } catch {
      // The bar is a hint; the pane itself reports ledger errors.
    }
  };

  host.watchThread((next) => {
    context = next;
    void update();
  }, signal);
  const unsubscribe = deps.changes.subscribe(() => {
    ledger = null;
    void update();
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
}
