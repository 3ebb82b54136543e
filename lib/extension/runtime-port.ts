import type { MessagePort } from '../store/messaging';

/** Who sent a runtime message (the part the port looks at). */
export interface SenderLike {
  url?: string;
  id?: string;
}

/** The part of `runtime` the messaging layer uses (chrome.runtime and browser.runtime both fit). */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: SenderLike,
        sendResponse: (response: unknown) => void,
      ) => boolean | void,
    ): void;
    removeListener(
      listener: (
        message: unknown,
        sender: SenderLike,
        sendResponse: (response: unknown) => void,
      ) => boolean | void,
    ): void;
  };
}

/**
 * runtime messaging as a MessagePort. Answers go through `sendResponse` + `return true`, the one
 * asynchronous form every browser accepts (returning a promise is not universal). `accept` lets
 * a server take requests only from some senders (the ledger only from extension pages).
 */
export function runtimePort(
  runtime: RuntimeLike,
  accept: (sender: SenderLike) => boolean = () => true,
): MessagePort {
  return {
    send: (message) => runtime.sendMessage(message),
    listen(handler) {
      const listener = (message: unknown, sender: SenderLike, sendResponse: (response: unknown) => void) => {
        if (!accept(sender)) return false;
        const answer = handler(message);
        if (!answer) return false;
        void answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
        return true;
      };
      runtime.onMessage.addListener(listener);
      return () => runtime.onMessage.removeListener(listener);
    },
  };
}
