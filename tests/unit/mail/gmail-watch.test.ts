// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxRow } from '../../../lib/mail/gmail/inbox';
import type { ThreadDiagnostics } from '../../../lib/mail/gmail/thread';
import { watchGmail } from '../../../lib/mail/gmail/watch';
import type { ThreadContext } from '../../../lib/mail/types';

function page(name: string): Node[] {
  const parsed = new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/gmail/${name}`, 'utf8'),
    'text/html',
  );
  return Array.from(parsed.body.childNodes, (node) => document.importNode(node, true));
}

/** Gmail navigates by swapping what is inside the body and changing the hash, never the body itself. */
function navigate(name: string, hash: string): void {
  document.body.replaceChildren(...page(name));
  location.hash = hash;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

let controller: AbortController;
let threads: Array<{ context: ThreadContext | null; diagnostics: ThreadDiagnostics }>;
let rowLists: InboxRow[][];
let errors: unknown[];

function watch(options: Partial<Parameters<typeof watchGmail>[0]> = {}) {
  return watchGmail({
    signal: controller.signal,
    delayMs: 5,
    onThread: (context, diagnostics) => threads.push({ context, diagnostics }),
    onInboxRows: (rows) => rowLists.push(rows),
    onError: (error) => errors.push(error),
    ...options,
  });
}

const threadIds = () => threads.map(({ context }) => context?.threadId ?? null);

beforeEach(() => {
  controller = new AbortController();
  threads = [];
  rowLists = [];
  errors = [];
  navigate('inbox.html', '#inbox');
});

afterEach(() => controller.abort());

describe('watchGmail', () => {
  it('reports the state at start: no thread, the inbox rows', async () => {
    watch();
    await settle();
    expect(threadIds()).toEqual([null]);
    expect(rowLists.map((rows) => rows.length)).toEqual([5]);
    expect(errors).toEqual([]);
  });

  it('follows open, change and close, once each, whatever the number of DOM changes', async () => {
    watch();
    await settle();
    navigate('thread-classic.html', '#inbox/18c2a1f0b3d4e5f6');
    await settle();
    // Gmail keeps mutating an open thread (timestamps, hover cards): same thread, no new report.
    document.querySelector('.g3')!.textContent = 'il y a 2 jours';
    document.body.append(document.createElement('div'));
    location.hash = '#inbox/18c2a1f0b3d4e5f6?compose=new';
    await settle();
    navigate('thread-2024.html', '#inbox/FMfcgzQXJWDsKmvPqRnLxTbHcZwNvJkL');
    await settle();
    navigate('inbox.html', '#inbox');
    await settle();
    expect(threadIds()).toEqual([null, '18c2a1f0b3d4e5f6', '18c3b7e2a9f01d44', null]);
    expect(threads[1]!.diagnostics.generation).toBe('classic');
    expect(threads[2]!.diagnostics.generation).toBe('2024');
    expect(rowLists.map((rows) => rows.length)).toEqual([5, 0, 5]);
  });

  it('reports the thread again when a message arrives in it', async () => {
    navigate('thread-classic.html', '#inbox/18c2a1f0b3d4e5f6');
    watch();
    await settle();
    const list = document.querySelector('[role=list]')!;
    list.append(list.lastElementChild!.cloneNode(true));
    await settle();
    expect(threadIds()).toEqual(['18c2a1f0b3d4e5f6', '18c2a1f0b3d4e5f6']);
  });

  it('reports null when Gmail goes back to the list and only hides the thread view', async () => {
    navigate('thread-classic.html', '#inbox/18c2a1f0b3d4e5f6');
    watch();
    await settle();
    document.querySelector<HTMLElement>('.g.id')!.style.display = 'none';
    document.body.append(document.createElement('div'));
    await settle();
    expect(threadIds()).toEqual(['18c2a1f0b3d4e5f6', null]);
  });

  it('reads both the thread and the list in split view (reading pane)', async () => {
    const main = document.querySelector('[role=main]')!;
    const thread = page('thread-2024.html')
      .filter((node): node is Element => node.nodeType === 1)
      .map((element) => element.querySelector('.g.id')!)[0]!;
    watch();
    main.append(thread);
    await settle();
    expect(threadIds()).toEqual(['18c3b7e2a9f01d44']);
    expect(rowLists.map((rows) => rows.length)).toEqual([5]);
  });

  it('calls back with the state again on rescan, even unchanged', async () => {
    const watcher = watch();
    await settle();
    watcher.rescan();
    await settle();
    expect(threadIds()).toEqual([null, null]);
    expect(rowLists).toHaveLength(2);
  });

  it('calls nothing once the signal aborts, even for work already scheduled', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const clearTimeout = vi.spyOn(window, 'clearTimeout');
    watch({ delayMs: 30 });
    await settle();
    // Gmail redraws without a URL change: a scan is now pending, and aborting must cancel it too.
    document.body.replaceChildren(...page('thread-classic.html'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(clearTimeout).toHaveBeenCalled();
    await settle();
    navigate('thread-2024.html', '#inbox/FMfcgzQXJWDsKmvPqRnLxTbHcZwNvJkL');
    window.dispatchEvent(new Event('popstate'));
    await settle();
    expect(threadIds()).toEqual([null]);
    expect(rowLists).toHaveLength(1);
    expect(disconnect).toHaveBeenCalled();
    disconnect.mockRestore();
    clearTimeout.mockRestore();
  });

  it('starts nothing when the signal has already aborted', async () => {
    controller.abort();
    watch();
    await settle();
    expect(threads).toEqual([]);
  });

  it('reports a failing callback to onError and keeps watching', async () => {
    let calls = 0;
    watch({
      onThread: (context) => {
        calls++;
        if (!context) throw new Error('sidebar not ready');
      },
    });
    await settle();
    navigate('thread-classic.html', '#inbox/18c2a1f0b3d4e5f6');
    await settle();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('sidebar not ready')]);
  });
});
