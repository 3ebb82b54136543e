import type { AttachmentResult, MailHost, ReplyDraft, ReplyResult, ThreadContext } from '../types';
import { isToFrame, type FromFrame } from './protocol';

export interface FrameHostOptions {
  /** The webmail window that frames us. */
  parent: Window;
  /** Its origin, e.g. https://mail.google.com: the only sender we listen to. */
  parentOrigin: string;
  window: Window;
  signal: AbortSignal;
}

/**
 * Sidebar side of the bridge: a MailHost whose thread comes from the content script and whose
 * replies are performed by it. The thread is hostile content; callers validate it.
 */
export function createFrameMailHost({ parent, parentOrigin, window: win, signal }: FrameHostOptions) {
  type Listener = (context: ThreadContext | null, info?: { unreadable: boolean }) => void;
  const threadListeners = new Set<Listener>();
  const pending = new Map<number, (result: ReplyResult) => void>();
  const pendingFiles = new Map<number, (result: AttachmentResult) => void>();
  let latest: { context: ThreadContext | null; unreadable: boolean } | undefined;
  let nextId = 1;

  const post = (message: FromFrame) => parent.postMessage(message, parentOrigin);

  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== parent || event.origin !== parentOrigin || !isToFrame(event.data)) return;
      const message = event.data;
      if (message.relance === 'theme') {
        win.document.documentElement.dataset.theme = message.theme;
      } else if (message.relance === 'thread') {
        latest = { context: message.context, unreadable: message.unreadable === true };
        for (const listener of threadListeners) listener(latest.context, { unreadable: latest.unreadable });
      } else if (message.relance === 'attachment-result') {
        pendingFiles.get(message.requestId)?.(message.result);
        pendingFiles.delete(message.requestId);
      } else {
        pending.get(message.requestId)?.(message.result);
        pending.delete(message.requestId);
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    for (const resolve of pending.values()) resolve({ ok: false, reason: 'aborted' });
    pending.clear();
    for (const resolve of pendingFiles.values()) resolve({ ok: false, reason: 'unsupported' });
    pendingFiles.clear();
    threadListeners.clear();
  });

  const host: MailHost & { setLayout(collapsed: boolean, count: number): void } = {
    host: 'gmail',
    async readThread() {
      return latest?.context ?? null;
    },
    watchThread(onThread, listenerSignal) {
      threadListeners.add(onThread);
      listenerSignal.addEventListener('abort', () => threadListeners.delete(onThread));
      if (latest !== undefined) onThread(latest.context, { unreadable: latest.unreadable });
    },
    openReply(draft: ReplyDraft) {
      const requestId = nextId++;
      return new Promise<ReplyResult>((resolve) => {
        pending.set(requestId, resolve);
        post({ relance: 'reply', requestId, draft });
      });
    },
    fetchAttachment(name: string) {
      const requestId = nextId++;
      return new Promise<AttachmentResult>((resolve) => {
        pendingFiles.set(requestId, resolve);
        post({ relance: 'attachment', requestId, name });
      });
    },
    setLayout(collapsed, count) {
      post({ relance: 'layout', collapsed, count });
    },
  };
  post({ relance: 'ready' });
  return host;
}
