import type { AttachmentResult, ReplyDraft, ReplyResult, ThreadContext } from '../types';

/**
 * Messages between the Gmail content script and the sidebar iframe (an extension page). They
 * cross a postMessage boundary, so each side checks the sender's window and origin, and the
 * sidebar validates the thread with its schema before using it: its content is the email's,
 * hostile by nature.
 */
export type ToFrame =
  | { relance: 'thread'; context: ThreadContext | null; unreadable: boolean }
  | { relance: 'reply-result'; requestId: number; result: ReplyResult }
  | { relance: 'attachment-result'; requestId: number; result: AttachmentResult }
  /** Gmail's own theme, which the sidebar follows (it may differ from the system's). */
  | { relance: 'theme'; theme: 'light' | 'dark' };

export type FromFrame =
  | { relance: 'ready' }
  | { relance: 'reply'; requestId: number; draft: ReplyDraft }
  | { relance: 'attachment'; requestId: number; name: string }
  | { relance: 'layout'; collapsed: boolean; count: number };

export function isToFrame(data: unknown): data is ToFrame {
  return (
    typeof data === 'object' &&
    data !== null &&
    ['thread', 'reply-result', 'attachment-result', 'theme'].includes((data as ToFrame).relance)
  );
}

export function isFromFrame(data: unknown): data is FromFrame {
  return (
    typeof data === 'object' &&
    data !== null &&
    ['ready', 'reply', 'attachment', 'layout'].includes((data as FromFrame).relance)
  );
}
