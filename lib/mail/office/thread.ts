import type { ThreadContext } from '../types';
import { officeCall } from './office-async';
import { selectedMessage, type OfficeApi, type ReadItem } from './office-api';

/** Same cap as the Gmail reader: enough for invoice numbers, bounded for the matcher. */
export const MAX_TEXT = 200_000;

type Address = { emailAddress?: string; displayName?: string } | null | undefined;

function participant(address: Address, role: ThreadContext['participants'][number]['role']) {
  const email = (address?.emailAddress ?? '').trim();
  if (!email) return [];
  return [{ email, name: (address?.displayName ?? '').replace(/\s+/g, ' ').trim(), role }];
}

/** The message's body as plain text, or '' when Office cannot give it (it then still matches by address). */
async function bodyText(office: OfficeApi, item: ReadItem): Promise<string> {
  try {
    const text = await officeCall<string>('body.getAsync', (callback) =>
      item.body.getAsync(office.CoercionType.Text, callback),
    );
    return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT) : '';
  } catch {
    return '';
  }
}

/**
 * Reads the selected message into a ThreadContext. The conversation id is the thread id, so every
 * message of a conversation maps to the same client choice. Null when no message is selected.
 */
export async function readMessage(office: OfficeApi): Promise<ThreadContext | null> {
  const item = selectedMessage(office);
  if (!item) return null;
  const participants = [
    ...participant(item.from ?? item.sender, 'from'),
    ...(item.to ?? []).flatMap((address) => participant(address, 'to')),
    ...(item.cc ?? []).flatMap((address) => participant(address, 'cc')),
  ];
  return {
    threadId: item.conversationId || item.itemId || '',
    subject: (item.subject ?? '').replace(/\s+/g, ' ').trim(),
    participants,
    text: await bodyText(office, item),
    attachmentNames: (item.attachments ?? [])
      .filter((attachment) => !attachment.isInline)
      .map((attachment) => attachment.name)
      .filter((name): name is string => typeof name === 'string' && name.length > 0),
  };
}
