/** What the background answers to the other contexts (the content script above all). */
export type BackgroundProtocol = {
  /** Reminders due today or earlier, per inbox row, for the clients the rows' participants belong to. */
  'inbox.counts': (input: {
    rows: Array<{ rowId: string; emails: string[] }>;
  }) => Promise<Record<string, number>>;
  /** The number the badge shows. */
  'agenda.count': (input: null) => Promise<number>;
};

/** Sent by the background to Gmail tabs when the ledger changed, so their inbox badges refresh. */
export { LEDGER_CHANGED_MESSAGE as LEDGER_CHANGED } from './ledger-port';
