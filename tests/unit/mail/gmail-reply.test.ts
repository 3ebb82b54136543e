// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_ATTRIBUTE, openReplyAndFill } from '../../../lib/mail/gmail/reply';

function load(name: string): void {
  const page = new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/gmail/${name}`, 'utf8'),
    'text/html',
  );
  document.body.replaceChildren(
    ...Array.from(page.body.childNodes, (node) => document.importNode(node, true)),
  );
}

/**
 * Plays Gmail's part, like the script inside the fixture (happy-dom runs no page script): a reply
 * button shows the fixture's reply form, after `delayMs`. Returns the buttons pressed.
 */
function playGmail({
  delayMs = 0,
  buttons = '.ams, .aaq, .bsQ',
  form = 'fixture-reply-form',
} = {}): Element[] {
  const pressed: Element[] = [];
  document.body.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element).closest(buttons);
      if (!button) return;
      pressed.push(button);
      const show = () => {
        const template = document.getElementById(form) as HTMLTemplateElement;
        document.getElementById('reply-area')?.append(template.content.cloneNode(true));
      };
      if (delayMs) setTimeout(show, delayMs);
      else show();
    },
    { signal: gmail.signal },
  );
  return pressed;
}

function editor(): HTMLElement {
  return document.querySelector<HTMLElement>('#reply-area [contenteditable=true][g_editable=true]')!;
}

const hostileDraft =
  '<p>Bonjour Madame Martin,</p>' +
  '<p onclick="window.__relanceXss=1" class="hP">La facture <strong>F-2026-042</strong> reste due. ' +
  '<a href=" java\nscript:window.__relanceXss=1">payer</a> <a href="https://paiement.example/F-2026-042">régler</a></p>' +
  '<script>window.__relanceXss=1</script><img src=x onerror="window.__relanceXss=1">' +
  '<style>p{color:red}</style><table style="background:url(javascript:x)"><tr><td>1 250,00 €</td></tr></table>';

let gmail: AbortController;
beforeEach(() => {
  gmail = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => gmail.abort());

describe('openReplyAndFill', () => {
  it('presses reply, waits for the editor and puts the sanitised draft above signature and quote', async () => {
    load('thread-classic.html');
    const pressed = playGmail();
    const inputs: Event[] = [];
    document.body.addEventListener('input', (event) => inputs.push(event));

    await expect(
      openReplyAndFill({ root: document, html: hostileDraft, subject: 'Relance' }),
    ).resolves.toEqual({
      ok: true,
    });

    expect(pressed.map((button) => button.textContent)).toEqual(['Répondre']);
    const box = editor();
    const [draft, ...rest] = Array.from(box.children);
    expect(draft!.hasAttribute(DRAFT_ATTRIBUTE)).toBe(true);
    expect(rest.map((element) => element.className)).toEqual(['', 'gmail_signature', '', 'gmail_quote']);
    expect(draft!.outerHTML).toBe(
      `<div ${DRAFT_ATTRIBUTE}=""><p>Bonjour Madame Martin,</p><p>La facture <strong>F-2026-042</strong> reste due. ` +
        '<a>payer</a> <a href="https://paiement.example/F-2026-042">régler</a></p>' +
        '<table><tbody><tr><td>1 250,00 €</td></tr></tbody></table></div>',
    );
    expect(inputs.map((event) => event.target)).toEqual([box]);
    expect(inputs[0]!.bubbles).toBe(true);
    // The subject stays Gmail's "Re: …", so the reply stays in its thread.
    expect(document.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value).toBe(
      'Re: Facture F-2026-042 – échéance dépassée',
    );
    expect((window as unknown as { __relanceXss?: number }).__relanceXss).toBeUndefined();
  });

  it.each([
    [false, 'Répondre'],
    [true, 'Répondre à tous'],
  ])('replyAll %s presses %s in the bottom bar', async (replyAll, label) => {
    load('thread-classic.html');
    const pressed = playGmail();
    await openReplyAndFill({ root: document, html: '<p>Bonjour</p>', replyAll });
    expect(pressed.map((button) => button.textContent)).toEqual([label]);
  });

  it('waits for the newer generation, which shows its editor later, and replies to the latest message', async () => {
    load('thread-2024.html');
    const pressed = playGmail({ delayMs: 30 });
    await expect(
      openReplyAndFill({ root: document, html: '<p>Bonjour</p>', timeoutMs: 1000 }),
    ).resolves.toEqual({
      ok: true,
    });
    expect(pressed).toEqual([document.querySelectorAll('.aaq')[1]]);
    expect(editor().closest('.Ap')).not.toBeNull();
    expect(editor().firstElementChild!.textContent).toBe('Bonjour');
    expect(editor().querySelector('.gmail_quote')).not.toBeNull();
  });

  it.each([
    ['bottom bar without reply/reply-all classes', 'thread-classic.html', '.bkH, .bkI', 'ams', 'Répondre'],
    ['per-message .bsQ instead of .aaq', 'thread-2024.html', '.aaq', 'bsQ', ''],
  ])('finds the reply button by a fallback: %s', async (_case, page, renamed, newClass, label) => {
    load(page);
    for (const button of document.querySelectorAll(renamed)) button.className = newClass;
    const pressed = playGmail();
    await expect(openReplyAndFill({ root: document, html: '<p>Bonjour</p>' })).resolves.toEqual({ ok: true });
    expect(pressed.map((button) => button.textContent?.trim())).toEqual([label]);
  });

  it('fills an empty subject, and only an empty one', async () => {
    load('thread-classic.html');
    const template = document.getElementById('fixture-reply-form') as HTMLTemplateElement;
    template.content.querySelector<HTMLInputElement>('input[name=subjectbox]')!.setAttribute('value', '');
    playGmail();
    await openReplyAndFill({ root: document, html: '<p>Bonjour</p>', subject: 'Facture F-2026-042' });
    expect(document.querySelector<HTMLInputElement>('input[name=subjectbox]')!.value).toBe(
      'Facture F-2026-042',
    );
  });

  it('drafting again replaces our draft in the reply already open, without pressing again', async () => {
    load('thread-classic.html');
    const pressed = playGmail();
    await openReplyAndFill({ root: document, html: '<p>Première relance</p>' });
    await openReplyAndFill({ root: document, html: '<p>Deuxième relance</p>' });
    expect(pressed).toHaveLength(1);
    expect(
      Array.from(editor().querySelectorAll(`[${DRAFT_ATTRIBUTE}]`), (draft) => draft.textContent),
    ).toEqual(['Deuxième relance']);
  });

  it('uses the plain text when the HTML yields nothing', async () => {
    load('thread-classic.html');
    playGmail();
    await openReplyAndFill({ root: document, html: '<script>x()</script>', text: 'Bonjour,\nMerci.' });
    expect(editor().firstElementChild!.outerHTML).toBe(`<div ${DRAFT_ATTRIBUTE}="">Bonjour,<br>Merci.</div>`);
  });

  it.each([
    ['no thread is open', 'inbox.html', () => {}, 'no_reply_button'],
    ['the markup is unknown', 'thread-unknown-markup.html', () => {}, 'no_reply_button'],
    [
      'the thread has no reply button',
      'thread-hostile.html',
      () => document.querySelector('.amn')!.remove(),
      'no_reply_button',
    ],
    ['Gmail never shows the editor', 'thread-classic.html', () => {}, 'timeout'],
    [
      'Gmail shows a reply form whose editor is not recognised',
      'thread-classic.html',
      () => {
        const template = document.getElementById('fixture-reply-form') as HTMLTemplateElement;
        template.content.querySelector('[g_editable]')!.removeAttribute('g_editable');
        playGmail();
      },
      'compose_not_found',
    ],
  ])('says why when %s', async (_case, page, change, reason) => {
    load(page);
    change();
    await expect(
      openReplyAndFill({ root: document, html: '<p>Bonjour</p>', timeoutMs: 50 }),
    ).resolves.toEqual({
      ok: false,
      reason,
    });
  });

  it('gives up when the signal aborts while waiting', async () => {
    load('thread-2024.html');
    playGmail({ delayMs: 200 });
    const controller = new AbortController();
    const result = openReplyAndFill({ root: document, html: '<p>Bonjour</p>', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(result).resolves.toEqual({ ok: false, reason: 'aborted' });
  });

  it('never throws, even when reading the page does', async () => {
    const detached = {
      get ownerDocument(): Document {
        throw new Error('the page went away');
      },
    } as unknown as ParentNode;
    await expect(openReplyAndFill({ root: detached, html: '<p>Bonjour</p>' })).resolves.toEqual({
      ok: false,
      reason: 'compose_not_found',
    });
  });
});
