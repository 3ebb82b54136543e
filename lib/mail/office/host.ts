import type { Locale } from '../../i18n';
import type { MailHost } from '../types';
import type { OfficeApi } from './office-api';
import { clearDueNotification, showDueNotification, type DueNotice } from './notification';
import { openOfficeReply, type OfficeReplyResult } from './reply';
import { readMessage } from './thread';
import { watchOfficeItem } from './watch';

export interface OfficeMailHost extends MailHost {
  readonly host: 'outlook';
  openReply(draft: Parameters<MailHost['openReply']>[0], signal?: AbortSignal): Promise<OfficeReplyResult>;
  /** The bar on the selected message saying its client has reminders due; count 0 clears it. */
  showDueNotification(notice: DueNotice): Promise<boolean>;
  clearDueNotification(): Promise<boolean>;
}

type ThreadListener = Parameters<MailHost['watchThread']>[0];

/**
 * One ItemChanged watcher shared by every subscriber (the sidebar, the notification bar): Office's
 * removeHandlerAsync takes off every handler of the event type, so two watchers would silence each
 * other. The last report is replayed to a late subscriber; the watcher stops with its last subscriber.
 */
function sharedWatch(office: OfficeApi, onError?: (error: unknown) => void): MailHost['watchThread'] {
  const listeners = new Set<ThreadListener>();
  let controller: AbortController | null = null;
  let last: Parameters<ThreadListener> | undefined;
  return (onThread, signal) => {
    if (signal.aborted) return;
    listeners.add(onThread);
    if (last) onThread(...last);
    if (!controller) {
      controller = new AbortController();
      watchOfficeItem(office, {
        signal: controller.signal,
        onError,
        onThread: (...report) => {
          last = report;
          for (const listener of listeners) listener(...report);
        },
      });
    }
    signal.addEventListener(
      'abort',
      () => {
        listeners.delete(onThread);
        if (listeners.size > 0) return;
        controller?.abort();
        controller = null;
        last = undefined;
      },
      { once: true },
    );
  };
}

/** The Outlook adapter behind the MailHost port. `office` is the task pane's `Office`, passed in. */
export function createOfficeHost({
  office,
  locale,
  parser,
  onError,
}: {
  office: OfficeApi;
  locale: Locale;
  parser?: DOMParser;
  onError?: (error: unknown) => void;
}): OfficeMailHost {
  return {
    host: 'outlook',
    readThread: async () => {
      try {
        return await readMessage(office);
      } catch (error) {
        onError?.(error);
        return null;
      }
    },
    watchThread: sharedWatch(office, onError),
    openReply: (draft, signal) => openOfficeReply(office, draft, { signal, parser }),
    showDueNotification: (notice) => showDueNotification(office, locale, notice),
    clearDueNotification: () => clearDueNotification(office),
  };
}
