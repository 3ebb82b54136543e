import { browser } from 'wxt/browser';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runtimePort, type RuntimeLike } from '../lib/extension/runtime-port';
import { LEDGER_CHANGED, type BackgroundProtocol } from '../lib/extension/protocol';
import { serveMailHostToFrame } from '../lib/mail/frame/serve-frame';
import { createGmailHost, setRowBadge, watchGmail, type InboxRow } from '../lib/mail/gmail';
import type { MailHost, ThreadContext } from '../lib/mail/types';
import { createClient } from '../lib/store/messaging';

const EXPANDED_WIDTH = '360px';
const COLLAPSED_WIDTH = '48px';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const { signal } = controller;
    const background = createClient<BackgroundProtocol>(
      runtimePort(browser.runtime as unknown as RuntimeLike),
    );
    const badgeLabel = (count: number) =>
      browser.i18n.getUILanguage().startsWith('fr')
        ? `${count} relance(s) à faire`
        : `${count} reminder(s) due`;

    // One watcher feeds both the sidebar (threads) and the inbox badges (rows).
    const gmail = createGmailHost();
    type Listener = (context: ThreadContext | null, info?: { unreadable: boolean }) => void;
    const threadListeners = new Set<Listener>();
    let latest: { context: ThreadContext | null; unreadable: boolean } | undefined;
    let rows: InboxRow[] = [];

    async function refreshBadges() {
      if (rows.length === 0) return;
      const current = rows;
      try {
        const counts = await background.call('inbox.counts', {
          rows: current.map(({ rowId, emails }) => ({ rowId, emails })),
        });
        for (const row of current)
          setRowBadge(row, counts[row.rowId] ?? 0, badgeLabel(counts[row.rowId] ?? 0));
      } catch {
        // The background restarts on its own; badges come back with the next change.
      }
    }

    watchGmail({
      signal,
      onThread(context, diagnostics) {
        // A thread in the URL that could not be read: Gmail's markup changed, the sidebar offers the picker.
        latest = { context, unreadable: context === null && diagnostics.urlThreadId !== null };
        for (const listener of threadListeners) listener(context, { unreadable: latest.unreadable });
      },
      onInboxRows(next) {
        rows = next;
        void refreshBadges();
      },
      onError(error) {
        console.warn('[Relance] Gmail could not be read:', error);
      },
    });
    const onLedgerChanged = (message: unknown) => {
      if ((message as { relance?: string } | null)?.relance === LEDGER_CHANGED) void refreshBadges();
    };
    browser.runtime.onMessage.addListener(onLedgerChanged);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onLedgerChanged));

    const host: MailHost = {
      ...gmail,
      watchThread(onThread, listenerSignal) {
        threadListeners.add(onThread);
        listenerSignal.addEventListener('abort', () => threadListeners.delete(onThread));
        if (latest !== undefined) onThread(latest.context, { unreadable: latest.unreadable });
      },
    };

    // The sidebar runs in the extension's origin inside an iframe, so Gmail's scripts cannot read it.
    const ui = createIframeUi(ctx, {
      page: '/sidebar.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(wrapper, iframe) {
        wrapper.dataset.relance = 'sidebar';
        iframe.title = 'Relance';
        Object.assign(iframe.style, {
          position: 'fixed',
          top: '64px',
          right: '0',
          width: EXPANDED_WIDTH,
          height: 'calc(100vh - 72px)',
          border: '0',
          borderRadius: '12px 0 0 12px',
          boxShadow: '0 1px 6px rgba(0,0,0,.2)',
          zIndex: '5',
          colorScheme: 'normal',
        });
        serveMailHostToFrame({
          host,
          frame: iframe,
          frameOrigin: new URL(browser.runtime.getURL('/')).origin,
          window,
          signal,
          theme: gmailTheme,
          onLayout({ collapsed }) {
            iframe.style.width = collapsed ? COLLAPSED_WIDTH : EXPANDED_WIDTH;
          },
        });
      },
    });
    ui.mount();
  },
});

/** Gmail's theme, from the luminance of its background (its dark themes are not the system's setting). */
function gmailTheme(): 'light' | 'dark' {
  const colour = getComputedStyle(document.body).backgroundColor;
  const [r = 255, g = 255, b = 255, alpha = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  if (alpha === 0) return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}
