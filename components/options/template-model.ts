import { demoLedger } from '../../lib/demo/sample-ledger';
import { composeDraft, type Draft } from '../../lib/domain/drafting';
import { planActions } from '../../lib/domain/engine';
import { defaultScenarios } from '../../lib/domain/scenarios';
import type {
  Channel,
  CompanyProfile,
  IsoDate,
  Language,
  RateTable,
  Settings,
  Step,
} from '../../lib/domain/schemas';
import {
  defaultTemplates,
  resolveTemplate,
  templateVariables,
  type TemplateOverrides,
  type VariableSpec,
} from '../../lib/domain/templates';

/** The editable fields of each channel's template, in the order they read. */
export const templateFields = {
  email: ['subject', 'body'],
  sms: ['body'],
  letter: ['title', 'mention', 'subject', 'body'],
  phone: ['body'],
} as const satisfies Record<Channel, readonly string[]>;
export type TemplateField<C extends Channel> = (typeof templateFields)[C][number];

export interface VariableEntry {
  name: string;
  kind: 'text' | 'flag' | 'link' | 'table' | 'list';
}

/** Every name a template may use, dotted (`client.name`), lists marked for `{{#each}}`. */
export function variableList(
  spec: Readonly<Record<string, VariableSpec>> = templateVariables,
  prefix = '',
): VariableEntry[] {
  const entries: VariableEntry[] = [];
  for (const [key, value] of Object.entries(spec)) {
    const name = `${prefix}${key}`;
    if (typeof value === 'string') entries.push({ name, kind: value });
    else if ('list' in value && typeof value.list === 'object') entries.push({ name, kind: 'list' });
    else entries.push(...variableList(value as Record<string, VariableSpec>, `${name}.`));
  }
  return entries;
}

/** A template as it reads now: the user's edits over the built-in one. */
export function currentTemplate(
  overrides: TemplateOverrides,
  language: Language,
  templateId: string,
  channel: Channel,
): Record<string, string> {
  return { ...resolveTemplate(defaultTemplates, language, templateId, 'friendly', channel, overrides) };
}

/**
 * The overrides with one field set. A field set back to the built-in text is dropped, and so are
 * the emptied levels, so "reset" leaves nothing behind.
 */
export function withField(
  overrides: TemplateOverrides,
  language: Language,
  templateId: string,
  channel: Channel,
  field: string,
  value: string,
): TemplateOverrides {
  const builtIn = currentTemplate({}, language, templateId, channel)[field];
  const languageOverrides = { ...(overrides[language] ?? {}) };
  const channels = { ...(languageOverrides[templateId] ?? {}) } as Record<string, Record<string, string>>;
  const fields = { ...(channels[channel] ?? {}) };
  if (value === builtIn) delete fields[field];
  else fields[field] = value;
  if (Object.keys(fields).length > 0) channels[channel] = fields;
  else delete channels[channel];
  if (Object.keys(channels).length > 0) languageOverrides[templateId] = channels;
  else delete languageOverrides[templateId];
  const next: TemplateOverrides = { ...overrides };
  if (Object.keys(languageOverrides).length > 0) next[language] = languageOverrides;
  else delete next[language];
  return next;
}

/**
 * The template drafted for a sample case from the built-in demo (a garage a month late, with a
 * partial payment), with the user's own company, settings and rates: what a client would read.
 * Undefined while the template does not render (an unclosed tag…): the issues say why.
 */
export function previewDraft(
  input: { company: CompanyProfile; settings: Settings; rates: RateTable },
  overrides: TemplateOverrides,
  language: Language,
  templateId: string,
  channel: Channel,
  today: IsoDate,
): Draft | undefined {
  const demo = demoLedger(today);
  const client = demo.clients.find((entry) => entry.id === 'demo-durand')!;
  const plan = planActions(demo, today);
  const invoices = demo.invoices
    .map((invoice, index) => ({ invoice, status: plan.statuses[index]! }))
    .filter((entry) => entry.invoice.clientId === client.id);
  const scenario = defaultScenarios.business;
  const step: Step = scenario.steps.find((entry) => entry.templateId === templateId) ?? {
    id: 'preview',
    offsetDays: 10,
    channel,
    tone: 'friendly',
    templateId,
  };
  try {
    return composeDraft({
      client,
      invoices,
      step,
      channel,
      company: input.company,
      settings: input.settings,
      rates: input.rates,
      events: demo.events.filter((event) => event.clientId === client.id),
      language,
      today,
      templates: overrides,
      scenario,
    });
  } catch {
    return undefined;
  }
}
