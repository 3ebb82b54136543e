import type { ReplyAttachment, ReplyDraft, ReplyFailure } from '../types';
import { OfficeCallError, officeCall } from './office-async';
import { selectedMessage, supportsMailbox, type OfficeApi, type ReadItem } from './office-api';
import { fitHtml, sanitiseDraftHtml } from './reply-html';

/**
 * What opening the reply form did. Assignable to the port's ReplyResult; the extra fields tell the UI
 * what Outlook could not take (attachments, the end of an over-long body).
 */
export type OfficeReplyResult =
  | {
      ok: true;
      /** `async`: displayReplyAllFormAsync (Mailbox 1.9); `legacy`: displayReplyAllForm (1.1). */
      method: 'async' | 'legacy';
      /** Names of the draft's files the reply form did not receive; the user attaches them by hand. */
      omittedAttachments: string[];
      /** The body was cut to Outlook's 32 KB limit. */
      trimmed: boolean;
    }
  | { ok: false; reason: ReplyFailure; detail?: string };

/** Mailbox 1.9 brought the Async reply forms; base64 attachments in them came with 1.15. */
export const ASYNC_FORMS_SET = '1.9';
export const BASE64_ATTACHMENTS_SET = '1.15';

function formAttachments(office: OfficeApi, files: ReplyAttachment[]): Office.ReplyFormAttachment[] {
  return files.map((file) => ({
    type: office.MailboxEnums.AttachmentType.Base64,
    name: file.name,
    base64file: file.base64,
    inLine: false,
  }));
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, aborted: T): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => resolve(aborted);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function showAsync(item: ReadItem, all: boolean, formData: Office.ReplyFormData): Promise<void> {
  await officeCall<void>(all ? 'displayReplyAllFormAsync' : 'displayReplyFormAsync', (callback) =>
    all ? item.displayReplyAllFormAsync(formData, callback) : item.displayReplyFormAsync(formData, callback),
  );
}

/**
 * Opens Outlook's reply (reply-all unless `draft.replyAll` is false) on the selected message with the
 * draft in it. Never sends. The subject is Outlook's own "RE: …", which keeps the conversation.
 *
 * Where the client has Mailbox 1.15 the draft's files go in as base64 attachments. Older clients get the
 * body only, and the result lists the files left out. If the form refuses the attachments (too large,
 * a type the server blocks), it is opened again without them rather than not at all.
 */
export async function openOfficeReply(
  office: OfficeApi,
  draft: ReplyDraft,
  options: { signal?: AbortSignal; parser?: DOMParser } = {},
): Promise<OfficeReplyResult> {
  const { signal } = options;
  if (signal?.aborted) return { ok: false, reason: 'aborted' };
  const item = selectedMessage(office);
  if (!item) return { ok: false, reason: 'no_reply_button' };
  const all = draft.replyAll !== false;
  const parser = options.parser ?? new DOMParser();
  const { html, trimmed } = fitHtml(sanitiseDraftHtml(parser, draft.html, draft.text));
  const files = draft.attachments ?? [];
  const names = files.map((file) => file.name);
  const failure = (error: unknown): OfficeReplyResult => ({
    ok: false,
    reason: 'compose_not_found',
    detail: error instanceof Error ? error.message : String(error),
  });

  const asyncMethod = all ? item.displayReplyAllFormAsync : item.displayReplyFormAsync;
  if (supportsMailbox(office, ASYNC_FORMS_SET) && typeof asyncMethod === 'function') {
    const attach = files.length > 0 && supportsMailbox(office, BASE64_ATTACHMENTS_SET);
    const attempt = async (): Promise<OfficeReplyResult> => {
      if (attach) {
        try {
          await showAsync(item, all, { htmlBody: html, attachments: formAttachments(office, files) });
          return { ok: true, method: 'async', omittedAttachments: [], trimmed };
        } catch (error) {
          if (!(error instanceof OfficeCallError)) throw error;
        }
      }
      await showAsync(item, all, { htmlBody: html });
      return { ok: true, method: 'async', omittedAttachments: names, trimmed };
    };
    try {
      return await untilAborted(attempt(), signal, { ok: false, reason: 'aborted' });
    } catch (error) {
      return failure(error);
    }
  }

  // Mailbox 1.1 to 1.8: the synchronous form, body only (base64 attachments need 1.15).
  try {
    if (all) item.displayReplyAllForm({ htmlBody: html });
    else item.displayReplyForm({ htmlBody: html });
  } catch (error) {
    return failure(error);
  }
  return { ok: true, method: 'legacy', omittedAttachments: names, trimmed };
}
