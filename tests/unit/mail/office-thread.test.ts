import { describe, expect, it } from 'vitest';
import { OfficeCallError, officeCall } from '../../../lib/mail/office/office-async';
import type { OfficeApi } from '../../../lib/mail/office/office-api';
import { MAX_TEXT, readMessage } from '../../../lib/mail/office/thread';
import { createOfficeHost } from '../../../lib/mail/office/host';
import {
  clientMessage,
  fail,
  itemData,
  mockOffice,
  officeEnums,
  setItem,
  requirements,
  type MessageSeed,
  type Recorder,
} from '../../fixtures/outlook/office-data';

function office(seed: MessageSeed | null, answer?: Parameters<typeof itemData>[2]) {
  const recorder: Recorder = { calls: [] };
  const api = mockOffice({
    ...officeEnums,
    context: { requirements: requirements('1.15'), mailbox: { item: {} } },
  });
  setItem(api, seed ? mockOffice(itemData(seed, recorder, answer)) : null);
  return { office: api, recorder };
}

describe('officeCall', () => {
  it.each([
    [
      'resolves with the value',
      (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: 42 }),
      42,
      null,
    ],
    [
      'rejects with the Office error of a failed call',
      (cb: (r: unknown) => void) => fail(9041, 'PermissionDenied', 'No access')(cb),
      null,
      'getAsync: No access',
    ],
    [
      'rejects when the method throws',
      () => {
        throw new Error('Invalid parameters');
      },
      null,
      'getAsync: Invalid parameters',
    ],
  ])('%s', async (_name, invoke, value, message) => {
    const call = officeCall('getAsync', invoke as never);
    if (message === null) await expect(call).resolves.toBe(value);
    else {
      await expect(call).rejects.toThrow(message);
      await expect(call).rejects.toBeInstanceOf(OfficeCallError);
    }
  });

  it('keeps the Office error code and name', async () => {
    const error = await officeCall('saveAsync', fail(9057, 'SettingsTooLarge', 'too big') as never).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: 9057, officeName: 'SettingsTooLarge', operation: 'saveAsync' });
  });
});

describe('readMessage', () => {
  it('reads sender, recipients, subject, body text and attachment names of the selected message', async () => {
    const { office: api, recorder } = office(clientMessage);
    expect(await readMessage(api)).toEqual({
      threadId: 'AAQkAGI2-conv-1',
      subject: 'RE: Facture F-2026-042',
      participants: [
        { email: 'compta@atelier-martin.fr', name: 'Claire Martin', role: 'from' },
        { email: 'moi@relance.test', name: 'Moi', role: 'to' },
        { email: 'direction@atelier-martin.fr', name: 'Direction', role: 'cc' },
      ],
      text: 'Bonjour, Nous avons bien reçu la facture F-2026-042. Cordialement',
      attachmentNames: ['F-2026-042.pdf'],
    });
    expect(recorder.calls).toContainEqual({ method: 'body.getAsync', args: ['text'] });
  });

  it.each([
    ['no message is selected (pinned pane, empty selection)', null],
    ['an appointment is selected', { ...clientMessage, itemType: 'appointment' }],
  ])('gives null when %s', async (_name, seed) => {
    expect(await readMessage(office(seed).office)).toBeNull();
  });

  it.each([
    ['fails', () => fail(9020, 'GenericResponseError', 'Service unavailable')],
    ['throws', () => 'throw' as const],
  ])('still matches by address when the body read %s', async (_name, bodyAnswer) => {
    const { office: api } = office(clientMessage, (method) =>
      method === 'body.getAsync' ? bodyAnswer() : undefined,
    );
    const context = await readMessage(api);
    expect(context?.text).toBe('');
    expect(context?.participants[0]?.email).toBe('compta@atelier-martin.fr');
  });

  it('caps the body text', async () => {
    const { office: api } = office({ ...clientMessage, body: 'facture '.repeat(40_000) });
    expect((await readMessage(api))?.text).toHaveLength(MAX_TEXT);
  });

  it('falls back to the item id when the conversation id is missing', async () => {
    const { office: api } = office({ ...clientMessage, conversationId: '' });
    expect((await readMessage(api))?.threadId).toBe('AAMkAGI2-item-1');
  });

  it('is what the host reads, and the host never rejects', async () => {
    const { office: api } = office(clientMessage);
    const host = createOfficeHost({ office: api, locale: 'fr' });
    expect(host.host).toBe('outlook');
    expect((await host.readThread())?.subject).toBe('RE: Facture F-2026-042');
    const mailbox = {
      get item(): never {
        throw new Error('Outlook lost the item');
      },
    };
    const broken = { ...api, context: { ...api.context, mailbox } } as unknown as OfficeApi;
    const errors: unknown[] = [];
    expect(
      await createOfficeHost({ office: broken, locale: 'fr', onError: (e) => errors.push(e) }).readThread(),
    ).toBeNull();
    expect(errors).toHaveLength(1);
  });
});
