/**
 * Turns the draft's HTML into nodes of Gmail's document. The HTML comes from our own template engine,
 * which escapes every variable; this is defence in depth: it is parsed in an inert document (no script
 * runs, nothing loads) and rebuilt from an allowlist, so a template bug cannot become script in Gmail.
 */

/** Elements kept, with their allowed attributes. */
const KEPT = new Set(
  (
    'a b blockquote br caption code col colgroup div em h1 h2 h3 h4 h5 h6 hr i li ol p pre s small span ' +
    'strong sub sup table tbody td tfoot th thead tr u ul'
  ).split(' '),
);

/** Elements dropped with everything inside; any other element is unwrapped (its content kept). */
const DROPPED = new Set(
  (
    'script style template noscript iframe frame frameset object embed svg math head title link meta base ' +
    'img picture video audio source track canvas form input button select textarea'
  ).split(' '),
);

const ATTRIBUTES = new Set(
  'title style align valign colspan rowspan width dir lang border cellpadding cellspacing'.split(' '),
);

function allowed(tag: string, name: string, value: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\nscript:"), so strip them first.
  if (name === 'href') return tag === 'a' && /^(https?|mailto|tel):/i.test(value.replace(/[\s\p{Cc}]/gu, ''));
  if (name === 'style') return !/url\s*\(|expression|javascript:|@import|behavior/i.test(value);
  return ATTRIBUTES.has(name);
}

function copy(from: Node, to: Node, doc: Document): void {
  for (let node = from.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      to.appendChild(doc.createTextNode((node as Text).data));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.localName;
    if (DROPPED.has(tag)) continue;
    if (!KEPT.has(tag)) {
      copy(element, to, doc);
      continue;
    }
    const clean = doc.createElement(tag);
    for (const { name, value } of Array.from(element.attributes)) {
      if (allowed(tag, name.toLowerCase(), value)) clean.setAttribute(name, value);
    }
    copy(element, clean, doc);
    to.appendChild(clean);
  }
}

/**
 * The draft as a fragment of `doc`: sanitised HTML, or `text` (lines joined by <br>) when the HTML
 * yields no text. `parser` is the DOMParser of the page's window, passed in like every platform object.
 */
export function draftNodes(doc: Document, parser: DOMParser, html: string, text = ''): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  if (html.trim()) copy(parser.parseFromString(html, 'text/html').body, fragment, doc);
  if (fragment.textContent?.trim() || !text.trim()) return fragment;
  const plain = doc.createDocumentFragment();
  text.split(/\r?\n/).forEach((line, index) => {
    if (index > 0) plain.appendChild(doc.createElement('br'));
    plain.appendChild(doc.createTextNode(line));
  });
  return plain;
}
