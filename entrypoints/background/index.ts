import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { localIsoDate } from '../../lib/domain/calendar';
import { defaultRateTable } from '../../lib/domain/rates';
import { badgeText, countAgenda, rowCount, type AgendaCounts } from '../../lib/extension/agenda-counts';
import { LEDGER_CHANGED_MESSAGE, ledgerHandlers, type LedgerProtocol } from '../../lib/extension/ledger-port';
import type { BackgroundProtocol } from '../../lib/extension/protocol';
import { runtimePort, type RuntimeLike } from '../../lib/extension/runtime-port';
import { broadcastChangeChannel } from '../../lib/store/changes';
import { openLedgerDb } from '../../lib/store/db';
import { serve } from '../../lib/store/messaging';
import { createLedgerRepository } from '../../lib/store/repository';
import { seedDemoIfEmpty } from './demo';
import { startSync } from './sync';

const ALARM = 'relance-agenda';
/** Changes come in bursts (an import, a sync); one recount per burst. */
const RECOUNT_DELAY_MS = 150;

/**
 * The background: the badge (reminders due today), the counts the Gmail inbox asks for, and
 * sync. It recounts on every ledger change (from any page, or from another browser through
 * sync), at start, and on an alarm so the count follows the calendar when nothing changes.
 */
export default defineBackground(() => {
  void browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  const channel = broadcastChangeChannel();
  const ready = (async () => {
    const db = await openLedgerDb();
    const repo = createLedgerRepository(db, {
      channel,
      origin: 'background',
      defaultRates: defaultRateTable,
    });
    await seedDemoIfEmpty(repo);
    return { db, repo };
  })();

  let counts: Promise<AgendaCounts> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function recount(): Promise<AgendaCounts> {
    const { repo } = await ready;
    const next = countAgenda(await repo.loadLedger(), localIsoDate(new Date()));
    await browser.action.setBadgeText({ text: badgeText(next.total) });
    await browser.action.setTitle({
      title: browser.i18n.getMessage('badgeTitle', [String(next.total)]) || `Relance: ${next.total}`,
    });
    return next;
  }

  function current(): Promise<AgendaCounts> {
    // A new day makes every count stale, even with no change to the ledger.
    counts ??= recount();
    return counts.then((value) => (value.today === localIsoDate(new Date()) ? value : (counts = recount())));
  }

  function scheduleRecount() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      counts = recount();
      void counts.then(notifyGmailTabs, (error: unknown) => console.error('[Relance] recount failed', error));
    }, RECOUNT_DELAY_MS);
  }

  async function notifyGmailTabs() {
    const tabs = await browser.tabs.query({ url: 'https://mail.google.com/*' });
    for (const tab of tabs)
      if (tab.id !== undefined)
        browser.tabs.sendMessage(tab.id, { relance: LEDGER_CHANGED_MESSAGE }).catch(() => {});
  }

  // Pages framed in Gmail may not share the BroadcastChannel (partitioned storage): tell them directly.
  channel.subscribe((change) => {
    scheduleRecount();
    browser.runtime.sendMessage({ relance: LEDGER_CHANGED_MESSAGE, change }).catch(() => {});
  });
  browser.storage.sync.onChanged.addListener(scheduleRecount);
  void browser.alarms.create(ALARM, { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) scheduleRecount();
  });

  serve<BackgroundProtocol>(runtimePort(browser.runtime as unknown as RuntimeLike), {
    async 'inbox.counts'({ rows }) {
      const now = await current();
      const answer: Record<string, number> = {};
      for (const row of rows) answer[row.rowId] = rowCount(now, row.emails);
      return answer;
    },
    async 'agenda.count'() {
      return (await current()).total;
    },
  });

  // The ledger, for extension pages that cannot open IndexedDB themselves (the sidebar inside Gmail).
  const extensionOrigin = browser.runtime.getURL('/');
  serve<LedgerProtocol>(
    runtimePort(browser.runtime as unknown as RuntimeLike, (sender) =>
      Boolean(sender.url?.startsWith(extensionOrigin)),
    ),
    {
      'ledger.load': async () => ledgerHandlers((await ready).repo)['ledger.load'](null),
      'ledger.appendEvent': async (input) => ledgerHandlers((await ready).repo)['ledger.appendEvent'](input),
      'ledger.saveClient': async (input) => ledgerHandlers((await ready).repo)['ledger.saveClient'](input),
      'ledger.getSettings': async () => ledgerHandlers((await ready).repo)['ledger.getSettings'](null),
      'ledger.saveBatch': async (input) => ledgerHandlers((await ready).repo)['ledger.saveBatch'](input),
    },
  );

  void ready.then(({ db, repo }) => startSync({ db, repo, channel }));
  scheduleRecount();
});
