import type {
  Client,
  ClientInput,
  InvoiceInput,
  Ledger,
  LedgerEvent,
  LedgerEventInput,
  Settings,
} from '../domain/schemas';
import type { ChangeChannel, LedgerChange } from '../store/changes';
import { createClient, type MessagePort } from '../store/messaging';
import type { LedgerRepository } from '../store/repository';

/**
 * What the sidebar needs of the ledger. Extension pages framed inside Gmail may be refused
 * IndexedDB (third-party storage blocking or partitioning), so there the ledger is reached
 * through the background; elsewhere (Outlook's pane, top-level pages) the repository fits as is.
 */
export interface LedgerAccess {
  loadLedger(): Promise<Ledger>;
  appendEvent(input: LedgerEventInput): Promise<LedgerEvent>;
  saveClient(input: ClientInput): Promise<Client>;
  getSettings(): Promise<Settings>;
  /** Clients and invoices written together (an import): all or nothing. */
  saveBatch(batch: { clients?: ClientInput[]; invoices?: InvoiceInput[] }): Promise<void>;
  /** Stored invoice PDFs; absent where files cannot be attached anyway (Gmail's reply form). */
  getAttachment?(id: string): Promise<{ name: string; type: string; bytes: ArrayBuffer } | undefined>;
}

/** The ledger methods the background serves to extension pages. */
export type LedgerProtocol = {
  'ledger.load': (input: null) => Promise<Ledger>;
  'ledger.appendEvent': (input: LedgerEventInput) => Promise<LedgerEvent>;
  'ledger.saveClient': (input: ClientInput) => Promise<Client>;
  'ledger.getSettings': (input: null) => Promise<Settings>;
  'ledger.saveBatch': (input: { clients?: ClientInput[]; invoices?: InvoiceInput[] }) => Promise<void>;
};

export function ledgerHandlers(repo: LedgerRepository): LedgerProtocol {
  return {
    'ledger.load': () => repo.loadLedger(),
    'ledger.appendEvent': (input) => repo.appendEvent(input),
    'ledger.saveClient': (input) => repo.saveClient(input),
    'ledger.getSettings': () => repo.getSettings(),
    'ledger.saveBatch': (input) => repo.saveBatch(input),
  };
}

export function remoteLedger(port: MessagePort): LedgerAccess {
  const client = createClient<LedgerProtocol>(port);
  return {
    loadLedger: () => client.call('ledger.load', null),
    appendEvent: (input) => client.call('ledger.appendEvent', input),
    saveClient: (input) => client.call('ledger.saveClient', input),
    getSettings: () => client.call('ledger.getSettings', null),
    saveBatch: (input) => client.call('ledger.saveBatch', input),
  };
}

/** Sent by the background to every extension page and Gmail tab after the ledger changed. */
export const LEDGER_CHANGED_MESSAGE = 'ledger-changed';

/** A change channel fed by the background's notices (for pages that cannot share its BroadcastChannel). */
export function runtimeChangeChannel(onMessage: {
  addListener(listener: (message: unknown) => void): void;
  removeListener(listener: (message: unknown) => void): void;
}): ChangeChannel {
  return {
    publish() {
      // Writes go through the background, which announces them itself.
    },
    subscribe(listener) {
      const relay = (message: unknown) => {
        const data = message as { relance?: string; change?: LedgerChange } | null;
        if (data?.relance === LEDGER_CHANGED_MESSAGE)
          listener(data.change ?? { areas: ['clients', 'invoices', 'events'], origin: 'background' });
      };
      onMessage.addListener(relay);
      return () => onMessage.removeListener(relay);
    },
  };
}
