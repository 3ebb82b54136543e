import type { MailHost, ThreadContext } from '../types';
import { isFromFrame, type FromFrame, type ToFrame } from './protocol';

export interface ServeFrameOptions {
  host: MailHost;
  frame: HTMLIFrameElement;
  /** The extension's origin, e.g. chrome-extension://<id>: the only sender we listen to. */
  frameOrigin: string;
  window: Window;
  signal: AbortSignal;
  onLayout?(layout: Extract<FromFrame, { relance: 'layout' }>): void;
  /** The webmail's theme, sent when the sidebar is ready and with each thread. */
  theme?(): 'light' | 'dark';
}

/**
 * Content-script side of the bridge: tells the sidebar which thread is open and performs the
 * replies it asks for. Listeners live as long as `signal`.
 */
export function serveMailHostToFrame({
  host,
  frame,
  frameOrigin,
  window: win,
  signal,
  onLayout,
  theme,
}: ServeFrameOptions) {
  let last: { context: ThreadContext | null; unreadable: boolean } | undefined;

  const post = (message: ToFrame) => frame.contentWindow?.postMessage(message, frameOrigin);
  let lastTheme: string | undefined;
  const sendTheme = (force = false) => {
    const current = theme?.();
    if (!current || (current === lastTheme && !force)) return;
    lastTheme = current;
    post({ relance: 'theme', theme: current });
  };
  const sendThread = () => {
    sendTheme();
    if (last) post({ relance: 'thread', context: last.context, unreadable: last.unreadable });
  };

  host.watchThread((context, info) => {
    last = { context, unreadable: context === null && Boolean(info?.unreadable) };
    sendThread();
  }, signal);

  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.origin !== frameOrigin || !isFromFrame(event.data))
        return;
      const message = event.data;
      if (message.relance === 'ready') {
        sendTheme(true);
        if (last) sendThread();
        else
          void host.readThread().then((context) => {
            last ??= { context, unreadable: false };
            sendThread();
          });
      } else if (message.relance === 'reply') {
        void host
          .openReply(message.draft, signal)
          .then((result) => post({ relance: 'reply-result', requestId: message.requestId, result }));
      } else if (message.relance === 'attachment') {
        const fetching =
          host.fetchAttachment?.(message.name) ??
          Promise.resolve({ ok: false as const, reason: 'unsupported' as const });
        void fetching.then((result) => {
          // The bytes are handed over, not copied: an invoice PDF can be a few megabytes.
          const transfer = result.ok ? [result.bytes] : [];
          frame.contentWindow?.postMessage(
            { relance: 'attachment-result', requestId: message.requestId, result } satisfies ToFrame,
            { targetOrigin: frameOrigin, transfer },
          );
        });
      } else if (message.relance === 'layout') {
        onLayout?.(message);
      }
    },
    { signal },
  );
}
