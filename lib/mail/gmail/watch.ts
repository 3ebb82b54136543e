import type { ThreadContext } from '../types';
import { readInboxRows, restoreBadges, type InboxRow } from './inbox';
import type { PageWindow } from './selectors';
import { readThread, readThreadDiagnostics, threadKey, type ThreadDiagnostics } from './thread';

export interface WatchGmailOptions {
  root?: Document;
  window?: PageWindow;
  /** The content script's lifetime: when it aborts, every observer, listener and timer goes. */
  signal: AbortSignal;
  /** Called once at start, then each time the shown thread changes (null: no thread, or unreadable). */
  onThread: (context: ThreadContext | null, diagnostics: ThreadDiagnostics) => void;
  /** Called once at start, then each time the shown rows change. */
  onInboxRows?: (rows: InboxRow[]) => void;
  /** Anything that went wrong: reported, never thrown into Gmail's page. */
  onError?: (error: unknown) => void;
  /** Gmail mutates in bursts; one read per burst is enough. */
  delayMs?: number;
}

/**
 * Follows Gmail's navigation: URL changes (hashchange, popstate) and one MutationObserver. It observes the
 * body rather than `[role=main]` because Gmail keeps one `[role=main]` per view and swaps them, so an
 * observer on one of them would go deaf after the first navigation.
 */
export function watchGmail(options: WatchGmailOptions): { rescan(): void } {
  const { root = document, window: win = globalThis.window, signal, onThread, onInboxRows } = options;
  const { delayMs = 100 } = options;
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // An error reporter that throws has nowhere left to report to.
    }
  };
  const guard = (work: () => void) => {
    try {
      work();
    } catch (error) {
      report(error);
    }
  };

  let lastThread: string | undefined;
  let lastRows: string | undefined;
  let timer: number | undefined;
  // Row elements Gmail redraws get a new identity, so their (possibly wiped) badges are asked for again.
  const identities = new WeakMap<Element, number>();
  let nextIdentity = 0;
  const identity = (element: Element) => {
    if (!identities.has(element)) identities.set(element, nextIdentity++);
    return identities.get(element)!;
  };

  const scan = () => {
    timer = undefined;
    if (signal.aborted) return;
    guard(() => {
      const key = threadKey(root);
      if (key === lastThread) return;
      lastThread = key;
      onThread(key ? readThread(root) : null, readThreadDiagnostics(root));
    });
    if (!onInboxRows) return;
    guard(() => {
      const rows = readInboxRows(root);
      restoreBadges(rows);
      const key = rows.map((row) => `${row.rowId}:${identity(row.element)}`).join(',');
      if (key === lastRows) return;
      lastRows = key;
      onInboxRows(rows);
    });
  };
  // Coalesce rather than postpone: a page that never stops mutating must still be read.
  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = win.setTimeout(scan, delayMs);
  };
  // A URL change is the user opening or leaving a thread: read at once (the next task), and let
  // the mutations that follow bring the rest.
  const scheduleNow = () => {
    if (signal.aborted) return;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(scan, 0);
  };

  guard(() => {
    if (signal.aborted) return;
    const observer = new win.MutationObserver(schedule);
    observer.observe(root.body ?? root.documentElement, { childList: true, subtree: true });
    win.addEventListener('hashchange', scheduleNow, { signal });
    win.addEventListener('popstate', scheduleNow, { signal });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        if (timer !== undefined) win.clearTimeout(timer);
        timer = undefined;
      },
      { once: true },
    );
    schedule();
  });

  return {
    /** Reads again and calls back even if nothing changed (a sidebar that just mounted wants the state). */
    rescan() {
      lastThread = lastRows = undefined;
      schedule();
    },
  };
}
