// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { openOfficeReply } from '../../../lib/mail/office/reply';
import { MAX_HTML_BODY_BYTES, fitHtml, sanitiseDraftHtml } from '../../../lib/mail/office/reply-html';
import type { ReplyDraft } from '../../../lib/mail/types';
import {
  clientMessage,
  fail,
  itemData,
  mockOffice,
  officeEnums,
  requirements,
  setItem,
  type Recorder,
} from '../../fixtures/outlook/office-data';

const PDF = { name: 'F-2026-042.pdf', mimeType: 'application/pdf', base64: 'JVBERi0xLjcK' };
const draft: ReplyDraft = {
  html: '<p>Bonjour Madame Martin,</p><p>La facture <strong>F-2026-042</strong> reste due.</p>',
  text: 'Bonjour Madame Martin',
  attachments: [PDF],
};

function outlook(
  mailboxSet: string,
  answer?: Parameters<typeof itemData>[2],
  options: { noAsync?: boolean } = {},
) {
  const recorder: Recorder = { calls: [] };
  const item = itemData(clientMessage, recorder, answer) as Partial<ReturnType<typeof itemData>>;
  if (options.noAsync) {
    delete item.displayReplyAllFormAsync;
    delete item.displayReplyFormAsync;
  }
  const api = mockOffice({
    ...officeEnums,
    context: { requirements: requirements(mailboxSet), mailbox: { item } },
  });
  return { api, recorder };
}

const parser = () => new DOMParser();
const formData = (recorder: Recorder, method: string) =>
  recorder.calls.filter((call) => call.method === method).map((call) => call.args[0]);

describe('openOfficeReply', () => {
  it('puts body and invoice PDF in the reply-all form where the client has Mailbox 1.15', async () => {
    const { api, recorder } = outlook('1.15');
    const result = await openOfficeReply(api, draft, { parser: parser() });
    expect(result).toEqual({ ok: true, method: 'async', omittedAttachments: [], trimmed: false });
    expect(formData(recorder, 'displayReplyAllFormAsync')).toEqual([
      {
        htmlBody: draft.html,
        attachments: [{ type: 'base64', name: 'F-2026-042.pdf', base64file: 'JVBERi0xLjcK', inLine: false }],
      },
    ]);
  });

  it.each([
    ['1.14', 'async', 'displayReplyAllFormAsync'],
    ['1.9', 'async', 'displayReplyAllFormAsync'],
    ['1.8', 'legacy', 'displayReplyAllForm'],
    ['1.5', 'legacy', 'displayReplyAllForm'],
  ])('with Mailbox %s opens the body only (%s) and names the files left out', async (set, method, called) => {
    const { api, recorder } = outlook(set);
    const result = await openOfficeReply(api, draft, { parser: parser() });
    expect(result).toEqual({ ok: true, method, omittedAttachments: ['F-2026-042.pdf'], trimmed: false });
    expect(formData(recorder, called)).toEqual([{ htmlBody: draft.html }]);
    expect(recorder.calls.map((call) => call.method)).toEqual([called]);
  });

  it('uses the synchronous form when the Async method is missing despite the requirement set', async () => {
    const { api, recorder } = outlook('1.15', undefined, { noAsync: true });
    expect(await openOfficeReply(api, draft, { parser: parser() })).toMatchObject({
      ok: true,
      method: 'legacy',
    });
    expect(recorder.calls.map((call) => call.method)).toEqual(['displayReplyAllForm']);
  });

  it.each([
    ['1.15', 'displayReplyFormAsync'],
    ['1.8', 'displayReplyForm'],
  ])('replies to the sender only when the draft says so (Mailbox %s)', async (set, called) => {
    const { api, recorder } = outlook(set);
    await openOfficeReply(api, { ...draft, replyAll: false }, { parser: parser() });
    expect(recorder.calls.map((call) => call.method)).toEqual([called]);
  });

  it('opens the form again without the files when Outlook refuses them', async () => {
    const { api, recorder } = outlook('1.15', (method, args) =>
      method === 'displayReplyAllFormAsync' && (args[0] as Office.ReplyFormData).attachments
        ? fail(9009, 'AttachmentSizeExceeded', 'The attachment is too large')
        : undefined,
    );
    expect(await openOfficeReply(api, draft, { parser: parser() })).toEqual({
      ok: true,
      method: 'async',
      omittedAttachments: ['F-2026-042.pdf'],
      trimmed: false,
    });
    expect(formData(recorder, 'displayReplyAllFormAsync')).toHaveLength(2);
  });

  it.each([
    [
      'the Async form fails',
      '1.15',
      (m: string) => (m === 'displayReplyAllFormAsync' ? fail(5000, 'GenericError', 'Busy') : undefined),
    ],
    [
      'the Async form throws',
      '1.9',
      (m: string) => (m === 'displayReplyAllFormAsync' ? ('throw' as const) : undefined),
    ],
    [
      'the synchronous form throws',
      '1.8',
      (m: string) => (m === 'displayReplyAllForm' ? ('throw' as const) : undefined),
    ],
  ])('reports a failure when %s', async (_name, set, answer) => {
    const { api } = outlook(set, answer);
    expect(await openOfficeReply(api, draft, { parser: parser() })).toMatchObject({
      ok: false,
      reason: 'compose_not_found',
      detail: expect.any(String),
    });
  });

  it('does nothing without a selected message, or once aborted', async () => {
    const { api, recorder } = outlook('1.15');
    const controller = new AbortController();
    controller.abort();
    expect(await openOfficeReply(api, draft, { parser: parser(), signal: controller.signal })).toEqual({
      ok: false,
      reason: 'aborted',
    });
    setItem(api, null);
    expect(await openOfficeReply(api, draft, { parser: parser() })).toEqual({
      ok: false,
      reason: 'no_reply_button',
    });
    expect(recorder.calls).toEqual([]);
  });

  it('stops waiting when aborted while Outlook has not answered', async () => {
    const { api } = outlook('1.15', (method) =>
      method === 'displayReplyAllFormAsync' ? () => undefined : undefined,
    );
    const controller = new AbortController();
    const pending = openOfficeReply(api, draft, { parser: parser(), signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, reason: 'aborted' });
  });

  it('sanitises the HTML and cuts it to 32 KB', async () => {
    const { api, recorder } = outlook('1.15');
    const long = '<p>' + 'Facture F-2026-042 échue. '.repeat(2_000) + '</p>';
    const result = await openOfficeReply(
      api,
      { html: `<p onclick="steal()">Bonjour</p><script>alert(1)</script>${long}` },
      { parser: parser() },
    );
    expect(result).toMatchObject({ ok: true, trimmed: true });
    const sent = (formData(recorder, 'displayReplyAllFormAsync')[0] as Office.ReplyFormData).htmlBody ?? '';
    expect(new TextEncoder().encode(sent).length).toBeLessThanOrEqual(MAX_HTML_BODY_BYTES);
    expect(sent.startsWith('<p>Bonjour</p><p>Facture')).toBe(true);
    expect(sent).not.toMatch(/script|onclick/);
  });

  it('sends the plain text when the HTML has none', async () => {
    const { api, recorder } = outlook('1.9');
    await openOfficeReply(api, { html: '', text: 'Bonjour,\nmerci <3' }, { parser: parser() });
    expect(formData(recorder, 'displayReplyAllFormAsync')).toEqual([{ htmlBody: 'Bonjour,<br>merci &lt;3' }]);
  });
});

describe('sanitiseDraftHtml', () => {
  it.each([
    [
      'keeps the template markup',
      '<p>Bonjour <strong>Claire</strong></p>',
      '<p>Bonjour <strong>Claire</strong></p>',
    ],
    ['drops event handlers and scripts', '<p onclick="x()">a</p><script>b()</script>', '<p>a</p>'],
    ['drops javascript links', '<a href="javascript:alert(1)">a</a>', '<a>a</a>'],
    ['escapes text', '<p>1 &lt; 2 &amp; 3</p>', '<p>1 &lt; 2 &amp; 3</p>'],
  ])('%s', (_name, input, expected) => {
    expect(sanitiseDraftHtml(new DOMParser(), input)).toBe(expected);
  });
});

describe('fitHtml', () => {
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  it.each([
    ['leaves a short body alone', '<p>court</p>', 100, '<p>court</p>', false],
    ['cuts plain text at the limit', 'a'.repeat(50), 20, 'a'.repeat(17) + '…', true],
    ['never leaves half a tag', '<p>aaaa</p><p class="x">bbbb</p>', 22, '<p>aaaa</p>…', true],
    ['never leaves half an entity', '<p>aaaaaaa &amp; b</p>', 17, '<p>aaaaaaa …', true],
    ['never splits a multibyte character', 'ééééé', 8, 'éé…', true],
    ['never splits a surrogate pair', '€😀😀', 9, '€…', true],
  ])('%s', (_name, html, max, expected, trimmed) => {
    const fitted = fitHtml(html, max);
    expect(fitted).toEqual({ html: expected, trimmed });
    expect(bytes(fitted.html)).toBeLessThanOrEqual(max);
  });
});
