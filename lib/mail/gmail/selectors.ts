/**
 * Every Gmail selector the extension relies on: nothing outside this module knows Gmail's markup.
 *
 * Sources: the selectors the two long-lived open-source Gmail libraries rely on (InboxSDK, gmail.js),
 * summarised in DESIGN.md "Gmail markup". Gmail renames its obfuscated classes without notice, so each
 * entry is a list tried in order, primary first, then fallbacks. tests/fixtures/gmail holds a hand-written
 * page for each markup generation; when Gmail changes, add the new selector in front and a fixture for it.
 */
export const GMAIL = {
  /**
   * The open conversation. Current Gmail wraps it in `.a98.iY`; the older generation only has the row of
   * the thread table. Tried before the wider fallbacks because `.g.id` marks the conversation view.
   */
  thread: [
    '[role=main] .g.id .a98.iY',
    '[role=main] .g.id table.Bs > tr',
    // Markup that went through the HTML parser (our fixtures, saved pages) gets an implied tbody.
    '[role=main] .g.id table.Bs > tbody > tr',
    // The reading pane (split view) shows the thread beside the list, not always inside `.g.id`.
    '[role=main] .a98.iY',
    '[role=main] table.Bs > tr',
    '[role=main] table.Bs > tbody > tr',
  ],
  subject: ['.ha h2.hP', 'h2.hP', 'h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]'],
  /** Legacy ids are hex; perm ids are `thread-f:<decimal>` of the same number (see normaliseThreadId). */
  threadId: ['[data-legacy-thread-id]', '[data-thread-perm-id]'],
  message: ['div.adn.ads', '[data-message-id]'],
  body: ['div.a3s', 'div.ii.gt'],
  sender: ['span.gD[email]', 'h3 [email]'],
  /** Gmail's compact header lists To and Cc together, so the adapter cannot tell them apart. */
  recipients: ['.hb span.g2[email]', 'span.g2[email]', '.hb [email]'],
  date: ['span.g3[title]'],
  /**
   * Best effort, and read as a union rather than first match: `download_url` is `mime:name:url` on the
   * attachment chip, `span.aV3` is the name shown on it; either may be missing.
   */
  attachment: ['[download_url]', '.aQH span.aV3', 'span.aV3'],
  /** Bottom bar: reply comes first; `.bkH` / `.bkI` tell reply from reply-all when present. */
  replyButton: ['.amn [role=button].ams.bkH', '.amn [role=button].ams'],
  replyAllButton: ['.amn [role=button].ams.bkI'],
  /** The reply arrow in each message header, used when the bottom bar is missing. */
  messageReplyButton: ['[role=button].aaq', '[role=button].bsQ', '.aaq', '.bsQ'],
  composeEditor: [
    '.M9 div[contenteditable=true][g_editable=true]',
    '.Ap div[contenteditable=true][g_editable=true]',
    'div[contenteditable=true][g_editable=true]',
  ],
  composeShell: ['.M9', '.Ap'],
  composeSubject: ['input[name=subjectbox]'],
  composeThread: ['input[name=rt]'],
  inboxRow: ['div[role=main] tr.zA[role=row]', 'div[role=main] tr.zA', 'tr.zA[role=row]'],
  rowThreadId: ['[data-thread-id]', '[data-legacy-thread-id]'],
  rowPeople: ['span[email][name]', '[email]'],
  rowSubject: ['.y6 span.bog', 'span.bog', '.y6'],
} as const satisfies Record<string, readonly string[]>;

export type SelectorName = keyof typeof GMAIL;

export interface Match {
  /** The selector of the list that matched, for diagnostics. */
  css: string;
  elements: Element[];
}

/** Elements of the first selector of the list that finds any (after `keep`), or null. */
export function match(
  scope: ParentNode,
  name: SelectorName,
  keep: (element: Element) => boolean = () => true,
): Match | null {
  for (const css of GMAIL[name]) {
    let elements: Element[];
    try {
      elements = Array.from(scope.querySelectorAll(css)).filter(keep);
    } catch {
      // A selector the engine cannot parse must not take the whole adapter down.
      continue;
    }
    if (elements.length > 0) return { css, elements };
  }
  return null;
}

export function first(scope: ParentNode, name: SelectorName): Element | null {
  return match(scope, name)?.elements[0] ?? null;
}

export function all(scope: ParentNode, name: SelectorName): Element[] {
  return match(scope, name)?.elements ?? [];
}

/** Every element any selector of the list finds, each once, in document order per selector. */
export function union(scope: ParentNode, name: SelectorName): Element[] {
  const found = new Set<Element>();
  for (const css of GMAIL[name]) {
    try {
      for (const element of scope.querySelectorAll(css)) found.add(element);
    } catch {
      continue;
    }
  }
  return [...found];
}

/** Drops matches nested in another match (a body inside a body, a message inside a message). */
export function outermost(elements: Element[]): Element[] {
  return elements.filter(
    (element) => !elements.some((other) => other !== element && other.contains(element)),
  );
}

/**
 * Gmail keeps the views it navigated away from in the page, hidden, so only a shown element counts.
 * `checkVisibility` needs layout, which a parsed document (no window) lacks: then inline styles decide.
 */
export function isShown(element: Element): boolean {
  if (element.closest('[hidden]')) return false;
  if (element.ownerDocument.defaultView && typeof element.checkVisibility === 'function') {
    return element.checkVisibility();
  }
  return !element.closest('[style*="display: none"], [style*="display:none"]');
}

/**
 * One id per thread whichever attribute carried it: `#thread-f:1784166457573434870` (perm id, decimal)
 * and `18c2a1f0b3d4e5f6` (legacy id, hex) are the same number, so the open thread and its inbox row agree.
 */
export function normaliseThreadId(raw: string | null | undefined): string {
  const value = (raw ?? '').trim().replace(/^#/, '');
  const perm = /^thread-f:(\d{1,20})$/.exec(value);
  return perm ? BigInt(perm[1]!).toString(16) : value;
}

export function documentOf(root: ParentNode): Document {
  return (root as Node).ownerDocument ?? (root as Document);
}

/** The page's window with the constructors the adapter uses, taken from it rather than from globals. */
export type PageWindow = Window &
  Pick<typeof globalThis, 'MutationObserver' | 'MouseEvent' | 'Event' | 'DOMParser'>;

export function windowOf(root: ParentNode): PageWindow | null {
  return documentOf(root).defaultView as PageWindow | null;
}
