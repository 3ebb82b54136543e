import { all, first, isShown, match, normaliseThreadId } from './selectors';

export interface InboxRow {
  /** The thread id, normalised like ThreadContext.threadId so rows and open threads compare. */
  rowId: string;
  element: Element;
  /** Lowercased, each once. */
  emails: string[];
  subject: string;
}

export const BADGE_ATTRIBUTE = 'data-relance-badge';

interface Badge {
  rowId: string;
  count: number;
  label: string;
}

/** What each row should show, so a badge Gmail wiped while redrawing the row can be put back. */
const wanted = new WeakMap<Element, Badge>();

/** The thread rows of the shown list(s); rows of lists Gmail keeps hidden are left out. */
export function readInboxRows(root: ParentNode = document): InboxRow[] {
  const shownMain = new Map<Element | null, boolean>();
  const shown = (row: Element) => {
    // One visibility check per list rather than per row: checkVisibility costs a style update.
    const main = row.closest('[role=main]');
    if (!shownMain.has(main)) shownMain.set(main, isShown(main ?? row));
    return shownMain.get(main)!;
  };
  const rows: InboxRow[] = [];
  for (const element of match(root, 'inboxRow', shown)?.elements ?? []) {
    const carrier = [element, ...all(element, 'rowThreadId')].find(
      (node) => node.hasAttribute('data-thread-id') || node.hasAttribute('data-legacy-thread-id'),
    );
    const rowId = normaliseThreadId(
      carrier?.getAttribute('data-thread-id') ?? carrier?.getAttribute('data-legacy-thread-id'),
    );
    if (!rowId) continue;
    const emails = new Set(
      all(element, 'rowPeople')
        .map((person) => person.getAttribute('email')?.trim().toLowerCase() ?? '')
        .filter((email) => email.includes('@')),
    );
    const subject = (first(element, 'rowSubject')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    rows.push({ rowId, element, emails: [...emails], subject });
  }
  return rows;
}

function render(row: Pick<InboxRow, 'element'>, badge: Badge): void {
  const existing = row.element.querySelector(`[${BADGE_ATTRIBUTE}]`);
  if (badge.count <= 0) {
    existing?.remove();
    return;
  }
  const text = String(badge.count);
  // Writing the same values again would still be a mutation, and wake the watcher for nothing.
  if (existing?.textContent === text && existing.getAttribute('title') === badge.label) return;
  const doc = row.element.ownerDocument;
  const element = existing ?? doc.createElement('span');
  element.setAttribute(BADGE_ATTRIBUTE, text);
  element.setAttribute('title', badge.label);
  element.setAttribute('aria-label', badge.label);
  element.textContent = text;
  if (!existing) {
    // Inline style: our own class names would need a stylesheet in Gmail's page, Gmail's must not be borrowed.
    element.setAttribute(
      'style',
      'display:inline-block;min-width:1.4em;margin:0 6px 0 0;padding:0 5px;border-radius:8px;' +
        'background:#b3261e;color:#fff;font:bold 11px/16px sans-serif;text-align:center;vertical-align:middle',
    );
    const anchor = first(row.element, 'rowSubject');
    if (anchor?.parentNode) anchor.parentNode.insertBefore(element, anchor);
    else (row.element.lastElementChild ?? row.element).append(element);
  }
}

/** Shows, updates or removes (count 0) the row's badge; calling it again with the same values changes nothing. */
export function setRowBadge(row: Pick<InboxRow, 'element' | 'rowId'>, count: number, label: string): void {
  const badge = { rowId: row.rowId, count, label };
  if (count > 0) wanted.set(row.element, badge);
  else wanted.delete(row.element);
  render(row, badge);
}

/** Puts back badges Gmail removed while redrawing a row that still shows the same thread. */
export function restoreBadges(rows: InboxRow[]): void {
  for (const row of rows) {
    const badge = wanted.get(row.element);
    if (badge && badge.rowId === row.rowId) render(row, badge);
  }
}
