import { useMemo, useState } from 'preact/hooks';
import {
  channelSchema,
  type Channel,
  type IsoDate,
  type Language,
  type Ledger,
} from '../../lib/domain/schemas';
import {
  templateIds,
  validateTemplate,
  type TemplateIssue,
  type TemplateOverrides,
} from '../../lib/domain/templates';
import type { Formatter, Translate } from './format';
import { currentTemplate, previewDraft, templateFields, variableList, withField } from './template-model';

export interface TemplatesViewProps {
  fmt: Formatter;
  ledger: Ledger;
  today: IsoDate;
  overrides: TemplateOverrides;
  save: (overrides: TemplateOverrides) => Promise<void>;
}

function issueText(t: Translate, issue: TemplateIssue): string {
  return t('options.templates.issueAt', {
    line: issue.line,
    column: issue.column,
    reason: t(`options.templates.issue.${issue.code}`, { tag: issue.tag, variable: issue.variable ?? '' }),
  });
}

/** The words of every step, per language and channel: edited, checked as typed, previewed on a sample case. */
export function TemplatesView({ fmt, ledger, today, overrides: saved, save }: TemplatesViewProps) {
  const { t } = fmt;
  const [overrides, setOverrides] = useState<TemplateOverrides>(saved);
  const [language, setLanguage] = useState<Language>(ledger.settings.language);
  const [templateId, setTemplateId] = useState<string>('friendly');
  const [channel, setChannel] = useState<Channel>('email');
  const [notice, setNotice] = useState('');

  const ids = useMemo(() => {
    const own = ledger.scenarios.flatMap((scenario) => scenario.steps.map((step) => step.templateId));
    return [...new Set<string>([...templateIds, ...own])];
  }, [ledger.scenarios]);
  const template = currentTemplate(overrides, language, templateId, channel);
  const fields = templateFields[channel];
  const issues = Object.fromEntries(fields.map((field) => [field, validateTemplate(template[field] ?? '')]));
  const valid = fields.every((field) => issues[field]!.length === 0);
  const draft = useMemo(
    () => (valid ? previewDraft(ledger, overrides, language, templateId, channel, today) : undefined),
    [valid, ledger, overrides, language, templateId, channel, today],
  );
  const variables = useMemo(() => variableList(), []);

  const onSave = async () => {
    const problems = Object.values(issues).flat().length;
    if (problems > 0) {
      setNotice(t('options.templates.fixFirst'));
      return;
    }
    try {
      await save(overrides);
      setNotice(t('options.templates.saved'));
    } catch (error) {
      setNotice(
        t('options.settings.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const select = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: [string, string][],
  ) => (
    <div class="ro-field ro-inline">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div class="ro-templates">
      <section class="ro-card" aria-labelledby="templates-title">
        <h2 id="templates-title" class="ro-visually-hidden">
          {t('options.section.templates')}
        </h2>
        <div class="ro-toolbar">
          {select(
            'template-id',
            t('options.templates.template'),
            templateId,
            setTemplateId,
            ids.map((id) => [id, id]),
          )}
          {select(
            'template-channel',
            t('options.scenario.channel'),
            channel,
            (value) => setChannel(value as Channel),
            channelSchema.options.map((option) => [option, t(`channel.${option}`)]),
          )}
          {select(
            'template-language',
            t('options.settings.language'),
            language,
            (value) => setLanguage(value as Language),
            [
              ['fr', 'Français'],
              ['en', 'English'],
            ],
          )}
        </div>
        {fields.map((field) => {
          const id = `template-${field}`;
          const fieldIssues = issues[field]!;
          return (
            <div key={field} class={`ro-field${fieldIssues.length ? ' ro-invalid' : ''}`}>
              <label for={id}>{t(`options.templates.field.${field}`)}</label>
              <textarea
                id={id}
                rows={field === 'body' ? 12 : 2}
                class="ro-code"
                value={template[field] ?? ''}
                aria-invalid={fieldIssues.length > 0}
                aria-describedby={fieldIssues.length ? `${id}-issues` : undefined}
                onInput={(event) =>
                  setOverrides(
                    withField(
                      overrides,
                      language,
                      templateId,
                      channel,
                      field,
                      (event.currentTarget as HTMLTextAreaElement).value,
                    ),
                  )
                }
              />
              {fieldIssues.length > 0 && (
                <ul class="ro-error" id={`${id}-issues`} data-testid={`${id}-issues`}>
                  {fieldIssues.map((issue, index) => (
                    <li key={index}>{issueText(t, issue)}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
        <div class="ro-actions">
          <button type="button" class="ro-primary" onClick={() => void onSave()}>
            {t('options.templates.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              let next = overrides;
              for (const field of fields)
                next = withField(
                  next,
                  language,
                  templateId,
                  channel,
                  field,
                  currentTemplate({}, language, templateId, channel)[field] ?? '',
                );
              setOverrides(next);
            }}
          >
            {t('options.templates.reset')}
          </button>
          <span role="status" class="ro-notice">
            {notice}
          </span>
        </div>
      </section>

      <section class="ro-card" aria-labelledby="template-preview-title">
        <h2 id="template-preview-title">{t('options.templates.preview')}</h2>
        <p class="ro-muted">{t('options.templates.previewHelp')}</p>
        {draft ? (
          <div class="ro-draft" data-testid="template-preview">
            {'subject' in draft && draft.subject && (
              <p>
                <strong>{t('options.templates.field.subject')} :</strong> {draft.subject}
              </p>
            )}
            <pre>{draft.text}</pre>
            {draft.channel === 'sms' && (
              <p class="ro-muted ro-small">
                {t('options.templates.smsLength', {
                  length: draft.measure.length,
                  limit: draft.measure.limit,
                })}
              </p>
            )}
            {draft.warnings.includes('formal_notice_wording') && (
              <p class="ro-error">{t('options.templates.formalWording')}</p>
            )}
          </div>
        ) : (
          <p class="ro-muted">{t('options.templates.noPreview')}</p>
        )}
      </section>

      <details class="ro-card">
        <summary>{t('options.templates.variables')}</summary>
        <p class="ro-muted">{t('options.templates.variablesHelp')}</p>
        <ul class="ro-variables">
          {variables.map((variable) => (
            <li key={variable.name}>
              <code>
                {variable.kind === 'list'
                  ? `{{#each ${variable.name}}}…{{/each}}`
                  : variable.kind === 'flag'
                    ? `{{#if ${variable.name}}}…{{/if}}`
                    : `{{${variable.name}}}`}
              </code>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
