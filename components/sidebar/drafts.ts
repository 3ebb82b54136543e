import type { Action } from '../../lib/domain/engine';
import { composeDraft, type Draft, type EmailDraft } from '../../lib/domain/drafting';
import { scenarioFor } from '../../lib/domain/scenarios';
import { escapeHtml } from '../../lib/domain/templates';
import type { Locale } from '../../lib/i18n';
import type { LedgerAccess } from '../../lib/extension/ledger-port';
import { toBase64 } from '../../lib/store/backup';
import type { ReplyAttachment, ReplyDraft } from '../../lib/mail/types';
import type { ClientSummary, LedgerView } from './model';

export type SidebarDraft = Draft;

/** The draft of an action's step, in the client's language unless the UI asks otherwise. */
export function draftForAction(
  view: LedgerView,
  summary: ClientSummary,
  action: Action,
  _uiLocale: Locale,
  threadSubject: string | undefined,
): Draft {
  const lines = action.invoiceIds
    .map((id) => summary.open.find((line) => line.invoice.id === id))
    .filter((line) => line !== undefined);
  const { ledger } = view;
  return composeDraft({
    client: summary.client,
    invoices: lines.map((line) => ({ invoice: line.invoice, status: line.status })),
    step: action.step,
    channel: action.channel,
    company: ledger.company,
    settings: ledger.settings,
    rates: ledger.rates,
    events: summary.history,
    today: view.today,
    threadSubject,
    templates: ledger.settings.templates,
    scenario: scenarioFor(summary.client, ledger.scenarios),
  });
}

/**
 * What goes into the mail's reply. When the user edited the text in the sidebar, the HTML is
 * rebuilt from their text (escaped, one paragraph per block), so the edit is what is sent.
 */
export function replyFromEmail(draft: EmailDraft, editedText?: string): ReplyDraft {
  if (editedText === undefined) return { html: draft.html, text: draft.text, subject: draft.subject };
  const html = editedText
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return { html, text: editedText, subject: draft.subject };
}

/** The draft's invoice PDFs from the attachment store, for hosts that attach files (Outlook). */
export async function replyAttachments(draft: EmailDraft, ledger: LedgerAccess): Promise<ReplyAttachment[]> {
  if (!ledger.getAttachment) return [];
  const files: ReplyAttachment[] = [];
  for (const { pdfRef, name } of draft.attachments) {
    const stored = await ledger.getAttachment(pdfRef);
    if (stored)
      files.push({ name, mimeType: stored.type || 'application/pdf', base64: toBase64(stored.bytes) });
  }
  return files;
}
