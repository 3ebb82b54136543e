import type { ThreadContext } from '../types';
import {
  all,
  documentOf,
  first,
  isShown,
  match,
  normaliseThreadId,
  outermost,
  union,
  type SelectorName,
} from './selectors';

/** Enough for every invoice number of a long thread; keeps messages to the sidebar small. */
export const MAX_TEXT = 200_000;

export type Generation = 'classic' | '2024';

export interface ThreadDiagnostics {
  /** Which markup generation the open thread matched, or null when none did. */
  generation: Generation | null;
  /** The thread id the URL shows (`#inbox/<id>`), so the UI can tell "no thread" from "unreadable thread". */
  urlThreadId: string | null;
  /** For each thread selector list, the selector that matched, or null. */
  matched: Partial<Record<SelectorName, string | null>>;
}

type Person = ThreadContext['participants'][number];

const RANK: Record<Person['role'], number> = { from: 0, to: 1, cc: 2 };
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
const INLINE = new Set([
  'a',
  'b',
  'i',
  'u',
  's',
  'em',
  'strong',
  'span',
  'font',
  'small',
  'sub',
  'sup',
  'code',
]);

/** The shown thread container, if any. */
export function locateThread(
  root: ParentNode,
): { element: Element; generation: Generation; css: string } | null {
  const found = match(root, 'thread', isShown);
  if (!found) return null;
  // `.a98.iY` only exists in the newer generation; the older one is the bare table row.
  return {
    element: found.elements[0]!,
    generation: found.css.includes('.a98') ? '2024' : 'classic',
    css: found.css,
  };
}

/** The last path segment of `#inbox/FMfcg…` or `#label/x/18c2…`: what Gmail puts in the URL of a thread. */
export function urlThreadId(root: ParentNode): string | null {
  const hash = documentOf(root).location?.hash ?? '';
  const last = hash.split('/').slice(1).pop() ?? '';
  return /^[A-Za-z0-9]{16,}$/.test(last) ? last : null;
}

function threadIdOf(root: ParentNode, container: Element): string {
  const carrier = first(container, 'threadId');
  const raw = carrier?.getAttribute('data-legacy-thread-id') ?? carrier?.getAttribute('data-thread-perm-id');
  return normaliseThreadId(raw) || urlThreadId(root) || '';
}

function messagesOf(container: Element): Element[] {
  return outermost(all(container, 'message'));
}

/**
 * A cheap fingerprint of the open thread (id, message and body counts), so the watcher reads the whole
 * thread only when it changed. Empty when no thread is open.
 */
export function threadKey(root: ParentNode): string {
  const found = locateThread(root);
  if (!found) return '';
  const messages = messagesOf(found.element);
  return `${threadIdOf(root, found.element)}|${messages.length}|${all(found.element, 'body').length}`;
}

function collectText(node: Node, out: { parts: string[]; size: number }): void {
  for (let child = node.firstChild; child && out.size < MAX_TEXT * 2; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const data = (child as Text).data;
      out.parts.push(data);
      out.size += data.length;
    } else if (child.nodeType === 1) {
      const tag = (child as Element).localName;
      if (SKIPPED.has(tag)) continue;
      collectText(child, out);
      // Block boundaries become spaces, so "F-2026-042</p><p>Merci" does not glue into one token.
      if (!INLINE.has(tag)) out.parts.push(' ');
    }
  }
}

function addPerson(people: Map<string, Person>, element: Element, role: Person['role']): void {
  const email = element.getAttribute('email')?.trim().toLowerCase();
  if (!email || !email.includes('@')) return;
  const name = (element.getAttribute('name') ?? element.textContent ?? '').trim();
  const known = people.get(email);
  if (!known) people.set(email, { email, name, role });
  else {
    // The same address as sender and as recipient: the sender role says more about who the client is.
    if (RANK[role] < RANK[known.role]) known.role = role;
    if (!known.name) known.name = name;
  }
}

function attachmentName(element: Element): string {
  const url = element.getAttribute('download_url');
  if (url !== null) return /^[^:]*:(.*?):(?:https?|blob|data):/.exec(url)?.[1]?.trim() ?? '';
  return element.textContent?.trim() ?? '';
}

/**
 * Reads the open thread, or returns null when no thread is shown or its markup is unknown (then the
 * UI offers the manual client picker). Reads text only: email content is hostile and never parsed as HTML.
 */
export function readThread(root: ParentNode = document): ThreadContext | null {
  const found = locateThread(root);
  if (!found) return null;
  const container = found.element;
  const messages = messagesOf(container);
  // If the message selectors stop matching, the thread is still worth reading as one block.
  const scopes = messages.length > 0 ? messages : [container];

  const people = new Map<string, Person>();
  const text = { parts: [] as string[], size: 0 };
  for (const scope of scopes) {
    const sender = first(scope, 'sender');
    if (sender) addPerson(people, sender, 'from');
    for (const recipient of all(scope, 'recipients')) addPerson(people, recipient, 'to');
    for (const body of outermost(all(scope, 'body'))) {
      collectText(body, text);
      text.parts.push(' ');
    }
  }

  const names = new Set(union(container, 'attachment').map(attachmentName).filter(Boolean));
  return {
    threadId: threadIdOf(root, container),
    subject: (first(container, 'subject')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    participants: [...people.values()],
    text: text.parts.join('').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT),
    attachmentNames: [...names],
  };
}

/** Which selectors matched the open thread: for the UI to degrade gracefully and for bug reports. */
export function readThreadDiagnostics(root: ParentNode = document): ThreadDiagnostics {
  const found = locateThread(root);
  const diagnostics: ThreadDiagnostics = {
    generation: found?.generation ?? null,
    urlThreadId: urlThreadId(root),
    matched: { thread: found?.css ?? null },
  };
  if (!found) return diagnostics;
  const parts = [
    'subject',
    'threadId',
    'message',
    'body',
    'sender',
    'recipients',
    'date',
    'attachment',
  ] as const;
  for (const name of parts) {
    diagnostics.matched[name] = match(found.element, name)?.css ?? null;
  }
  return diagnostics;
}
