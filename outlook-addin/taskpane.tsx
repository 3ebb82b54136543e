import '../lib/i18n/areas/sidebar';
import '../lib/i18n/areas/sync';
import '../lib/i18n/areas/outlook';
/// <reference types="office-js" />
import { render } from 'preact';
import { SidebarApp } from '../components/sidebar/SidebarApp';
import '../components/sidebar/sidebar.css';
import { localIsoDate } from '../lib/domain/calendar';
import { defaultRateTable } from '../lib/domain/rates';
import { pickLocale, translate, type Locale } from '../lib/i18n';
import { createOfficeHost } from '../lib/mail/office/host';
import { broadcastChangeChannel } from '../lib/store/changes';
import { openLedgerDb } from '../lib/store/db';
import { createLedgerRepository, type LedgerRepository } from '../lib/store/repository';
import { followDueNotice } from './due-notice';

/**
 * The Outlook task pane's composition root: waits for Office, opens the ledger in the add-in's origin
 * and renders the shared sidebar app over the Office adapter.
 */

/** Office once ready, or null when office.js did not load or the page is not inside Outlook. */
async function outlookOffice(): Promise<typeof Office | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return null;
  const info = await office.onReady();
  return info.host === office.HostType.Outlook ? office : null;
}

function notice(root: HTMLElement, text: string) {
  const paragraph = document.createElement('p');
  paragraph.className = 'rl-muted';
  paragraph.setAttribute('role', 'status');
  paragraph.dataset.testid = 'pane-notice';
  paragraph.textContent = text;
  root.replaceChildren(paragraph);
}

async function main() {
  const root = document.getElementById('app')!;
  const fallback = pickLocale(navigator.languages);
  notice(root, translate(fallback, 'outlook.loading'));
  const office = await outlookOffice();
  if (!office) return notice(root, translate(fallback, 'outlook.notInOutlook'));

  const channel = broadcastChangeChannel();
  let locale: Locale = pickLocale([office.context.displayLanguage ?? '', ...navigator.languages]);
  let repo: LedgerRepository;
  try {
    repo = createLedgerRepository(await openLedgerDb(), {
      channel,
      origin: 'outlook',
      defaultRates: defaultRateTable,
    });
    locale = (await repo.getSettings()).language ?? locale;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return notice(root, translate(locale, 'outlook.ledgerError', { reason }));
  }
  document.documentElement.lang = locale;

  const host = createOfficeHost({
    office,
    locale,
    onError: (error) => console.warn('Relance (Outlook):', error),
  });
  const today = () => localIsoDate(new Date());
  const lifetime = new AbortController();
  addEventListener(
    'pagehide',
    () => {
      lifetime.abort();
      channel.close();
    },
    { once: true },
  );
  followDueNotice({
    host,
    loadLedger: () => repo.loadLedger(),
    changes: channel,
    today,
    signal: lifetime.signal,
  });
  // Preact keeps children it did not render: take the loading notice off first.
  root.replaceChildren();
  render(<SidebarApp host={host} repo={repo} changes={channel} locale={locale} today={today} />, root);
}

void main();
