import type { AttachmentResult } from '../types';
import { union } from './selectors';
import { locateThread } from './thread';

/** Files larger than this are not fetched: no invoice is that big, and the sidebar holds it in memory. */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

/**
 * The download address of an attachment of the open thread, from Gmail's `download_url`
 * (`mime:name:url`). Only Gmail's own addresses are accepted: the attribute is page content.
 */
export function attachmentUrl(root: ParentNode, name: string): string | null {
  const thread = locateThread(root);
  if (!thread) return null;
  for (const element of union(thread.element, 'attachment')) {
    const raw = element.getAttribute('download_url');
    if (!raw) continue;
    const parsed = /^[^:]*:(.*?):((?:https?):.*)$/.exec(raw);
    if (!parsed || parsed[1]!.trim() !== name) continue;
    try {
      const url = new URL(parsed[2]!);
      if (url.protocol === 'https:' && url.hostname === 'mail.google.com') return url.href;
    } catch {
      // Not an address: skip it.
    }
  }
  return null;
}

/** Downloads an attachment of the open thread with the user's Gmail session. Never rejects. */
export async function fetchAttachment(
  name: string,
  options: { root?: ParentNode; fetch?: typeof fetch } = {},
): Promise<AttachmentResult> {
  const url = attachmentUrl(options.root ?? document, name);
  if (!url) return { ok: false, reason: 'not_found' };
  try {
    const response = await (options.fetch ?? fetch)(url, { credentials: 'include' });
    if (!response.ok) return { ok: false, reason: 'download_failed' };
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'too_large' };
    return { ok: true, name, bytes };
  } catch {
    return { ok: false, reason: 'download_failed' };
  }
}
