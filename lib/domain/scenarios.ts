import type { Client, Scenario, Segment } from './schemas';

/**
 * The default scenario of each client segment. Every one opens with a courteous heads-up before
 * the due date (often the most effective step), alternates channels (a repeated email stops being
 * read), grows firmer step by step and ends with the formal notice ("mise en demeure") sent by
 * letter, the only step allowed that wording (Code civil 1344). After it comes the hand-over to a
 * third party, which is outside the scenario.
 *
 * Step ids are stable: the history refers to them (`reminder.stepId`), so renaming one would
 * silently forget what was already done. Template ids name a template; the step's channel picks
 * its email, letter, SMS or phone form.
 */

/**
 * Business (B2B): the typical multichannel plan. The firm step at +15 is an email, not a letter:
 * it carries the invoice PDF and costs nothing, and a letter now would blunt the registered letter
 * of the formal notice two weeks later.
 */
const business: Scenario = {
  id: 'default-business',
  name: 'Entreprises',
  segment: 'business',
  steps: [
    { id: 'b-heads-up', offsetDays: -3, channel: 'email', tone: 'courteous', templateId: 'heads-up' },
    { id: 'b-friendly', offsetDays: 2, channel: 'email', tone: 'friendly', templateId: 'friendly' },
    { id: 'b-call', offsetDays: 8, channel: 'phone', tone: 'friendly', templateId: 'call' },
    { id: 'b-firm', offsetDays: 15, channel: 'email', tone: 'firm', templateId: 'firm' },
    {
      id: 'b-last-warning',
      offsetDays: 22,
      channel: 'sms',
      tone: 'last_warning',
      templateId: 'last-warning',
    },
    {
      id: 'b-formal-notice',
      offsetDays: 30,
      channel: 'letter',
      tone: 'formal_notice',
      templateId: 'formal-notice',
    },
  ],
};

/**
 * Consumers (B2C): repeated unwanted solicitation is an aggressive practice, so fewer contacts,
 * at least ten days apart after the due date, and no SMS. The firm letter comes before the formal
 * notice because, for a consumer, interest only runs from the formal notice: it must be deliberate.
 */
const consumer: Scenario = {
  id: 'default-consumer',
  name: 'Particuliers',
  segment: 'consumer',
  steps: [
    { id: 'c-heads-up', offsetDays: -3, channel: 'email', tone: 'courteous', templateId: 'heads-up' },
    { id: 'c-friendly', offsetDays: 5, channel: 'email', tone: 'friendly', templateId: 'friendly' },
    { id: 'c-call', offsetDays: 15, channel: 'phone', tone: 'friendly', templateId: 'call' },
    { id: 'c-firm', offsetDays: 30, channel: 'letter', tone: 'firm', templateId: 'firm' },
    {
      id: 'c-formal-notice',
      offsetDays: 45,
      channel: 'letter',
      tone: 'formal_notice',
      templateId: 'formal-notice',
    },
  ],
};

/**
 * Public buyers pay through slow circuits (30, 50 or 60-day terms, Chorus Pro): an earlier
 * heads-up gives time to check the invoice was received and approved, and the later steps leave
 * room for the accounting officer to pay. The call finds out where the invoice is stuck.
 */
const publicBuyer: Scenario = {
  id: 'default-public',
  name: 'Acheteurs publics',
  segment: 'public',
  steps: [
    { id: 'p-heads-up', offsetDays: -5, channel: 'email', tone: 'courteous', templateId: 'heads-up' },
    { id: 'p-friendly', offsetDays: 5, channel: 'email', tone: 'friendly', templateId: 'friendly' },
    { id: 'p-call', offsetDays: 15, channel: 'phone', tone: 'friendly', templateId: 'call' },
    { id: 'p-firm', offsetDays: 30, channel: 'letter', tone: 'firm', templateId: 'firm' },
    {
      id: 'p-formal-notice',
      offsetDays: 45,
      channel: 'letter',
      tone: 'formal_notice',
      templateId: 'formal-notice',
    },
  ],
};

/**
 * Key accounts: the relationship is worth more than a few days, so a person calls first (the
 * call finds the blocked approval faster than any email), the written steps come later and the
 * last warning is a call too.
 */
const keyAccount: Scenario = {
  id: 'default-key-account',
  name: 'Grands comptes',
  segment: 'key_account',
  steps: [
    { id: 'k-heads-up', offsetDays: -3, channel: 'email', tone: 'courteous', templateId: 'heads-up' },
    { id: 'k-call', offsetDays: 3, channel: 'phone', tone: 'friendly', templateId: 'call' },
    { id: 'k-friendly', offsetDays: 8, channel: 'email', tone: 'friendly', templateId: 'friendly' },
    { id: 'k-firm', offsetDays: 20, channel: 'email', tone: 'firm', templateId: 'firm' },
    {
      id: 'k-last-warning',
      offsetDays: 27,
      channel: 'phone',
      tone: 'last_warning',
      templateId: 'last-warning',
    },
    {
      id: 'k-formal-notice',
      offsetDays: 35,
      channel: 'letter',
      tone: 'formal_notice',
      templateId: 'formal-notice',
    },
  ],
};

export const defaultScenarios: Readonly<Record<Segment, Scenario>> = {
  business,
  consumer,
  public: publicBuyer,
  key_account: keyAccount,
};

export const defaultScenarioList: readonly Scenario[] = Object.values(defaultScenarios);

type ScenarioChoice = Pick<Client, 'segment' | 'scenarioId'>;

/**
 * Finds scenarios for many clients with maps built once. In order: the client's own scenario
 * (one of the user's, or a default picked by id); else a scenario the user marked as the default
 * of the client's segment; else the default of that segment, as the user edited it (saved under
 * the default's id) or built in. A scenario id that no longer exists falls back rather than
 * stopping the reminders.
 */
export function scenarioResolver(ledgerScenarios: readonly Scenario[]): (client: ScenarioChoice) => Scenario {
  const byId = new Map<string, Scenario>();
  for (const scenario of defaultScenarioList) byId.set(scenario.id, scenario);
  const bySegment = new Map<Segment, Scenario>();
  for (const scenario of ledgerScenarios) {
    byId.set(scenario.id, scenario);
    // The first one marked for a segment wins, so the choice does not depend on later edits.
    if (scenario.segment && !bySegment.has(scenario.segment)) bySegment.set(scenario.segment, scenario);
  }
  return (client) =>
    (client.scenarioId === undefined ? undefined : byId.get(client.scenarioId)) ??
    bySegment.get(client.segment) ??
    byId.get(defaultScenarios[client.segment].id)!;
}

/** The scenario a client follows (see `scenarioResolver` for the order of preference). */
export function scenarioFor(client: ScenarioChoice, ledgerScenarios: readonly Scenario[]): Scenario {
  return scenarioResolver(ledgerScenarios)(client);
}
