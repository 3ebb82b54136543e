import { formatMoney } from '../../domain/money';
import { translate, type Locale } from '../../i18n';
import { officeCall } from './office-async';
import { selectedMessage, type OfficeApi } from './office-api';

/** One notification of ours per message, replaced rather than stacked. */
export const DUE_NOTIFICATION_KEY = 'relance-due';
/** The manifest's 16 px icon resource: Outlook shows it in the bar. */
export const NOTIFICATION_ICON = 'Icon.16x16';
/** Outlook refuses a notification message over 150 characters. */
export const MAX_NOTIFICATION_LENGTH = 150;

export interface DueNotice {
  /** Reminders due for the message's client. */
  count: number;
  /** What the client owes, integer cents. */
  amountCents: number;
  currency?: string;
}

export function dueNotificationText(locale: Locale, notice: DueNotice): string {
  const amount = formatMoney(
    notice.amountCents,
    notice.currency ?? 'EUR',
    locale === 'fr' ? 'fr-FR' : 'en-GB',
  );
  const key = notice.count === 1 ? 'outlook.dueOne' : 'outlook.dueMany';
  const text = translate(locale, key, { count: notice.count, amount });
  return text.length > MAX_NOTIFICATION_LENGTH ? text.slice(0, MAX_NOTIFICATION_LENGTH - 1) + '…' : text;
}

/**
 * Shows, on the selected message, that its client has reminders due (Mailbox 1.3). Not persistent:
 * it goes when the message is closed. Resolves false when there is no message or Outlook refused.
 */
export async function showDueNotification(
  office: OfficeApi,
  locale: Locale,
  notice: DueNotice,
): Promise<boolean> {
  if (notice.count <= 0) return clearDueNotification(office);
  const item = selectedMessage(office);
  if (!item?.notificationMessages) return false;
  const details: Office.NotificationMessageDetails = {
    type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
    message: dueNotificationText(locale, notice),
    icon: NOTIFICATION_ICON,
    persistent: false,
  };
  try {
    await officeCall<void>('notificationMessages.replaceAsync', (callback) =>
      item.notificationMessages.replaceAsync(DUE_NOTIFICATION_KEY, details, callback),
    );
    return true;
  } catch {
    return false;
  }
}

/** Takes our notification off the selected message; true when none is left (also when there was none). */
export async function clearDueNotification(office: OfficeApi): Promise<boolean> {
  const item = selectedMessage(office);
  if (!item?.notificationMessages) return false;
  try {
    const shown = await officeCall<Office.NotificationMessageDetails[]>(
      'notificationMessages.getAllAsync',
      (callback) => item.notificationMessages.getAllAsync(callback),
    );
    if (!shown.some((notification) => notification.key === DUE_NOTIFICATION_KEY)) return true;
    await officeCall<void>('notificationMessages.removeAsync', (callback) =>
      item.notificationMessages.removeAsync(DUE_NOTIFICATION_KEY, callback),
    );
    return true;
  } catch {
    return false;
  }
}
