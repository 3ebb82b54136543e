import { enTemplates } from './defaults-en';
import { frTemplates } from './defaults-fr';
import type { TemplateSet } from './set';

export { measureSms, toGsmFriendly, SMS_GSM_LIMIT, SMS_UCS2_LIMIT, type SmsMeasure } from './gsm';
export {
  escapeHtml,
  renderTemplate,
  renderText,
  tidyText,
  TemplateError,
  type LinkValue,
  type Rendered,
  type Scope,
  type ScopeValue,
  type TableValue,
} from './render';
export {
  resolveTemplate,
  templateIds,
  templateOfTone,
  templateOverridesSchema,
  validateOverrides,
  type CallTemplate,
  type ChannelTemplates,
  type EmailTemplate,
  type LanguageTemplates,
  type LetterTemplate,
  type OverrideIssue,
  type SmsTemplate,
  type TemplateId,
  type TemplateOverrides,
  type TemplateSet,
  type TemplateWords,
} from './set';
export { parseTemplate, templateIssueCodes, type TemplateIssue, type TemplateIssueCode } from './syntax';
export {
  invoiceFields,
  lookupSpec,
  templateVariables,
  validateTemplate,
  type VariableSpec,
} from './variables';

/** The built-in French and English templates, for every template id and every channel. */
export const defaultTemplates: TemplateSet = { fr: frTemplates, en: enTemplates };
