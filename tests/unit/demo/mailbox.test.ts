import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { demoMailboxHtml, demoThreadId, demoThreads } from '../../../lib/demo/mailbox';
import { demoLedger } from '../../../lib/demo/sample-ledger';
import { readInboxRows, readThread } from '../../../lib/mail/gmail';

describe('the demo mailbox', () => {
  const ledger = demoLedger('2026-11-25');

  it('has one thread per client with an address, plus an unknown sender', () => {
    const threads = demoThreads(ledger);
    expect(threads).toHaveLength(ledger.clients.filter((c) => c.emails.length > 0).length + 1);
    expect(new Set(threads.map((t) => t.id)).size).toBe(threads.length);
    expect(demoThreadId('demo-martin')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is read by the real Gmail adapter like Gmail itself', () => {
    const window = new Window({ url: `https://mail.google.com/mail/u/0/#inbox` });
    window.document.write(demoMailboxHtml(ledger));
    const rows = readInboxRows(window.document as unknown as Document);
    expect(rows.length).toBe(demoThreads(ledger).length);
    expect(rows[0]!.emails[0]).toContain('@');
    // Show one thread the way the page's script does, and read it.
    const id = demoThreadId('demo-martin');
    window.document.getElementById('inbox')!.setAttribute('hidden', '');
    window.document.querySelector(`[data-thread="${id}"]`)!.removeAttribute('hidden');
    const thread = readThread(window.document as unknown as Document);
    expect(thread?.threadId).toBe(id);
    expect(thread?.participants.map((p) => p.email)).toContain('compta@boulangerie-martin.fr');
  });

  it('escapes what it prints', () => {
    const hostile = {
      ...ledger,
      clients: ledger.clients.map((c, i) =>
        i === 0
          ? { ...c, name: '<script>x()</script>', contact: { ...c.contact, firstName: '<i data-evil>' } }
          : c,
      ),
    };
    const html = demoMailboxHtml(hostile);
    expect(html).not.toContain('<script>x()');
    expect(html).not.toContain('<i data-evil>');
    expect(html).toContain('&lt;i data-evil&gt;');
  });
});
