import { addDays, nextBusinessDay } from '../../lib/domain/calendar';
import { defaultScenarios } from '../../lib/domain/scenarios';
import type { IsoDate, Scenario, Segment, Step } from '../../lib/domain/schemas';

/**
 * The scenario a segment follows: the first of the user's marked for it (the engine's rule, see
 * `scenarioResolver`), else the built-in default.
 */
export function scenarioInForce(
  ledgerScenarios: readonly Scenario[],
  segment: Segment,
): { scenario: Scenario; custom: boolean } {
  const own = ledgerScenarios.find((scenario) => scenario.segment === segment);
  return own ? { scenario: own, custom: true } : { scenario: defaultScenarios[segment], custom: false };
}

/** The id the user's version of a segment's scenario is saved under when it has none yet. */
export function customScenarioId(segment: Segment): string {
  return `custom-${segment}`;
}

export interface PreviewDate {
  step: Step;
  /** Due date plus the step's offset. */
  nominal: IsoDate;
  /** The first business day from the nominal date (weekends and French public holidays skipped). */
  date: IsoDate;
  /** A heads-up that cannot come before the due date, or before the issue date, is dropped (the engine's rule). */
  dropped: boolean;
}

/** The dates a new invoice with no history would get for each step. */
export function previewDates(steps: readonly Step[], issueDate: IsoDate, dueDate: IsoDate): PreviewDate[] {
  return steps.map((step) => {
    const nominal = addDays(dueDate, step.offsetDays);
    const date = nextBusinessDay(nominal);
    const dropped = step.offsetDays < 0 && (nominal < issueDate || date > dueDate);
    return { step, nominal, date, dropped };
  });
}

/**
 * Moves a step up or down. The days stay with their places, the actions move: steps stay in
 * day order, which the scenario schema requires.
 */
export function moveStep(steps: readonly Step[], index: number, delta: -1 | 1): Step[] {
  const other = index + delta;
  if (other < 0 || other >= steps.length) return [...steps];
  const next = [...steps];
  next[index] = { ...steps[other]!, offsetDays: steps[index]!.offsetDays };
  next[other] = { ...steps[index]!, offsetDays: steps[other]!.offsetDays };
  return next;
}

/** A new step a week after the last one, an email by default. */
export function appendStep(steps: readonly Step[], id: string): Step[] {
  const last = steps.at(-1);
  return [
    ...steps,
    {
      id,
      offsetDays: Math.min(365, (last?.offsetDays ?? 0) + 7),
      channel: 'email',
      tone: last?.tone ?? 'friendly',
      templateId: last?.templateId ?? 'friendly',
    },
  ];
}
