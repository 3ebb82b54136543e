export { OfficeCallError, officeCall } from './office-async';
export { selectedMessage, supportsMailbox, type OfficeApi, type ReadItem } from './office-api';
export { MAX_TEXT, readMessage } from './thread';
export { watchOfficeItem, type WatchOfficeOptions } from './watch';
export { MAX_HTML_BODY_BYTES, fitHtml, sanitiseDraftHtml } from './reply-html';
export { ASYNC_FORMS_SET, BASE64_ATTACHMENTS_SET, openOfficeReply, type OfficeReplyResult } from './reply';
export {
  DUE_NOTIFICATION_KEY,
  MAX_NOTIFICATION_LENGTH,
  NOTIFICATION_ICON,
  clearDueNotification,
  dueNotificationText,
  showDueNotification,
  type DueNotice,
} from './notification';
export {
  ROAMING_INDEX_KEY,
  ROAMING_LIMITS,
  createRoamingArea,
  type RoamingAreaOptions,
} from './roaming-area';
export { createOfficeHost, type OfficeMailHost } from './host';
