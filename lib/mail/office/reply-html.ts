import { draftNodes } from '../gmail/draft-nodes';

/**
 * Outlook limits the reply form's `htmlBody` to 32 KB and throws past it. Measured here in UTF-8
 * bytes, the strictest reading of "KB" for text (one character is at least one byte).
 * https://learn.microsoft.com/javascript/api/outlook/office.replyformdata#outlook-office-replyformdata-htmlbody-member
 */
export const MAX_HTML_BODY_BYTES = 32 * 1024;

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;
const ELLIPSIS = '…';

/**
 * The draft as sanitised HTML: the same allowlist as the Gmail reply (parsed in an inert document,
 * rebuilt node by node), then serialised. Plain `text` stands in when the HTML yields nothing.
 */
export function sanitiseDraftHtml(parser: DOMParser, html: string, text = ''): string {
  const doc = parser.parseFromString('<!doctype html><body></body>', 'text/html');
  const wrapper = doc.createElement('div');
  wrapper.appendChild(draftNodes(doc, parser, html, text));
  return wrapper.outerHTML.slice('<div>'.length, -'</div>'.length);
}

/**
 * Cuts HTML to at most `maxBytes` UTF-8 bytes without leaving half a tag, half an entity or half a
 * surrogate pair, and marks the cut with an ellipsis. Unclosed elements are closed by the parser.
 */
export function fitHtml(html: string, maxBytes = MAX_HTML_BODY_BYTES): { html: string; trimmed: boolean } {
  if (bytes(html) <= maxBytes) return { html, trimmed: false };
  const budget = maxBytes - bytes(ELLIPSIS);
  // Largest prefix within the budget: binary search over code units.
  let low = 0;
  let high = html.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (bytes(html.slice(0, middle)) <= budget) low = middle;
    else high = middle - 1;
  }
  let cut = html.slice(0, low);
  const lastCode = cut.charCodeAt(cut.length - 1);
  if (lastCode >= 0xd800 && lastCode <= 0xdbff) cut = cut.slice(0, -1);
  if (cut.lastIndexOf('<') > cut.lastIndexOf('>')) cut = cut.slice(0, cut.lastIndexOf('<'));
  cut = cut.replace(/&#?[a-zA-Z0-9]*$/, '');
  return { html: cut + ELLIPSIS, trimmed: true };
}
