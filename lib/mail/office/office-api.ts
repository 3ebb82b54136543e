/// <reference types="office-js" />

/**
 * The part of the `Office` namespace the adapters use. The task pane passes the real `Office`; tests pass
 * office-addin-mock objects or a plain fake. Nothing in lib/mail/office reads the global.
 */
export type OfficeApi = Pick<typeof Office, 'context' | 'CoercionType' | 'EventType' | 'MailboxEnums'>;

/** The selected item in read mode, the only mode the add-in runs in (see the manifest's Rule). */
export type ReadItem = Office.MessageRead;

/** The selected message, or null when nothing (or an appointment) is selected in a pinned pane. */
export function selectedMessage(office: OfficeApi): ReadItem | null {
  const item = office.context.mailbox?.item;
  if (!item) return null;
  // `itemType` is "message" or "appointment"; some old clients leave it out on messages.
  const type = (item as { itemType?: unknown }).itemType;
  return type === undefined || String(type) === 'message' ? (item as ReadItem) : null;
}

/** Whether the client runs at least `version` of the Mailbox requirement set. */
export function supportsMailbox(office: OfficeApi, version: string): boolean {
  try {
    return office.context.requirements?.isSetSupported('Mailbox', version) === true;
  } catch {
    return false;
  }
}
