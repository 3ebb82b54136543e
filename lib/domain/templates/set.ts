import { z } from 'zod';
import type { Channel, Language, Tone } from '../schemas';
import type { TemplateIssue } from './syntax';
import { validateTemplate } from './variables';

/** The template ids of the default scenarios (lib/domain/scenarios.ts). */
export const templateIds = ['heads-up', 'friendly', 'call', 'firm', 'last-warning', 'formal-notice'] as const;
export type TemplateId = (typeof templateIds)[number];

/** The template a step falls back to when its templateId is not in the set. */
export const templateOfTone: Readonly<Record<Tone, TemplateId>> = {
  courteous: 'heads-up',
  friendly: 'friendly',
  firm: 'firm',
  last_warning: 'last-warning',
  formal_notice: 'formal-notice',
};

export interface EmailTemplate {
  subject: string;
  body: string;
}
export interface SmsTemplate {
  body: string;
}
export interface LetterTemplate {
  /** The document's title, e.g. "Mise en demeure de payer". */
  title: string;
  /** Above the recipient, e.g. "Lettre recommandée avec accusé de réception"; may be empty. */
  mention: string;
  /** The "Objet :" line. */
  subject: string;
  body: string;
}
/** A call sheet: `## Title` starts a section, `- ` starts an item. */
export interface CallTemplate {
  body: string;
}
export interface ChannelTemplates {
  email: EmailTemplate;
  sms: SmsTemplate;
  letter: LetterTemplate;
  phone: CallTemplate;
}

/** Words the drafting code puts around values (table headers, civilities, legal labels). */
export interface TemplateWords {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: string;
  outstanding: string;
  daysLate: string;
  interest: string;
  indemnity: string;
  totalDue: string;
  total: string;
  /** Between a label and its value, e.g. " : " in French, ": " in English. */
  labelSeparator: string;
  /** `{n}` is replaced by the count. */
  day: string;
  days: string;
  andMore: string;
  madam: string;
  sir: string;
  /** Letter opening and closing when the contact's civility is unknown. */
  madamSir: string;
  /** `{name}` is replaced, e.g. "Bonjour {name}," */
  hello: string;
  helloNoName: string;
  /** `{name}` is replaced, e.g. "Madame," for letters. */
  letterHello: string;
  letterHelloNoName: string;
  attention: string;
  shareCapital: string;
  siren: string;
  vat: string;
  /** The letter's date line, `{date}` replaced. */
  dateLine: string;
  /** Prefix of a letter's subject line. */
  subjectPrefix: string;
}

export interface LanguageTemplates {
  words: TemplateWords;
  templates: Readonly<Record<string, ChannelTemplates>>;
}
export type TemplateSet = Readonly<Record<Language, LanguageTemplates>>;

/**
 * The user's edits, stored as data (e.g. in settings): any field of any template of any
 * language; what is not given comes from the defaults. New ids are allowed for custom steps.
 */
const text = z.string().max(20_000);
const channelOverridesSchema = z
  .object({
    email: z.object({ subject: text, body: text }).partial(),
    sms: z.object({ body: text }).partial(),
    letter: z.object({ title: text, mention: text, subject: text, body: text }).partial(),
    phone: z.object({ body: text }).partial(),
  })
  .partial();
export const templateOverridesSchema = z
  .object({
    fr: z.record(z.string().min(1).max(200), channelOverridesSchema),
    en: z.record(z.string().min(1).max(200), channelOverridesSchema),
  })
  .partial();
export type TemplateOverrides = z.infer<typeof templateOverridesSchema>;

/**
 * The template for a step: the user's override of each field, else the default of the template
 * id, else the default of the step's tone (a custom step id).
 */
export function resolveTemplate<C extends Channel>(
  set: TemplateSet,
  language: Language,
  templateId: string,
  tone: Tone,
  channel: C,
  overrides?: TemplateOverrides,
): ChannelTemplates[C] {
  const templates = set[language].templates;
  const base = (templates[templateId] ?? templates[templateOfTone[tone]])![channel];
  const own = overrides?.[language]?.[templateId]?.[channel];
  return { ...base, ...own } as ChannelTemplates[C];
}

export interface OverrideIssue extends TemplateIssue {
  language: Language;
  templateId: string;
  channel: Channel;
  field: string;
}

/** Every issue of every edited field, for the editor to show before saving. */
export function validateOverrides(overrides: TemplateOverrides): OverrideIssue[] {
  const found: OverrideIssue[] = [];
  for (const language of ['fr', 'en'] as const) {
    for (const [templateId, channels] of Object.entries(overrides[language] ?? {})) {
      for (const [channel, fields] of Object.entries(channels) as [Channel, Record<string, string>][]) {
        for (const [field, value] of Object.entries(fields ?? {})) {
          for (const issue of validateTemplate(value))
            found.push({ ...issue, language, templateId, channel, field });
        }
      }
    }
  }
  return found;
}
