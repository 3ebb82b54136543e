import type { InvoiceStatus } from '../engine/types';
import type { PenaltyResult, PenaltyWarning } from '../penalties';
import type {
  Channel,
  Client,
  CompanyProfile,
  Invoice,
  IsoDate,
  Language,
  LedgerEvent,
  RateTable,
  Scenario,
  Settings,
  Step,
} from '../schemas';
import type { SmsMeasure, TemplateOverrides, TemplateSet } from '../templates';

export interface DraftInvoice {
  invoice: Invoice;
  /** From the engine: what is still owed (payments logged as events included). */
  status: Pick<InvoiceStatus, 'outstandingCents'>;
}

export interface DraftInput {
  client: Client;
  /** The invoices of the action, reminded together. */
  invoices: readonly DraftInvoice[];
  step: Step;
  /** The action's channel (usually the step's). */
  channel: Channel;
  company: CompanyProfile;
  settings: Settings;
  rates: RateTable;
  /** The client's history: earlier reminders, payments, a formal notice already sent. */
  events: readonly LedgerEvent[];
  /** Defaults to the client's language. */
  language?: Language;
  today: IsoDate;
  /** When replying in a thread: the reply keeps "Re: <subject>" so it stays in the thread. */
  threadSubject?: string;
  /** The user's edited templates; the rest comes from `templateSet`. */
  templates?: TemplateOverrides;
  /** Defaults to the built-in templates. */
  templateSet?: TemplateSet;
  /** The client's scenario: its formal-notice steps start consumer interest. Defaults are always known. */
  scenario?: Scenario;
}

/** Codes, not sentences: the UI translates them. */
export type DraftWarning =
  | PenaltyWarning
  /** The words "mise en demeure" / "formal notice" in a step that is not the formal notice. */
  | 'formal_notice_wording'
  /** Even the compact form of the SMS does not fit one message. */
  | 'sms_too_long'
  /** No email address, phone number or postal address to send to. */
  | 'no_recipient'
  /** The invoices are in several currencies: totals are in the first one's. */
  | 'mixed_currencies';

export interface DraftLine {
  invoiceId: string;
  number: string;
  outstandingCents: number;
  daysLate: number;
  penalties: PenaltyResult;
}

export interface DraftTotals {
  outstandingCents: number;
  interestCents: number;
  indemnityCents: number;
  penaltiesCents: number;
  currency: string;
}

interface DraftBase {
  language: Language;
  /** The template actually used (the step's, or its tone's default). */
  templateId: string;
  lines: DraftLine[];
  totals: DraftTotals;
  warnings: DraftWarning[];
}

export interface DraftAttachment {
  invoiceId: string;
  /** Key of the PDF in the attachment store (`invoice.pdfRef`). */
  pdfRef: string;
  name: string;
}

export interface EmailDraft extends DraftBase {
  channel: 'email';
  subject: string;
  html: string;
  text: string;
  to: string[];
  attachments: DraftAttachment[];
}

export interface SmsDraft extends DraftBase {
  channel: 'sms';
  text: string;
  /** The contact's phone; empty when unknown. */
  to: string;
  measure: SmsMeasure;
}

export interface LetterDraft extends DraftBase {
  channel: 'letter';
  title: string;
  /** e.g. "Lettre recommandée avec accusé de réception"; may be empty. */
  mention: string;
  sender: string[];
  recipient: string[];
  dateLine: string;
  subject: string;
  paragraphs: string[];
  /** Footer: the company's legal mentions. */
  footer: string;
  html: string;
  text: string;
}

export interface CallSection {
  title: string;
  items: string[];
}

export interface CallDraft extends DraftBase {
  channel: 'phone';
  title: string;
  sections: CallSection[];
  html: string;
  text: string;
}

export type Draft = EmailDraft | SmsDraft | LetterDraft | CallDraft;
