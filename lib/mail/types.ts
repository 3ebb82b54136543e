/**
 * The MailHost port: what the UI needs from a mailbox, whatever the host (Gmail DOM, Office.js).
 * Adapters live in lib/mail/<host>/ and are the only code that knows their host.
 */

/** The open thread as the matcher sees it; validated with `threadContextSchema` where it crosses a boundary. */
export type { ThreadContext } from '../domain/matching';
import type { ThreadContext } from '../domain/matching';

export interface ReplyDraft {
  /** Built by our template engine from escaped parts; adapters still sanitise it before inserting. */
  html: string;
  /** Used when `html` yields nothing (plain-text drafts). */
  text?: string;
  /** Only applied when the host left the reply's subject empty, so the reply stays in its thread. */
  subject?: string;
  replyAll?: boolean;
  /** Files to attach where the host can (Outlook); Gmail's reply form cannot take them from a script. */
  attachments?: ReplyAttachment[];
}

export interface ReplyAttachment {
  name: string;
  mimeType: string;
  /** The file's bytes, base64 encoded (what Office.js takes). */
  base64: string;
}

export type ReplyFailure = 'no_reply_button' | 'compose_not_found' | 'timeout' | 'aborted';
export type ReplyResult =
  | {
      ok: true;
      /** Files the host could not attach (older Outlook): the user attaches them by hand. */
      omittedAttachments?: string[];
      /** The body was cut to the host's limit. */
      trimmed?: boolean;
    }
  | { ok: false; reason: ReplyFailure; detail?: string };

export type AttachmentResult =
  | { ok: true; name: string; bytes: ArrayBuffer }
  | { ok: false; reason: 'not_found' | 'download_failed' | 'too_large' | 'unsupported' };

export interface MailHost {
  readonly host: 'gmail' | 'outlook';
  /** The open thread, or null when none is open or its markup is not understood. Never rejects. */
  readThread(): Promise<ThreadContext | null>;
  /**
   * Calls back with the open thread each time it changes, until `signal` aborts. A null context
   * with `unreadable` set means a thread is open but its markup was not understood.
   */
  watchThread(
    onThread: (context: ThreadContext | null, info?: { unreadable: boolean }) => void,
    signal: AbortSignal,
  ): void;
  /** Opens a reply to the open thread and puts the draft in it. Never sends, never rejects. */
  openReply(draft: ReplyDraft, signal?: AbortSignal): Promise<ReplyResult>;
  /** The bytes of an attachment of the open thread, by name, where the host can give them. Never rejects. */
  fetchAttachment?(name: string): Promise<AttachmentResult>;
}
