import type { MailHost } from '../types';
import { fetchAttachment } from './attachments';
import { openReplyAndFill } from './reply';
import type { PageWindow } from './selectors';
import { readThread } from './thread';
import { watchGmail } from './watch';

/** The Gmail adapter behind the MailHost port; the page's document and window come in as parameters. */
export function createGmailHost({
  root = document,
  window: win = globalThis.window,
}: { root?: Document; window?: PageWindow } = {}): MailHost {
  return {
    host: 'gmail',
    readThread: async () => {
      try {
        return readThread(root);
      } catch {
        return null;
      }
    },
    watchThread: (onThread, signal) => {
      watchGmail({ root, window: win, signal, onThread: (context) => onThread(context) });
    },
    openReply: (draft, signal) => openReplyAndFill({ ...draft, root, signal }),
    fetchAttachment: (name) => fetchAttachment(name, { root }),
  };
}
