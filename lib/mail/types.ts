/**
 * The MailHost port: what the UI needs from a mailbox, whatever the host (Gmail DOM, Office.js).
 * Adapters live in lib/mail/<host>/ and are the only code that knows their host.
 */

/**
 * The open thread as the matcher sees it. Declared here because lib/domain/matching did not exist yet
 * when the Gmail adapter was written; the shape is the one agreed for `threadContextSchema` there, and
 * this declaration should give way to `z.infer<typeof threadContextSchema>` once it lands.
 */
export interface ThreadContext {
  threadId: string;
  subject: string;
  participants: Array<{ email: string; name: string; role: 'from' | 'to' | 'cc' }>;
  /** Message bodies, whitespace collapsed, capped (see the adapter). */
  text: string;
  attachmentNames: string[];
}

export interface ReplyDraft {
  /** Built by our template engine from escaped parts; adapters still sanitise it before inserting. */
  html: string;
  /** Used when `html` yields nothing (plain-text drafts). */
  text?: string;
  /** Only applied when the host left the reply's subject empty, so the reply stays in its thread. */
  subject?: string;
  replyAll?: boolean;
}

export type ReplyFailure = 'no_reply_button' | 'compose_not_found' | 'timeout' | 'aborted';
export type ReplyResult = { ok: true } | { ok: false; reason: ReplyFailure };

export interface MailHost {
  readonly host: 'gmail' | 'outlook';
  /** The open thread, or null when none is open or its markup is not understood. Never rejects. */
  readThread(): Promise<ThreadContext | null>;
  /** Calls back with the open thread each time it changes, until `signal` aborts. */
  watchThread(onThread: (context: ThreadContext | null) => void, signal: AbortSignal): void;
  /** Opens a reply to the open thread and puts the draft in it. Never sends, never rejects. */
  openReply(draft: ReplyDraft, signal?: AbortSignal): Promise<ReplyResult>;
}
