/**
 * A small, strict XML parser for e-invoices. Why not DOMParser: the background service worker
 * has none, and Node tests have none either (happy-dom's rejects single-quoted XML declarations,
 * which real Factur-X files use). This one checks well-formedness (matched tags, quoted
 * attributes, known entities only) and resolves namespaces; it refuses DOCTYPE declarations, so
 * a hostile file cannot define entities (no "billion laughs", no external entities).
 */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  namespace: string;
  /** Attributes by qualified name as written (`schemeID`, `xsi:type`). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (and CDATA), children's text excluded. */
  text: string;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'XmlError';
  }
}

const NAME =
  /[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*(?::[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?/y;
const ATTRIBUTE = /\s+([A-Za-z_\u00c0-\uffff][\w.\-:\u00b7\u00c0-\uffff]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Open {
  element: XmlElement;
  qualified: string;
  scope: Map<string, string>;
}

export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let at = 0;
  let root: XmlElement | undefined;
  const stack: Open[] = [];
  const fail = (message: string): never => {
    let line = 1;
    for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
    throw new XmlError(message, line);
  };

  const decode = (raw: string): string =>
    raw.indexOf('&') < 0
      ? raw
      : raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
          if (!whole.endsWith(';')) fail('"&" not followed by an entity');
          if (name in ENTITIES) return ENTITIES[name]!;
          const code = /^#x[0-9a-f]+$/i.test(name)
            ? parseInt(name.slice(2), 16)
            : /^#\d+$/.test(name)
              ? Number(name.slice(1))
              : -1;
          if (code < 0) fail(`unknown entity &${name};`);
          if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            fail('invalid character reference');
          return String.fromCodePoint(code);
        });

  const resolve = (qualified: string, scope: Map<string, string>, isAttribute: boolean): string => {
    const colon = qualified.indexOf(':');
    if (colon < 0) return isAttribute ? '' : (scope.get('') ?? '');
    const prefix = qualified.slice(0, colon);
    if (prefix === 'xml') return XML_NS;
    const uri = scope.get(prefix);
    if (uri === undefined) fail(`undeclared namespace prefix "${prefix}"`);
    return uri!;
  };

  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const chunk = text.slice(at, lt < 0 ? text.length : lt);
    if (chunk.length > 0) {
      const top = stack[stack.length - 1];
      if (top) top.element.text += decode(chunk);
      else if (chunk.trim() !== '') fail('text outside the root element');
    }
    if (lt < 0) break;
    at = lt;

    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) fail('unterminated processing instruction');
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) fail('unterminated comment');
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end < 0) fail('unterminated CDATA section');
      const top = stack[stack.length - 1];
      if (!top) fail('CDATA outside the root element');
      top!.element.text += text.slice(at + 9, end);
      at = end + 3;
    } else if (text.startsWith('<!', at)) {
      fail('DOCTYPE and other declarations are not accepted');
    } else if (text.startsWith('</', at)) {
      NAME.lastIndex = at + 2;
      const match = NAME.exec(text);
      if (!match) fail('malformed closing tag');
      const qualified = match![0];
      at = NAME.lastIndex;
      while (at < text.length && /\s/.test(text[at]!)) at += 1;
      if (text[at] !== '>') fail('malformed closing tag');
      at += 1;
      const open = stack.pop();
      if (!open) fail(`closing tag </${qualified}> without an opening tag`);
      if (open!.qualified !== qualified) fail(`<${open!.qualified}> closed by </${qualified}>`);
    } else {
      NAME.lastIndex = at + 1;
      const match = NAME.exec(text);
      if (!match) fail('malformed tag');
      const qualified = match![0];
      at = NAME.lastIndex;
      const raw: [string, string][] = [];
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const attribute = ATTRIBUTE.exec(text);
        if (!attribute) break;
        raw.push([attribute[1]!, decode(attribute[2] ?? attribute[3] ?? '')]);
        at = ATTRIBUTE.lastIndex;
      }
      while (at < text.length && /\s/.test(text[at]!)) at += 1;
      const selfClosing = text.startsWith('/>', at);
      if (!selfClosing && text[at] !== '>') fail(`malformed tag <${qualified}>`);
      at += selfClosing ? 2 : 1;

      const parent = stack[stack.length - 1];
      if (!parent && root) fail('a second root element');
      let scope = parent?.scope ?? new Map<string, string>();
      const attributes: Record<string, string> = {};
      for (const [name, value] of raw) {
        if (name in attributes) fail(`attribute "${name}" given twice`);
        attributes[name] = value;
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          if (scope === parent?.scope) scope = new Map(scope);
          scope.set(name === 'xmlns' ? '' : name.slice(6), value);
        }
      }
      for (const name of Object.keys(attributes)) {
        if (name.includes(':') && !name.startsWith('xmlns:')) resolve(name, scope, true);
      }
      const colon = qualified.indexOf(':');
      const element: XmlElement = {
        name: colon < 0 ? qualified : qualified.slice(colon + 1),
        namespace: resolve(qualified, scope, false),
        attributes,
        children: [],
        text: '',
      };
      if (parent) parent.element.children.push(element);
      else root = element;
      if (!selfClosing) stack.push({ element, qualified, scope });
    }
  }
  if (stack.length > 0)
    fail(`<${stack[stack.length - 1]!.qualified}> is never closed: the file is cut short`);
  if (!root) fail('no root element');
  return root!;
}

/** First child with this local name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((item) => item.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((item) => item.name === name) : [];
}

/** Follows local names: `path(root, 'ExchangedDocument', 'ID')`. */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

/** Trimmed text at a path, or '' when the path is absent. */
export function textAt(element: XmlElement | undefined, ...names: string[]): string {
  return path(element, ...names)?.text.trim() ?? '';
}
