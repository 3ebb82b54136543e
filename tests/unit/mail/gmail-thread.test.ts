// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TEXT, readThread, readThreadDiagnostics } from '../../../lib/mail/gmail/thread';

function fixture(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(`tests/fixtures/gmail/${name}`, 'utf8'), 'text/html');
}

/** Puts a fixture's page in the test's document, as Gmail swaps its views (the body itself stays). */
function load(name: string): void {
  const page = fixture(name);
  document.title = page.title;
  document.body.replaceChildren(
    ...Array.from(page.body.childNodes, (node) => document.importNode(node, true)),
  );
}

beforeEach(() => {
  document.body.replaceChildren();
  location.hash = '';
});

describe('readThread', () => {
  it.each([
    {
      page: 'thread-classic.html',
      threadId: '18c2a1f0b3d4e5f6',
      subject: 'Facture F-2026-042 – échéance dépassée',
      participants: [
        { email: 'facturation@atelier-durand.fr', name: 'Atelier Durand', role: 'from' },
        // Recipient of the first message, sender of the second: the sender role wins, the address is lowercased.
        { email: 'compta@boulangerie-martin.fr', name: 'Claire Martin', role: 'from' },
        { email: 'paul.martin@boulangerie-martin.fr', name: 'Paul Martin', role: 'to' },
      ],
      attachmentNames: ['F-2026-042.pdf', 'avis-de-virement.pdf'],
      textHas: [
        "la facture F-2026-042 d'un montant de 1 250,00 € TTC, payable au 31 mars 2026.",
        'Julie Durand Bonjour, Le virement',
        "l'avoir AV-2026-007",
        'Le lun. 2 mars 2026, Atelier Durand a écrit',
      ],
    },
    {
      page: 'thread-2024.html',
      // Only the perm id (thread-f:<decimal>) is on the page: it becomes the hex legacy id.
      threadId: '18c3b7e2a9f01d44',
      subject: 'Relance facture F-2026-051',
      participants: [
        { email: 'facturation@atelier-durand.fr', name: 'Atelier Durand', role: 'from' },
        { email: 'compta@boulangerie-martin.fr', name: 'Claire Martin', role: 'to' },
        { email: 'direction@boulangerie-martin.fr', name: 'Marc Martin', role: 'to' },
        { email: 'claire@boulangerie-martin.fr', name: 'Claire Martin', role: 'from' },
      ],
      attachmentNames: ['F-2026-051.pdf'],
      textHas: [
        'la facture F-2026-051 (640,00 € TTC), échue le 10 avril',
        'Julie Durand Bonjour, Nous contestons',
      ],
    },
  ])('reads $page', ({ page, textHas, ...expected }) => {
    load(page);
    const thread = readThread(document);
    expect(thread).toMatchObject(expected);
    for (const part of textHas) expect(thread!.text).toContain(part);
    expect(thread!.text).not.toMatch(/\s{2}|^\s|\s$/);
    // A <style> inside an HTML email is not message text.
    expect(thread!.text).not.toContain('#7a4b1e');
  });

  it.each([
    ['thread-classic.html', 'classic', '[role=main] .g.id table.Bs > tbody > tr', 'div.adn.ads', 'div.a3s'],
    ['thread-2024.html', '2024', '[role=main] .g.id .a98.iY', '[data-message-id]', 'div.ii.gt'],
  ])('tells which generation and selectors matched %s', (page, generation, thread, message, body) => {
    load(page);
    expect(readThreadDiagnostics(document)).toMatchObject({
      generation,
      matched: {
        thread,
        message,
        body,
        subject: '.ha h2.hP',
        sender: 'span.gD[email]',
        date: 'span.g3[title]',
      },
    });
  });

  it('uses the primary selector when Gmail builds table.Bs > tr without a tbody', () => {
    load('thread-classic.html');
    const tbody = document.querySelector('table.Bs > tbody')!;
    tbody.replaceWith(...Array.from(tbody.childNodes));
    expect(readThreadDiagnostics(document).matched.thread).toBe('[role=main] .g.id table.Bs > tr');
    expect(readThread(document)?.threadId).toBe('18c2a1f0b3d4e5f6');
  });

  it('returns null with diagnostics when no selector knows the markup', () => {
    load('thread-unknown-markup.html');
    location.hash = '#inbox/FMfcgzQXJWDsKmvPqRnLxTbHcZwNvJkL';
    expect(readThread(document)).toBeNull();
    expect(readThreadDiagnostics(document)).toEqual({
      generation: null,
      urlThreadId: 'FMfcgzQXJWDsKmvPqRnLxTbHcZwNvJkL',
      matched: { thread: null },
    });
  });

  it.each([
    ['no thread page at all', () => document.body.replaceChildren()],
    [
      'the thread view Gmail keeps hidden after going back to the list',
      () => document.querySelector<HTMLElement>('.g.id')!.style.setProperty('display', 'none'),
    ],
    [
      'a hidden attribute on the view',
      () => document.querySelector('[role=main]')!.setAttribute('hidden', ''),
    ],
  ])('returns null for %s', (_case, change) => {
    load('thread-classic.html');
    change();
    expect(readThread(document)).toBeNull();
  });

  it('falls back to the id in the URL when the page carries none', () => {
    load('thread-classic.html');
    const subject = document.querySelector('h2.hP')!;
    subject.removeAttribute('data-legacy-thread-id');
    subject.removeAttribute('data-thread-perm-id');
    location.hash = '#label/Clients/18c2a1f0b3d4e5f6';
    expect(readThread(document)?.threadId).toBe('18c2a1f0b3d4e5f6');
  });

  it('reads a parsed page that has no window (inline styles decide what is hidden)', () => {
    const page = fixture('thread-2024.html');
    expect(readThread(page)?.threadId).toBe('18c3b7e2a9f01d44');
    page.querySelector('.g.id')!.setAttribute('style', 'display: none');
    expect(readThread(page)).toBeNull();
  });

  it('reads hostile content as text and creates no element from it', () => {
    load('thread-hostile.html');
    const thread = readThread(document)!;
    expect(thread.subject).toBe('<script>window.__relanceXss=1</script> Facture F-2026-066');
    expect(thread.participants[0]).toEqual({
      email: 'compta@boulangerie-martin.fr',
      name: '<img src=x onerror="window.__relanceXss=1">',
      role: 'from',
    });
    expect(thread.text).toContain('<img src=x onerror="window.__relanceXss=1"> <script>');
    expect(thread.attachmentNames).toEqual(['<svg onload="window.__relanceXss=1">.pdf']);
    expect(document.querySelectorAll('img, svg, [role=main] script')).toHaveLength(0);
    expect((window as unknown as { __relanceXss?: number }).__relanceXss).toBeUndefined();
  });

  it('caps the text of a huge thread', () => {
    load('thread-classic.html');
    document.querySelector('div.a3s')!.append('F-2026-042 '.repeat(40_000));
    const thread = readThread(document)!;
    expect(thread.text.length).toBe(MAX_TEXT);
    expect(thread.text.startsWith('Bonjour Madame Martin')).toBe(true);
  });
});
