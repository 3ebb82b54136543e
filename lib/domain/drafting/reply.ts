import type { EmailDraft } from './types';

/**
 * What lib/mail's `ReplyDraft` takes (declared there; lib/domain may not import lib/mail, and
 * this shape is assignable to it).
 */
export interface ReplyDraftFields {
  html: string;
  text: string;
  subject: string;
}

/** "Re: <subject>", once: a reply keeps the thread's subject so it stays in the thread. */
export function replySubject(threadSubject: string): string {
  const subject = threadSubject.replace(/\s+/g, ' ').trim();
  return /^(re|ré|aw|sv|antw)\s*:/i.test(subject) ? subject : `Re: ${subject}`;
}

export function draftToReply(draft: EmailDraft): ReplyDraftFields {
  return { html: draft.html, text: draft.text, subject: draft.subject };
}
