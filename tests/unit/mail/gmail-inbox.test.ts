// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_ATTRIBUTE, readInboxRows, restoreBadges, setRowBadge } from '../../../lib/mail/gmail/inbox';
import { normaliseThreadId } from '../../../lib/mail/gmail/selectors';

function load(name: string): void {
  const page = new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/gmail/${name}`, 'utf8'),
    'text/html',
  );
  document.body.replaceChildren(
    ...Array.from(page.body.childNodes, (node) => document.importNode(node, true)),
  );
}

/** The mutations a change caused, so "changes nothing" can be checked and not just assumed. */
async function mutationsDuring(change: () => void): Promise<number> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records.length;
}

beforeEach(() => load('inbox.html'));

describe('readInboxRows', () => {
  it('reads each row with a thread id: id, people, subject', () => {
    const rows = readInboxRows(document);
    expect(rows.map(({ element: _element, ...row }) => row)).toEqual([
      {
        rowId: '18c2a1f0b3d4e5f6',
        emails: ['compta@boulangerie-martin.fr'],
        subject: 'Facture F-2026-042 – échéance dépassée',
      },
      {
        rowId: '18c3b7e2a9f01d44',
        emails: ['claire@boulangerie-martin.fr', 'direction@boulangerie-martin.fr'],
        subject: 'Relance facture F-2026-051',
      },
      {
        rowId: '18c4d2e7f1a09b3c',
        emails: ['contact@garage-dupuis.fr'],
        subject: 'Devis D-2026-018 accepté',
      },
      { rowId: '18c5e1a2b3c4d5e6', emails: ['s.leroy@cabinet-leroy.fr'], subject: 'Échéancier F-2026-033' },
      { rowId: '18c6f0b1c2d3e4f5', emails: ['newsletter@fournil-pro.fr'], subject: "Les nouveautés d'avril" },
    ]);
    expect(rows[0]!.element).toBe(document.getElementById(':2a'));
  });

  it('leaves out the list Gmail keeps hidden while a thread is open', () => {
    document.querySelector<HTMLElement>('[role=main]')!.style.display = 'none';
    expect(readInboxRows(document)).toEqual([]);
  });
});

describe('normaliseThreadId', () => {
  it.each([
    ['#thread-f:1784166457573434870', '18c2a1f0b3d4e5f6'],
    ['thread-f:1784472061510425924', '18c3b7e2a9f01d44'],
    ['18c2a1f0b3d4e5f6', '18c2a1f0b3d4e5f6'],
    ['#thread-a:r-123456', 'thread-a:r-123456'],
    [' ', ''],
    [null, ''],
  ])('%s → %s', (raw, id) => expect(normaliseThreadId(raw)).toBe(id));
});

describe('setRowBadge', () => {
  const badgeOf = (row: Element) => row.querySelectorAll<HTMLElement>(`[${BADGE_ATTRIBUTE}]`);

  it('shows, updates and removes the badge, and changes nothing when asked twice', async () => {
    const [row] = readInboxRows(document);
    const steps = [
      { count: 2, label: '2 relances dues', mutates: true, shown: '2' },
      { count: 2, label: '2 relances dues', mutates: false, shown: '2' },
      { count: 5, label: '5 relances dues', mutates: true, shown: '5' },
      { count: 5, label: '5 relances en retard', mutates: true, shown: '5' },
      { count: 0, label: '', mutates: true, shown: null },
      { count: 0, label: '', mutates: false, shown: null },
    ];
    for (const { count, label, mutates, shown } of steps) {
      expect((await mutationsDuring(() => setRowBadge(row!, count, label))) > 0, `${count} ${label}`).toBe(
        mutates,
      );
      const badges = badgeOf(row!.element);
      expect(badges).toHaveLength(shown === null ? 0 : 1);
      if (shown === null) continue;
      expect(badges[0]!.textContent).toBe(shown);
      expect(badges[0]!.title).toBe(label);
      expect(badges[0]!.getAttribute(BADGE_ATTRIBUTE)).toBe(shown);
      // Our element borrows no Gmail class name, and sits before the subject.
      expect(badges[0]!.className).toBe('');
      expect(badges[0]!.nextElementSibling?.matches('span.bog')).toBe(true);
    }
  });

  it('puts back a badge Gmail wiped while redrawing a row of the same thread', () => {
    const rows = readInboxRows(document);
    setRowBadge(rows[1]!, 3, '3 relances dues');
    badgeOf(rows[1]!.element)[0]!.remove();
    restoreBadges(readInboxRows(document));
    expect(badgeOf(rows[1]!.element)[0]?.textContent).toBe('3');
  });

  it('does not put a badge back on a row Gmail reused for another thread', () => {
    const rows = readInboxRows(document);
    setRowBadge(rows[1]!, 3, '3 relances dues');
    badgeOf(rows[1]!.element)[0]!.remove();
    rows[1]!.element.querySelector('[data-thread-id]')!.setAttribute('data-thread-id', '#thread-f:42');
    rows[1]!.element.querySelector('[data-thread-id]')!.removeAttribute('data-legacy-thread-id');
    restoreBadges(readInboxRows(document));
    expect(badgeOf(rows[1]!.element)).toHaveLength(0);
  });

  it('renders a hostile label as text', () => {
    const [row] = readInboxRows(document);
    setRowBadge(row!, 1, '<img src=x onerror="window.__relanceXss=1">');
    expect(row!.element.querySelector('img')).toBeNull();
    expect(badgeOf(row!.element)[0]!.title).toBe('<img src=x onerror="window.__relanceXss=1">');
  });
});
