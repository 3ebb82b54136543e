import '../../lib/i18n/areas/popup';
import '../../lib/i18n/areas/documents';
import '../../lib/i18n/areas/sync';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { defaultRateTable } from '../../lib/domain/rates';
import { pickLocale } from '../../lib/i18n';
import { broadcastChangeChannel } from '../../lib/store/changes';
import { openLedgerDb } from '../../lib/store/db';
import { createLedgerRepository } from '../../lib/store/repository';

/** The toolbar popup: today's reminders, live. */
async function main() {
  const channel = broadcastChangeChannel();
  const repo = createLedgerRepository(await openLedgerDb(), {
    channel,
    origin: 'popup',
    defaultRates: defaultRateTable,
  });
  const settings = await repo.getSettings();
  const locale = settings.language ?? pickLocale(navigator.languages);
  document.documentElement.lang = locale;
  window.addEventListener('pagehide', () => channel.close(), { once: true });
  render(
    <PopupApp
      loadLedger={repo.loadLedger}
      changes={channel}
      locale={locale}
      openPage={(path) =>
        void browser.tabs.create({
          url: browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0]),
        })
      }
      openUrl={(url) => void browser.tabs.create({ url })}
    />,
    document.getElementById('app')!,
  );
}

void main();
