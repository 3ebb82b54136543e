import type { ThreadContext } from '../types';
import { officeCall } from './office-async';
import type { OfficeApi } from './office-api';
import { readMessage } from './thread';

export interface WatchOfficeOptions {
  /** The task pane's lifetime: when it aborts, the ItemChanged handler is removed. */
  signal: AbortSignal;
  onThread: (context: ThreadContext | null, info: { unreadable: boolean }) => void;
  /** A handler Office refused, or a read that threw: reported, never thrown. */
  onError?: (error: unknown) => void;
}

/**
 * Reports the selected message now, then again each time the user selects another one while the pane is
 * pinned (Office.EventType.ItemChanged, Mailbox 1.5). Reads are asynchronous (the body), so a read that
 * finishes after a newer selection is dropped: the pane never shows the previous message.
 */
export function watchOfficeItem(office: OfficeApi, options: WatchOfficeOptions): void {
  const { signal, onThread } = options;
  let generation = 0;

  const report = async () => {
    const mine = ++generation;
    let context: ThreadContext | null;
    let unreadable = false;
    try {
      context = await readMessage(office);
    } catch (error) {
      options.onError?.(error);
      context = null;
      unreadable = true;
    }
    if (mine === generation && !signal.aborted) onThread(context, { unreadable });
  };

  if (signal.aborted) return;
  void report();

  const mailbox = office.context.mailbox;
  const eventType = office.EventType.ItemChanged;
  const onItemChanged = () => void report();
  officeCall<void>('addHandlerAsync', (callback) =>
    mailbox.addHandlerAsync(eventType, onItemChanged, callback),
  ).then(
    () => {
      // Aborted while Office was adding the handler: take it off again.
      if (signal.aborted) remove();
    },
    (error) => options.onError?.(error),
  );
  const remove = () => {
    officeCall<void>('removeHandlerAsync', (callback) =>
      mailbox.removeHandlerAsync(eventType, callback),
    ).catch((error) => options.onError?.(error));
  };
  signal.addEventListener('abort', remove, { once: true });
}
