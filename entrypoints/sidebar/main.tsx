import '../../lib/i18n/areas/sidebar';
import '../../lib/i18n/areas/sync';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/sidebar/sidebar.css';
import { SyncStatusLine } from '../../components/sync/SyncStatusLine';
import { pickLocale } from '../../lib/i18n';
import { createFrameMailHost } from '../../lib/mail/frame/frame-host';
import { remoteLedger, runtimeChangeChannel } from '../../lib/extension/ledger-port';
import { runtimePort, type RuntimeLike } from '../../lib/extension/runtime-port';

const GMAIL_ORIGIN = 'https://mail.google.com';

/** The origin of the page that frames us: Chrome says it directly, Firefox through the referrer. */
function parentOrigin(): string | null {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

async function main() {
  const root = document.getElementById('app')!;
  const origin = parentOrigin();
  // Only Gmail may talk to the sidebar; opened anywhere else it shows the ledger without a thread.
  const framed = window.parent !== window && origin === GMAIL_ORIGIN;
  const controller = new AbortController();
  const host = framed
    ? createFrameMailHost({
        parent: window.parent,
        parentOrigin: GMAIL_ORIGIN,
        window,
        signal: controller.signal,
      })
    : standaloneHost();
  // Inside Gmail this page is a third-party frame: the ledger is reached through the background.
  const runtime = browser.runtime as unknown as RuntimeLike;
  const repo = remoteLedger(runtimePort(runtime));
  const channel = runtimeChangeChannel(
    browser.runtime.onMessage as unknown as Parameters<typeof runtimeChangeChannel>[0],
  );
  const settings = await repo.getSettings();
  const locale = settings.language ?? pickLocale(navigator.languages);
  document.documentElement.lang = locale;
  render(
    <SidebarApp
      host={host}
      repo={repo}
      changes={channel}
      locale={locale}
      footer={<SyncStatusLine locale={locale} />}
      openPage={(path) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/sidebar.html') })}
    />,
    root,
  );
}

/** Outside Gmail (opened as a page): no thread, no reply form. */
function standaloneHost() {
  return {
    host: 'gmail' as const,
    readThread: async () => null,
    watchThread(onThread: (context: null) => void) {
      onThread(null);
    },
    openReply: async () => ({ ok: false as const, reason: 'no_reply_button' as const }),
  };
}

void main();
