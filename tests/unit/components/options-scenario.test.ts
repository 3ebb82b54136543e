import { describe, expect, it } from 'vitest';
import {
  appendStep,
  moveStep,
  previewDates,
  scenarioInForce,
} from '../../../components/options/scenario-model';
import { defaultScenarios } from '../../../lib/domain/scenarios';
import { scenarioSchema } from '../../../lib/domain/schemas';

const business = defaultScenarios.business.steps;

describe('scenario preview', () => {
  it('shifts each step to the next business day (due on a Saturday)', () => {
    const dates = previewDates(business, '2026-11-05', '2026-12-05').map((entry) => [
      entry.step.id,
      entry.date,
      entry.dropped,
    ]);
    expect(dates).toEqual([
      ['b-heads-up', '2026-12-02', false],
      ['b-friendly', '2026-12-07', false],
      ['b-call', '2026-12-14', false], // Sunday 13 → Monday 14
      ['b-firm', '2026-12-21', false], // Sunday 20 → Monday 21
      ['b-last-warning', '2026-12-28', false], // Sunday 27 → Monday 28
      ['b-formal-notice', '2027-01-04', false],
    ]);
  });

  it('skips public holidays: Christmas and New Year', () => {
    const dates = previewDates(business, '2026-11-23', '2026-12-23').map((entry) => entry.date);
    expect(dates[1]).toBe('2026-12-28'); // 25 December is a Friday holiday
    const newYear = previewDates([{ ...business[1]!, offsetDays: 0 }], '2026-12-01', '2027-01-01');
    expect(newYear[0]!.date).toBe('2027-01-04');
  });

  it('drops a heads-up that would come before the issue date or after the due date', () => {
    expect(previewDates(business, '2026-12-04', '2026-12-05')[0]!.dropped).toBe(true);
    // Due Monday 2026-12-07: the heads-up on Friday 4 stays. Due on Whit Monday 2026-05-25, a heads-up the
    // day before (a Sunday) would land on Tuesday 26, after the due date.
    expect(previewDates(business, '2026-11-01', '2026-12-07')[0]).toMatchObject({
      date: '2026-12-04',
      dropped: false,
    });
    expect(previewDates([{ ...business[0]!, offsetDays: -1 }], '2026-04-01', '2026-05-25')[0]).toMatchObject({
      nominal: '2026-05-24',
      date: '2026-05-26',
      dropped: true,
    });
  });
});

describe('scenario editing', () => {
  it('moves a step while the days stay in order', () => {
    const moved = moveStep(business, 2, -1);
    expect(moved.map((step) => step.id).slice(0, 4)).toEqual([
      'b-heads-up',
      'b-call',
      'b-friendly',
      'b-firm',
    ]);
    expect(moved.map((step) => step.offsetDays)).toEqual(business.map((step) => step.offsetDays));
    expect(scenarioSchema.safeParse({ ...defaultScenarios.business, steps: moved }).success).toBe(true);
    expect(moveStep(business, 0, -1)).toEqual(business);
  });

  it('appends a valid step a week after the last', () => {
    const steps = appendStep(business, 'b-new');
    expect(steps.at(-1)).toMatchObject({ id: 'b-new', offsetDays: 37, channel: 'email' });
    expect(scenarioSchema.safeParse({ ...defaultScenarios.business, steps }).success).toBe(true);
  });

  it('uses the user scenario marked for the segment, else the default', () => {
    expect(scenarioInForce([], 'public')).toEqual({ scenario: defaultScenarios.public, custom: false });
    const own = { ...defaultScenarios.public, id: 'mine', segment: 'public' as const };
    expect(scenarioInForce([own], 'public')).toEqual({ scenario: own, custom: true });
    expect(scenarioInForce([own], 'business').custom).toBe(false);
  });
});
