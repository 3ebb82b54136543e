import { describe, expect, it } from 'vitest';
import { createOfficeHost } from '../../../lib/mail/office/host';
import { watchOfficeItem } from '../../../lib/mail/office/watch';
import type { ThreadContext } from '../../../lib/mail/types';
import {
  clientMessage,
  fail,
  itemData,
  mockOffice,
  officeEnums,
  ok,
  otherMessage,
  requirements,
  setItem,
  type Callback,
  type MessageSeed,
  type Recorder,
} from '../../fixtures/outlook/office-data';

/** A pinned pane: the mailbox keeps its ItemChanged handlers; `select` changes the item and fires them. */
function pinnedPane(options: { refuseHandler?: boolean } = {}) {
  const recorder: Recorder = { calls: [] };
  const handlers = new Map<string, () => void>();
  const mailbox = {
    item: {},
    addHandlerAsync(type: string, handler: () => void, callback: Callback) {
      recorder.calls.push({ method: 'addHandlerAsync', args: [type] });
      if (options.refuseHandler) return fail(5001, 'InternalError', 'No events here')(callback);
      handlers.set(type, handler);
      ok()(callback);
    },
    removeHandlerAsync(type: string, callback: Callback) {
      recorder.calls.push({ method: 'removeHandlerAsync', args: [type] });
      handlers.delete(type);
      ok()(callback);
    },
  };
  const api = mockOffice({ ...officeEnums, context: { requirements: requirements('1.15'), mailbox } });
  const select = (seed: MessageSeed | null, answer?: Parameters<typeof itemData>[2]) => {
    setItem(api, seed ? itemData(seed, recorder, answer) : null);
    handlers.get('olkItemSelectedChanged')?.();
  };
  return { api, recorder, handlers, select };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchOfficeItem', () => {
  it('reports the selected message, then each message selected while pinned, until aborted', async () => {
    const pane = pinnedPane();
    pane.select(clientMessage);
    const seen: (string | null)[] = [];
    const controller = new AbortController();
    watchOfficeItem(pane.api, {
      signal: controller.signal,
      onThread: (context) => seen.push(context?.participants[0]?.email ?? null),
    });
    await settle();
    expect(pane.recorder.calls).toContainEqual({
      method: 'addHandlerAsync',
      args: ['olkItemSelectedChanged'],
    });

    pane.select(otherMessage);
    await settle();
    pane.select(null);
    await settle();
    expect(seen).toEqual(['compta@atelier-martin.fr', 'achats@boulangerie-durand.fr', null]);

    controller.abort();
    await settle();
    expect(pane.handlers.size).toBe(0);
    expect(pane.recorder.calls).toContainEqual({
      method: 'removeHandlerAsync',
      args: ['olkItemSelectedChanged'],
    });
    pane.select(clientMessage);
    await settle();
    expect(seen).toHaveLength(3);
  });

  it('drops a slow read overtaken by a newer selection', async () => {
    const pane = pinnedPane();
    let releaseFirstBody: (() => void) | undefined;
    pane.select(clientMessage, (method) =>
      method === 'body.getAsync'
        ? (callback) => (releaseFirstBody = () => ok('old body')(callback))
        : undefined,
    );
    const seen: ThreadContext[] = [];
    watchOfficeItem(pane.api, {
      signal: new AbortController().signal,
      onThread: (context) => context && seen.push(context),
    });
    await settle();
    pane.select(otherMessage);
    await settle();
    releaseFirstBody?.();
    await settle();
    expect(seen.map((context) => context.threadId)).toEqual(['AAQkAGI2-conv-2']);
  });

  it('still reports the first message when Office refuses the ItemChanged handler', async () => {
    const pane = pinnedPane({ refuseHandler: true });
    pane.select(clientMessage);
    const errors: unknown[] = [];
    const seen: unknown[] = [];
    watchOfficeItem(pane.api, {
      signal: new AbortController().signal,
      onThread: (context) => seen.push(context?.threadId),
      onError: (error) => errors.push(error),
    });
    await settle();
    expect(seen).toEqual(['AAQkAGI2-conv-1']);
    expect(errors).toHaveLength(1);
  });

  it('takes the handler off and reports nothing when aborted at once', async () => {
    const pane = pinnedPane();
    pane.select(clientMessage);
    const controller = new AbortController();
    const host = createOfficeHost({ office: pane.api, locale: 'fr' });
    const seen: unknown[] = [];
    host.watchThread((context) => seen.push(context), controller.signal);
    controller.abort();
    await settle();
    expect(pane.handlers.size).toBe(0);
    expect(seen).toEqual([]);
  });
});

describe('the host’s watchThread', () => {
  it('shares one ItemChanged handler between subscribers and removes it with the last one', async () => {
    const pane = pinnedPane();
    pane.select(clientMessage);
    const host = createOfficeHost({ office: pane.api, locale: 'fr' });
    const sidebar: unknown[] = [];
    const notice: unknown[] = [];
    const first = new AbortController();
    const second = new AbortController();
    host.watchThread((context) => sidebar.push(context?.threadId), first.signal);
    await settle();
    // A late subscriber gets the current message at once.
    host.watchThread((context) => notice.push(context?.threadId), second.signal);
    expect(notice).toEqual(['AAQkAGI2-conv-1']);
    pane.select(otherMessage);
    await settle();
    expect(sidebar).toEqual(['AAQkAGI2-conv-1', 'AAQkAGI2-conv-2']);
    expect(notice).toEqual(['AAQkAGI2-conv-1', 'AAQkAGI2-conv-2']);
    expect(pane.recorder.calls.filter((call) => call.method === 'addHandlerAsync')).toHaveLength(1);

    first.abort();
    await settle();
    expect(pane.handlers.size).toBe(1);
    second.abort();
    await settle();
    expect(pane.handlers.size).toBe(0);
  });
});
