/**
 * The template language: plain text with `{{…}}` tags, small enough to explain on one screen.
 *
 *   {{client.name}}                     a value (escaped in HTML output)
 *   {{#if personal}} … {{else if client.loyal}} … {{else}} … {{/if}}
 *   {{#unless single}} … {{/unless}}
 *   {{#each invoices}} {{number}} … {{/each}}   inside, an item's fields come first
 *   {{! a comment }}
 *
 * A block tag alone on its line takes its line with it, so sections leave no blank lines.
 * Issues are codes with a position, never sentences: the UI translates them.
 */

export const templateIssueCodes = [
  /** `{{` without its `}}`. */
  'unclosed_tag',
  /** `{{}}` or `{{#if}}` without a variable. */
  'empty_tag',
  /** Something between the braces that is neither a variable nor a known block. */
  'invalid_tag',
  /** A block opened and never closed. */
  'unclosed_block',
  /** `{{/if}}` with no block open. */
  'unexpected_close',
  /** `{{/each}}` closing an `{{#if}}`, and the like. */
  'mismatched_close',
  /** `{{else}}` outside an `{{#if}}`/`{{#unless}}`, or a second one. */
  'unexpected_else',
  /** A name the template language does not know. */
  'unknown_variable',
  /** `{{#each}}` over something that is not a list. */
  'not_a_list',
  /** A list or a yes/no flag printed as text. */
  'not_printable',
] as const;
export type TemplateIssueCode = (typeof templateIssueCodes)[number];

export interface TemplateIssue {
  code: TemplateIssueCode;
  /** Offset of the tag in the template text, from 0. */
  offset: number;
  /** 1-based, for people. */
  line: number;
  column: number;
  /** The tag as written, e.g. `{{client.nme}}`. */
  tag: string;
  /** The variable concerned, when there is one. */
  variable?: string;
}

export interface TextNode {
  kind: 'text';
  value: string;
}
export interface VarNode {
  kind: 'var';
  path: string;
  offset: number;
  tag: string;
}
export interface IfNode {
  kind: 'if';
  path: string;
  negate: boolean;
  offset: number;
  tag: string;
  then: TemplateNode[];
  otherwise: TemplateNode[];
}
export interface EachNode {
  kind: 'each';
  path: string;
  offset: number;
  tag: string;
  body: TemplateNode[];
}
export type TemplateNode = TextNode | VarNode | IfNode | EachNode;

export interface ParsedTemplate {
  nodes: TemplateNode[];
  /** Syntax issues only; unknown variables are checked against a vocabulary (see variables.ts). */
  issues: TemplateIssue[];
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

type Tag =
  | { kind: 'var'; path: string }
  | { kind: 'open'; block: 'if' | 'unless' | 'each'; path: string }
  | { kind: 'else'; path?: string }
  | { kind: 'close'; block: 'if' | 'unless' | 'each' }
  | { kind: 'comment' }
  | { kind: 'bad'; code: 'empty_tag' | 'invalid_tag' };

function readTag(inner: string): Tag {
  const body = inner.trim();
  if (body.startsWith('!')) return { kind: 'comment' };
  if (body === '') return { kind: 'bad', code: 'empty_tag' };
  const open = /^#(if|unless|each)(?:\s+(.*))?$/.exec(body);
  if (open) {
    const path = open[2]?.trim() ?? '';
    if (path === '') return { kind: 'bad', code: 'empty_tag' };
    if (!PATH.test(path)) return { kind: 'bad', code: 'invalid_tag' };
    return { kind: 'open', block: open[1] as 'if' | 'unless' | 'each', path };
  }
  const close = /^\/(if|unless|each)$/.exec(body);
  if (close) return { kind: 'close', block: close[1] as 'if' | 'unless' | 'each' };
  if (body === 'else') return { kind: 'else' };
  const elseIf = /^else\s+if(?:\s+(.*))?$/.exec(body);
  if (elseIf) {
    const path = elseIf[1]?.trim() ?? '';
    if (path === '') return { kind: 'bad', code: 'empty_tag' };
    return PATH.test(path) ? { kind: 'else', path } : { kind: 'bad', code: 'invalid_tag' };
  }
  return PATH.test(body) ? { kind: 'var', path: body } : { kind: 'bad', code: 'invalid_tag' };
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function issue(text: string, code: TemplateIssueCode, offset: number, tag: string, variable?: string) {
  const found: TemplateIssue = { code, offset, ...positionOf(text, offset), tag };
  if (variable !== undefined) found.variable = variable;
  return found;
}

interface Frame {
  node: IfNode | EachNode;
  /** Where new nodes go: the `then`/`otherwise` branch or the loop body. */
  target: TemplateNode[];
  block: 'if' | 'unless' | 'each';
  sawElse: boolean;
  /** `{{else if}}` nests an `if` in the `otherwise` branch; one close ends the whole chain. */
  chained: boolean;
}

/**
 * A block tag alone on its line (only blanks around it) is "standalone": the blanks before it and
 * the line break after it are dropped, so that a section written on its own lines leaves none.
 */
function standalone(text: string, start: number, end: number): { from: number; to: number } | undefined {
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  if (from > 0 && text[from - 1] !== '\n') return undefined;
  let to = end;
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
  if (to < text.length && text[to] === '\r') to++;
  if (to < text.length && text[to] !== '\n') return undefined;
  return { from, to: to < text.length ? to + 1 : to };
}

export function parseTemplate(text: string): ParsedTemplate {
  const issues: TemplateIssue[] = [];
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  let target = root;
  let cursor = 0;
  const pushText = (value: string) => {
    if (value !== '') target.push({ kind: 'text', value });
  };

  while (cursor < text.length) {
    const start = text.indexOf('{{', cursor);
    if (start === -1) break;
    const end = text.indexOf('}}', start + 2);
    if (end === -1) {
      issues.push(issue(text, 'unclosed_tag', start, text.slice(start, start + 30)));
      break;
    }
    const tagText = text.slice(start, end + 2);
    const tag = readTag(text.slice(start + 2, end));
    const block = tag.kind !== 'var' && tag.kind !== 'bad';
    const span = block ? standalone(text, start, end + 2) : undefined;
    pushText(text.slice(cursor, span ? span.from : start));
    cursor = span ? span.to : end + 2;

    switch (tag.kind) {
      case 'bad':
        issues.push(issue(text, tag.code, start, tagText));
        break;
      case 'comment':
        break;
      case 'var':
        target.push({ kind: 'var', path: tag.path, offset: start, tag: tagText });
        break;
      case 'open': {
        const node: IfNode | EachNode =
          tag.block === 'each'
            ? { kind: 'each', path: tag.path, offset: start, tag: tagText, body: [] }
            : {
                kind: 'if',
                path: tag.path,
                negate: tag.block === 'unless',
                offset: start,
                tag: tagText,
                then: [],
                otherwise: [],
              };
        target.push(node);
        target = node.kind === 'each' ? node.body : node.then;
        stack.push({ node, target, block: tag.block, sawElse: false, chained: false });
        break;
      }
      case 'else': {
        const frame = stack[stack.length - 1];
        if (!frame || frame.node.kind !== 'if' || frame.sawElse) {
          issues.push(issue(text, 'unexpected_else', start, tagText));
          break;
        }
        frame.sawElse = true;
        if (tag.path === undefined) {
          target = frame.node.otherwise;
          frame.target = target;
        } else {
          const node: IfNode = {
            kind: 'if',
            path: tag.path,
            negate: false,
            offset: start,
            tag: tagText,
            then: [],
            otherwise: [],
          };
          frame.node.otherwise.push(node);
          target = node.then;
          stack.push({ node, target, block: frame.block, sawElse: false, chained: true });
        }
        break;
      }
      case 'close': {
        const frame = stack[stack.length - 1];
        if (!frame) {
          issues.push(issue(text, 'unexpected_close', start, tagText));
          break;
        }
        if (frame.block !== tag.block) {
          issues.push(issue(text, 'mismatched_close', start, tagText));
          break;
        }
        // Pop the whole `else if` chain down to the tag that opened it.
        while (stack.length > 0 && stack.pop()!.chained);
        target = stack[stack.length - 1]?.target ?? root;
        break;
      }
    }
  }
  pushText(text.slice(cursor));
  for (const frame of stack)
    if (!frame.chained) issues.push(issue(text, 'unclosed_block', frame.node.offset, frame.node.tag));
  return { nodes: root, issues };
}
