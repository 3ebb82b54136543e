import { useEffect, useMemo, useState } from 'preact/hooks';
import { addDays } from '../../lib/domain/calendar';
import { defaultScenarios } from '../../lib/domain/scenarios';
import {
  channelSchema,
  isoDateSchema,
  scenarioSchema,
  segmentSchema,
  toneSchema,
  type IsoDate,
  type Scenario,
  type Segment,
  type Step,
} from '../../lib/domain/schemas';
import type { LedgerRepository } from '../../lib/store/repository';
import type { NewId } from './bulk-actions';
import type { Formatter } from './format';
import { appendStep, customScenarioId, moveStep, previewDates, scenarioInForce } from './scenario-model';
import { ScenarioTimeline } from './ScenarioTimeline';

export interface ScenarioViewProps {
  fmt: Formatter;
  repo: LedgerRepository;
  scenarios: readonly Scenario[];
  today: IsoDate;
  newId: NewId;
}

type Errors = { steps: Record<number, string>; general?: string };

export function ScenarioView({ fmt, repo, scenarios, today, newId }: ScenarioViewProps) {
  const { t } = fmt;
  const [segment, setSegment] = useState<Segment>('business');
  const inForce = useMemo(() => scenarioInForce(scenarios, segment), [scenarios, segment]);
  const [steps, setSteps] = useState<Step[]>(inForce.scenario.steps);
  const [errors, setErrors] = useState<Errors>({ steps: {} });
  const [notice, setNotice] = useState('');
  const [dueDate, setDueDate] = useState<string>(() => addDays(today, 10));
  const [issueDate, setIssueDate] = useState<string>(() => addDays(today, -20));

  useEffect(() => {
    setSteps(inForce.scenario.steps);
    setErrors({ steps: {} });
  }, [inForce]);

  const update = (index: number, patch: Partial<Step>) =>
    setSteps((previous) => previous.map((step, i) => (i === index ? { ...step, ...patch } : step)));

  const save = async (chosen: Step[]) => {
    const candidate = {
      id: inForce.custom ? inForce.scenario.id : customScenarioId(segment),
      name: inForce.custom ? inForce.scenario.name : defaultScenarios[segment].name,
      segment,
      steps: chosen,
    };
    const parsed = scenarioSchema.safeParse(candidate);
    if (!parsed.success) {
      const next: Errors = { steps: {} };
      for (const issue of parsed.error.issues) {
        const [, index] = issue.path;
        if (issue.path[0] === 'steps' && typeof index === 'number')
          next.steps[index] = t('options.scenario.stepInvalid');
        else if (issue.message.includes('order')) next.general = t('options.scenario.order');
        else next.general = t('options.scenario.invalid');
      }
      setErrors(next);
      setNotice('');
      return;
    }
    setErrors({ steps: {} });
    try {
      await repo.saveScenario(parsed.data);
      setNotice(t('options.scenario.saved'));
    } catch (error) {
      setNotice(
        t('options.settings.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const validDates = isoDateSchema.safeParse(dueDate).success && isoDateSchema.safeParse(issueDate).success;
  const preview = validDates ? previewDates(steps, issueDate, dueDate) : [];

  return (
    <div class="ro-scenarios">
      <div class="ro-card">
        <div class="ro-toolbar">
          <div class="ro-field ro-inline">
            <label for="scenario-segment">{t('options.scenario.segment')}</label>
            <select
              id="scenario-segment"
              value={segment}
              data-testid="scenario-segment"
              onChange={(event) => setSegment((event.currentTarget as HTMLSelectElement).value as Segment)}
            >
              {segmentSchema.options.map((option) => (
                <option key={option} value={option}>
                  {t(`segment.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <span class="ro-muted">
            {inForce.custom ? t('options.scenario.custom') : t('options.scenario.builtIn')}
          </span>
        </div>

        <ScenarioTimeline fmt={fmt} steps={steps} />

        <table class="ro-steps" data-testid="scenario-steps">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('options.scenario.offset')}</th>
              <th scope="col">{t('options.scenario.channel')}</th>
              <th scope="col">{t('options.scenario.tone')}</th>
              <th scope="col">{t('options.scenario.template')}</th>
              <th scope="col">
                <span class="ro-visually-hidden">{t('options.scenario.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step, index) => {
              const label = t('options.scenario.stepLabel', { index: index + 1 });
              return (
                <tr key={`${step.id}-${index}`} class={errors.steps[index] ? 'ro-invalid' : undefined}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <input
                      type="number"
                      min={-60}
                      max={365}
                      value={step.offsetDays}
                      aria-label={`${label} – ${t('options.scenario.offset')}`}
                      onInput={(event) =>
                        update(index, { offsetDays: Number((event.currentTarget as HTMLInputElement).value) })
                      }
                    />
                    {errors.steps[index] && <span class="ro-error">{errors.steps[index]}</span>}
                  </td>
                  <td>
                    <select
                      value={step.channel}
                      aria-label={`${label} – ${t('options.scenario.channel')}`}
                      onChange={(event) =>
                        update(index, {
                          channel: (event.currentTarget as HTMLSelectElement).value as Step['channel'],
                        })
                      }
                    >
                      {channelSchema.options.map((channel) => (
                        <option key={channel} value={channel}>
                          {t(`channel.${channel}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      value={step.tone}
                      aria-label={`${label} – ${t('options.scenario.tone')}`}
                      onChange={(event) =>
                        update(index, {
                          tone: (event.currentTarget as HTMLSelectElement).value as Step['tone'],
                        })
                      }
                    >
                      {toneSchema.options.map((tone) => (
                        <option key={tone} value={tone}>
                          {t(`tone.${tone}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="text"
                      value={step.templateId}
                      aria-label={`${label} – ${t('options.scenario.template')}`}
                      onInput={(event) =>
                        update(index, { templateId: (event.currentTarget as HTMLInputElement).value })
                      }
                    />
                  </td>
                  <td class="ro-row-actions">
                    <button
                      type="button"
                      aria-label={t('options.scenario.up', { index: index + 1 })}
                      disabled={index === 0}
                      onClick={() => setSteps(moveStep(steps, index, -1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={t('options.scenario.down', { index: index + 1 })}
                      disabled={index === steps.length - 1}
                      onClick={() => setSteps(moveStep(steps, index, 1))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={t('options.scenario.remove', { index: index + 1 })}
                      disabled={steps.length === 1}
                      onClick={() => setSteps(steps.filter((_, i) => i !== index))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {errors.general && (
          <p class="ro-error" role="alert">
            {errors.general}
          </p>
        )}
        <div class="ro-actions">
          <button type="button" onClick={() => setSteps(appendStep(steps, `${segment}-${newId()}`))}>
            {t('options.scenario.add')}
          </button>
          <button type="button" class="ro-primary" onClick={() => void save(steps)}>
            {t('options.scenario.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setSteps(defaultScenarios[segment].steps);
              if (inForce.custom)
                void repo.deleteScenario(inForce.scenario.id).then(
                  () => setNotice(t('options.scenario.saved')),
                  (error: unknown) => setNotice(t('options.settings.failed', { reason: String(error) })),
                );
            }}
          >
            {t('options.scenario.reset')}
          </button>
          <span role="status" class="ro-notice">
            {notice}
          </span>
        </div>
      </div>

      <div class="ro-card" aria-labelledby="preview-title">
        <h2 id="preview-title">{t('options.scenario.preview')}</h2>
        <div class="ro-toolbar">
          <label class="ro-field ro-inline">
            <span>{t('options.scenario.issueDate')}</span>
            <input
              type="date"
              value={issueDate}
              data-testid="preview-issue"
              onInput={(event) => setIssueDate((event.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label class="ro-field ro-inline">
            <span>{t('options.scenario.dueDate')}</span>
            <input
              type="date"
              value={dueDate}
              data-testid="preview-due"
              onInput={(event) => setDueDate((event.currentTarget as HTMLInputElement).value)}
            />
          </label>
        </div>
        {!validDates ? (
          <p class="ro-error">{t('options.scenario.previewDates')}</p>
        ) : (
          <table class="ro-preview" data-testid="scenario-preview">
            <thead>
              <tr>
                <th scope="col">{t('options.scenario.step')}</th>
                <th scope="col">{t('options.scenario.offset')}</th>
                <th scope="col">{t('options.scenario.date')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((entry) => (
                <tr key={entry.step.id} data-step={entry.step.id} data-date={entry.dropped ? '' : entry.date}>
                  <td>
                    {t(`channel.${entry.step.channel}`)} · {t(`tone.${entry.step.tone}`)}
                  </td>
                  <td>{`J${entry.step.offsetDays >= 0 ? '+' : ''}${entry.step.offsetDays}`}</td>
                  <td>
                    {entry.dropped ? (
                      <span class="ro-muted">{t('options.scenario.dropped')}</span>
                    ) : (
                      <>
                        <time dateTime={entry.date}>{fmt.longDate(entry.date)}</time>
                        {entry.date !== entry.nominal && (
                          <span class="ro-muted ro-small">
                            {' '}
                            {t('options.scenario.shifted', { date: fmt.longDate(entry.nominal) })}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
