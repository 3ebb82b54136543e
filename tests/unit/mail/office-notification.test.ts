import { describe, expect, it } from 'vitest';
import { createOfficeHost } from '../../../lib/mail/office/host';
import {
  MAX_NOTIFICATION_LENGTH,
  clearDueNotification,
  dueNotificationText,
  showDueNotification,
} from '../../../lib/mail/office/notification';
import type { OfficeApi } from '../../../lib/mail/office/office-api';
import {
  clientMessage,
  fail,
  itemData,
  mockOffice,
  officeEnums,
  ok,
  requirements,
  setItem,
  type Recorder,
} from '../../fixtures/outlook/office-data';

function outlook(shown: { key: string }[] = [], answer?: Parameters<typeof itemData>[2]) {
  const recorder: Recorder = { calls: [] };
  const item = itemData(
    clientMessage,
    recorder,
    (method, args) =>
      answer?.(method, args) ?? (method === 'notificationMessages.getAllAsync' ? ok(shown) : undefined),
  );
  const api = mockOffice({
    ...officeEnums,
    context: { requirements: requirements('1.15'), mailbox: { item } },
  });
  return { api, recorder };
}

const nbsp = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('due notification', () => {
  it.each([
    ['fr', 1, 125_000, 'Relance : 1 relance à faire pour ce client, 1 250,00 € à encaisser.'],
    ['fr', 3, 4_200, 'Relance : 3 relances à faire pour ce client, 42,00 € à encaisser.'],
    ['en', 2, 99, 'Relance: 2 reminders due for this client, €0.99 to collect.'],
  ] as const)('words it in %s (%i due, %i cents)', (locale, count, amountCents, expected) => {
    expect(nbsp(dueNotificationText(locale, { count, amountCents }))).toBe(expected);
  });

  it('stays within the 150 characters Outlook accepts', () => {
    const text = dueNotificationText('fr', { count: 1, amountCents: 10 ** 15, currency: 'EUR' });
    expect(text.length).toBeLessThanOrEqual(MAX_NOTIFICATION_LENGTH);
  });

  it('replaces its one informational message on the selected message', async () => {
    const { api, recorder } = outlook();
    expect(await showDueNotification(api, 'fr', { count: 2, amountCents: 125_000 })).toBe(true);
    expect(recorder.calls).toEqual([
      {
        method: 'notificationMessages.replaceAsync',
        args: [
          'relance-due',
          {
            type: 'informationalMessage',
            message: expect.stringContaining('2 relances'),
            icon: 'Icon.16x16',
            persistent: false,
          },
        ],
      },
    ]);
  });

  it.each([
    [
      'removes ours when it is shown',
      [{ key: 'relance-due' }, { key: 'other' }],
      ['getAllAsync', 'removeAsync'],
    ],
    ['leaves the bar alone when ours is not there', [{ key: 'other' }], ['getAllAsync']],
  ])('clearing %s', async (_name, shown, methods) => {
    const { api, recorder } = outlook(shown);
    expect(await clearDueNotification(api)).toBe(true);
    expect(recorder.calls.map((call) => call.method)).toEqual(
      methods.map((m) => `notificationMessages.${m}`),
    );
    if (methods.includes('removeAsync')) expect(recorder.calls[1]?.args).toEqual(['relance-due']);
  });

  it('clears instead of showing when nothing is due', async () => {
    const { api, recorder } = outlook([{ key: 'relance-due' }]);
    expect(
      await createOfficeHost({ office: api, locale: 'fr' }).showDueNotification({ count: 0, amountCents: 0 }),
    ).toBe(true);
    expect(recorder.calls.map((call) => call.method)).toContain('notificationMessages.removeAsync');
  });

  it.each([
    ['showing', (api: OfficeApi) => showDueNotification(api, 'fr', { count: 1, amountCents: 100 })],
    ['clearing', (api: OfficeApi) => clearDueNotification(api)],
  ])('reports false when Outlook refuses %s', async (_name, run) => {
    const { api } = outlook([{ key: 'relance-due' }], (method) =>
      method.startsWith('notificationMessages.')
        ? fail(9015, 'NumberOfNotificationMessagesExceeded', 'Too many')
        : undefined,
    );
    expect(await run(api)).toBe(false);
  });

  it('reports false without a selected message', async () => {
    const { api } = outlook();
    setItem(api, null);
    expect(await showDueNotification(api, 'en', { count: 1, amountCents: 100 })).toBe(false);
    expect(await clearDueNotification(api)).toBe(false);
  });
});
