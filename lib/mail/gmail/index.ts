export { GMAIL, normaliseThreadId, type SelectorName } from './selectors';
export {
  MAX_TEXT,
  readThread,
  readThreadDiagnostics,
  type Generation,
  type ThreadDiagnostics,
} from './thread';
export { BADGE_ATTRIBUTE, readInboxRows, setRowBadge, type InboxRow } from './inbox';
export { watchGmail, type WatchGmailOptions } from './watch';
export { DRAFT_ATTRIBUTE, openReplyAndFill, type OpenReplyOptions } from './reply';
export { createGmailHost } from './host';
export { attachmentUrl, fetchAttachment, MAX_ATTACHMENT_BYTES } from './attachments';
