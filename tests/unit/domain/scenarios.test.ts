import { describe, expect, it } from 'vitest';
import {
  defaultScenarioList,
  defaultScenarios,
  scenarioFor,
  scenarioResolver,
} from '../../../lib/domain/scenarios';
import { scenarioSchema, toneSchema, type Scenario, type Segment } from '../../../lib/domain/schemas';

const segments: Segment[] = ['business', 'consumer', 'public', 'key_account'];
const toneRank = (tone: string) => toneSchema.options.indexOf(tone as never);

describe('default scenarios', () => {
  it.each(segments)('%s: a valid scenario, the default of its segment', (segment) => {
    const scenario = defaultScenarios[segment];
    expect(scenarioSchema.parse(scenario)).toEqual(scenario);
    expect(scenario.segment).toBe(segment);
  });

  it.each(segments)('%s: opens with a courteous heads-up by email before the due date', (segment) => {
    const [first] = defaultScenarios[segment].steps;
    expect(first).toMatchObject({ tone: 'courteous', channel: 'email', templateId: 'heads-up' });
    expect(first!.offsetDays).toBeLessThan(0);
    expect(defaultScenarios[segment].steps.filter((step) => step.offsetDays < 0)).toHaveLength(1);
  });

  it.each(segments)('%s: grows firmer step by step and ends with the formal notice, by letter', (segment) => {
    const { steps } = defaultScenarios[segment];
    const tones = steps.map((step) => toneRank(step.tone));
    expect(tones).toEqual([...tones].sort((a, b) => a - b));
    expect(steps.filter((step) => step.tone === 'formal_notice')).toEqual([steps[steps.length - 1]]);
    expect(steps[steps.length - 1]).toMatchObject({ channel: 'letter', templateId: 'formal-notice' });
    // Alternating channels: never the same channel three times in a row.
    steps.slice(2).forEach((step, i) => {
      expect([steps[i]!.channel, steps[i + 1]!.channel, step.channel].every((c) => c === step.channel)).toBe(
        false,
      );
    });
  });

  it('business follows the typical plan: -3, +2, +8 call, +15, +22, +30 formal notice', () => {
    expect(defaultScenarios.business.steps.map((step) => [step.offsetDays, step.channel, step.tone])).toEqual(
      [
        [-3, 'email', 'courteous'],
        [2, 'email', 'friendly'],
        [8, 'phone', 'friendly'],
        [15, 'email', 'firm'],
        [22, 'sms', 'last_warning'],
        [30, 'letter', 'formal_notice'],
      ],
    );
  });

  it('consumers: no SMS, and at least ten days between the steps after the due date', () => {
    const after = defaultScenarios.consumer.steps.filter((step) => step.offsetDays > 0);
    expect(after.map((step) => step.channel)).not.toContain('sms');
    after
      .slice(1)
      .forEach((step, i) => expect(step.offsetDays - after[i]!.offsetDays).toBeGreaterThanOrEqual(10));
  });

  it('public buyers: an earlier heads-up and a longer road to the formal notice than businesses', () => {
    const [heads] = defaultScenarios.public.steps;
    expect(heads!.offsetDays).toBeLessThan(defaultScenarios.business.steps[0]!.offsetDays);
    const last = (s: Scenario) => s.steps[s.steps.length - 1]!.offsetDays;
    expect(last(defaultScenarios.public)).toBeGreaterThan(last(defaultScenarios.business));
  });

  it('key accounts: a person calls first after the due date', () => {
    const firstAfter = defaultScenarios.key_account.steps.find((step) => step.offsetDays > 0);
    expect(firstAfter?.channel).toBe('phone');
  });

  it('step ids are unique across every default scenario (the history refers to them)', () => {
    const ids = defaultScenarioList.flatMap((scenario) => scenario.steps.map((step) => step.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(defaultScenarioList.map((scenario) => scenario.id).sort()).toEqual([
      'default-business',
      'default-consumer',
      'default-key-account',
      'default-public',
    ]);
  });
});

describe('which scenario a client follows', () => {
  const mine = (id: string, segment?: Segment): Scenario => ({
    id,
    name: id,
    ...(segment ? { segment } : {}),
    steps: [{ id: `${id}-1`, offsetDays: 5, channel: 'email', tone: 'friendly', templateId: 'friendly' }],
  });
  const gentle = mine('gentle');
  const consumerOwn = mine('my-consumers', 'consumer');
  const consumerLater = mine('my-consumers-2', 'consumer');
  const businessOverride = { ...mine('default-business'), name: 'Mes entreprises' };

  it.each([
    ['its own scenario', { segment: 'business', scenarioId: 'gentle' }, [gentle], 'gentle'],
    [
      'a default picked by id',
      { segment: 'business', scenarioId: 'default-consumer' },
      [],
      'default-consumer',
    ],
    ["its segment's default", { segment: 'public' }, [gentle], 'default-public'],
    [
      'the default of its segment when its scenario was deleted',
      { segment: 'key_account', scenarioId: 'gone' },
      [],
      'default-key-account',
    ],
    [
      "the user's scenario marked for its segment",
      { segment: 'consumer' },
      [gentle, consumerOwn],
      'my-consumers',
    ],
    [
      'the first one marked for its segment',
      { segment: 'consumer' },
      [consumerOwn, consumerLater],
      'my-consumers',
    ],
    [
      'its own scenario before the one of its segment',
      { segment: 'consumer', scenarioId: 'gentle' },
      [consumerOwn, gentle],
      'gentle',
    ],
  ] as const)('%s', (_, client, scenarios, expected) => {
    expect(scenarioFor(client, scenarios).id).toBe(expected);
  });

  it("a scenario of the user's with a default's id is that default, edited", () => {
    const resolve = scenarioResolver([businessOverride]);
    expect(resolve({ segment: 'consumer', scenarioId: 'default-business' })).toBe(businessOverride);
    expect(resolve({ segment: 'business' })).toBe(businessOverride);
    expect(resolve({ segment: 'consumer' })).toBe(defaultScenarios.consumer);
    // A scenario marked for the segment still comes first.
    expect(scenarioResolver([businessOverride, mine('mine', 'business')])({ segment: 'business' }).id).toBe(
      'mine',
    );
  });
});
