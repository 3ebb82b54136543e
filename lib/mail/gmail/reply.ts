import type { ReplyDraft, ReplyFailure, ReplyResult } from '../types';
import { draftNodes } from './draft-nodes';
import { all, documentOf, first, isShown, union, windowOf, type PageWindow } from './selectors';
import { locateThread } from './thread';

export interface OpenReplyOptions extends ReplyDraft {
  root?: ParentNode;
  signal?: AbortSignal;
  /** How long Gmail gets to show the reply editor after the click. */
  timeoutMs?: number;
}

/** Marks our block in the editor, so drafting again replaces it instead of stacking a second one. */
export const DRAFT_ATTRIBUTE = 'data-relance-draft';

const fail = (reason: ReplyFailure): ReplyResult => ({ ok: false, reason });

function replyButton(thread: Element, replyAll: boolean): Element | null {
  const bottom = (replyAll ? first(thread, 'replyAllButton') : null) ?? first(thread, 'replyButton');
  // Per-message buttons have no reply-all; the latest message's reply is what the bottom bar would do.
  return bottom ?? all(thread, 'messageReplyButton').at(-1) ?? null;
}

/** Gmail's buttons act on mousedown/mouseup, not only on click, so all three are sent. */
function press(button: Element, win: PageWindow): void {
  for (const type of ['mousedown', 'mouseup', 'click']) {
    button.dispatchEvent(new win.MouseEvent(type, { bubbles: true, cancelable: true }));
  }
}

function waitFor<T>(
  doc: Document,
  win: PageWindow,
  find: () => T | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T | 'timeout' | 'aborted'> {
  return new Promise((resolve) => {
    const now = find();
    if (now !== undefined) return resolve(now);
    const done = (value: T | 'timeout' | 'aborted') => {
      observer.disconnect();
      win.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done('aborted');
    const observer = new win.MutationObserver(() => {
      const found = find();
      if (found !== undefined) done(found);
    });
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['contenteditable', 'g_editable'],
    });
    const timer = win.setTimeout(() => done('timeout'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The subject box of the editor's own compose form: the closest one going up, a few levels at most. */
function subjectBoxOf(editor: Element): HTMLInputElement | null {
  let scope = editor.parentElement;
  for (let level = 0; scope && level < 8; level++, scope = scope.parentElement) {
    const box = first(scope, 'composeSubject');
    if (box) return box as HTMLInputElement;
  }
  return null;
}

function fill(editor: Element, win: PageWindow, draft: ReplyDraft): void {
  const doc = editor.ownerDocument;
  const block = doc.createElement('div');
  block.setAttribute(DRAFT_ATTRIBUTE, '');
  block.append(draftNodes(doc, new win.DOMParser(), draft.html, draft.text));
  const previous = Array.from(editor.children).find((child) => child.hasAttribute(DRAFT_ATTRIBUTE));
  // At the top: Gmail's signature and quoted text stay below the draft, where the reader expects them.
  if (previous) previous.replaceWith(block);
  else editor.insertBefore(block, editor.firstChild);
  // Gmail saves the draft when its editor reports input; a DOM insertion alone does not.
  editor.dispatchEvent(new win.Event('input', { bubbles: true }));

  const subjectBox = subjectBoxOf(editor);
  // Gmail threads the reply by its "Re:" subject: only an empty subject is ours to fill.
  if (draft.subject && subjectBox && !subjectBox.value.trim()) {
    subjectBox.value = draft.subject;
    subjectBox.dispatchEvent(new win.Event('input', { bubbles: true }));
  }
}

/**
 * Opens Gmail's reply to the shown thread and puts the draft at the top of its editor. Never sends and
 * never throws: a failure comes back as a reason the UI can explain (then the user can paste the draft).
 */
export async function openReplyAndFill(options: OpenReplyOptions): Promise<ReplyResult> {
  const { root = document, signal, timeoutMs = 5000, replyAll = false } = options;
  try {
    if (signal?.aborted) return fail('aborted');
    const doc = documentOf(root);
    const win = windowOf(root);
    if (!win) return fail('compose_not_found');
    const thread = locateThread(root);
    if (!thread) return fail('no_reply_button');

    // A reply already open in this thread (Gmail then hides the reply bar) is the one to fill.
    const view = thread.element.closest('[role=main]') ?? thread.element;
    const open = union(view, 'composeEditor').find(isShown);
    if (open) {
      fill(open, win, options);
      return { ok: true };
    }

    const button = replyButton(thread.element, replyAll);
    if (!button) return fail('no_reply_button');
    const editorsBefore = new Set(union(root, 'composeEditor'));
    const shellsBefore = new Set(union(root, 'composeShell'));
    press(button, win);
    const editor = await waitFor(
      doc,
      win,
      () => union(root, 'composeEditor').find((element) => !editorsBefore.has(element)),
      timeoutMs,
      signal,
    );
    if (editor === 'aborted') return fail('aborted');
    if (editor === 'timeout') {
      // A compose form without a recognisable editor means Gmail's markup changed, not that it was slow.
      const shell = union(root, 'composeShell').some((element) => !shellsBefore.has(element));
      return fail(shell ? 'compose_not_found' : 'timeout');
    }
    fill(editor, win, options);
    return { ok: true };
  } catch {
    return fail('compose_not_found');
  }
}
