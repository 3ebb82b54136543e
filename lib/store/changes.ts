/** What a write touched, broadcast so every open page (sidebar, popup, options, background) refreshes. */
export type LedgerArea = 'clients' | 'invoices' | 'events' | 'scenarios' | 'attachments' | 'settings';

export interface LedgerChange {
  areas: LedgerArea[];
  /** Who wrote: a page ignores its own echoes if it wants to. */
  origin: string;
  /** Set when the change arrived from another browser through sync. */
  fromSync?: boolean;
}

export interface ChangeChannel {
  publish(change: LedgerChange): void;
  subscribe(listener: (change: LedgerChange) => void): () => void;
}

export const CHANGE_CHANNEL_NAME = 'relance-ledger-changes';

/**
 * All extension pages and the background share one origin, so a BroadcastChannel reaches every
 * one of them (the service worker included) without going through the background.
 */
export function broadcastChangeChannel(
  create: (name: string) => BroadcastChannel = (name) => new BroadcastChannel(name),
): ChangeChannel & { close(): void } {
  const channel = create(CHANGE_CHANNEL_NAME);
  const listeners = new Set<(change: LedgerChange) => void>();
  channel.onmessage = (message: MessageEvent<LedgerChange>) => {
    for (const listener of listeners) listener(message.data);
  };
  return {
    publish(change) {
      channel.postMessage(change);
      // BroadcastChannel does not echo to its sender: tell this context's listeners too.
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
    },
  };
}

/** A channel that goes nowhere, for tests and one-shot scripts. */
export function localChangeChannel(): ChangeChannel {
  const listeners = new Set<(change: LedgerChange) => void>();
  return {
    publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
