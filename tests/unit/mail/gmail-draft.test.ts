// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { draftNodes } from '../../../lib/mail/gmail/draft-nodes';

/** The fragment as HTML, read through a wrapper's outerHTML (innerHTML is banned even in tests). */
function html(fragment: DocumentFragment): string {
  const wrapper = document.createElement('div');
  wrapper.append(fragment);
  return wrapper.outerHTML.slice('<div>'.length, -'</div>'.length);
}

const draft = (input: string, text?: string) => html(draftNodes(document, new DOMParser(), input, text));

describe('draftNodes', () => {
  it.each([
    ['keeps formatting', '<p>Bonjour <strong>Claire</strong>,<br><em>merci</em></p>', null],
    ['keeps escaped markup as text', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', null],
    [
      'keeps tables with their layout attributes',
      '<table border="1"><tbody><tr><td colspan="2">1 250,00 €</td></tr></tbody></table>',
      null,
    ],
    [
      'keeps safe links',
      '<a href="https://exemple.fr/p">a</a><a href="mailto:compta@exemple.fr">b</a><a href="tel:+33100000000">c</a>',
      null,
    ],
    ['keeps harmless inline styles', '<p style="color: #b3261e; font-weight: bold">Échue</p>', null],
    ['drops scripts with their content', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['drops styles with their content', '<style>p { color: red }</style><p>a</p>', '<p>a</p>'],
    [
      'drops media, objects, forms, svg and templates',
      '<img src="x" onerror="alert(1)"><object><embed></object><svg onload="alert(1)"><a>s</a></svg><form><input value="x"><button>b</button></form><template><p>t</p></template><p>a</p>',
      '<p>a</p>',
    ],
    [
      'strips event handlers, classes and ids',
      '<p onclick="alert(1)" onmouseover="alert(2)" class="gmail_quote" id="x" data-x="1">a</p>',
      '<p>a</p>',
    ],
    ['strips javascript: links', '<a href="javascript:alert(1)">a</a>', '<a>a</a>'],
    [
      'strips javascript: links in disguise',
      '<a href=" JaVa&#x0A;Script&colon;alert(1)">a</a><a href="&#106;avascript:alert(1)">b</a>',
      '<a>a</a><a>b</a>',
    ],
    [
      'strips data: and relative links',
      '<a href="data:text/html,<script>alert(1)</script>">a</a><a href="/mail">b</a>',
      '<a>a</a><a>b</a>',
    ],
    [
      'strips styles that load or run something',
      '<p style="background: url(javascript:alert(1))">a</p><p style="width: expression(alert(1))">b</p>',
      '<p>a</p><p>b</p>',
    ],
    [
      'unwraps unknown elements and keeps their text',
      '<section><p>a</p></section><x-relance>b</x-relance><center>c</center>',
      '<p>a</p>bc',
    ],
    ['drops comments', '<p>a<!-- <script>alert(1)</script> --></p>', '<p>a</p>'],
  ])('%s', (_case, input, expected) => {
    expect(draft(input)).toBe(expected ?? input);
  });

  it.each([
    ['HTML is empty', '', 'Bonjour,\nMerci.', 'Bonjour,<br>Merci.'],
    ['HTML yields no text', '<script>x()</script>', 'Bonjour', 'Bonjour'],
    ['HTML has text: the text is not used', '<p>Bonjour</p>', 'Autre', '<p>Bonjour</p>'],
    ['text is markup: it stays text', '', '<b>Bonjour</b>', '&lt;b&gt;Bonjour&lt;/b&gt;'],
  ])('plain text fallback when %s', (_case, input, text, expected) => {
    expect(draft(input, text)).toBe(expected);
  });

  it('builds nodes of the target document, not of the parsed one', () => {
    const fragment = draftNodes(document, new DOMParser(), '<p>a</p>');
    expect(fragment.firstChild!.ownerDocument).toBe(document);
  });
});
