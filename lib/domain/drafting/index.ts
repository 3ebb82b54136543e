export { callSections, composeDraft } from './compose';
export { draftLines, draftTotals, earlierContacts, formalNoticeStepIds, invoicePenalties } from './figures';
export { formatRate, localeFor, longDate, shortDate } from './format';
export { draftToReply, replySubject, type ReplyDraftFields } from './reply';
export { buildScope } from './scope';
export type {
  CallDraft,
  CallSection,
  Draft,
  DraftAttachment,
  DraftInput,
  DraftInvoice,
  DraftLine,
  DraftTotals,
  DraftWarning,
  EmailDraft,
  LetterDraft,
  SmsDraft,
} from './types';
