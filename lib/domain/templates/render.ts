import {
  parseTemplate,
  positionOf,
  type ParsedTemplate,
  type TemplateIssue,
  type TemplateNode,
} from './syntax';

/** A URL printed as a link in HTML (only http and https; anything else stays text). */
export interface LinkValue {
  kind: 'link';
  href: string;
}

/** A block printed as a table in HTML and as one line per row in text. */
export interface TableValue {
  kind: 'table';
  columns: string[];
  rows: string[][];
  /** e.g. the totals; empty cells are left out of the text form. */
  footer?: string[];
  /** Columns holding amounts and counts, right-aligned in HTML. */
  numeric: boolean[];
  /** Between a label and its value in text, e.g. " : " in French. */
  labelSeparator: string;
}

export type ScopeValue = string | number | boolean | LinkValue | TableValue | Scope | Scope[];
export interface Scope {
  [name: string]: ScopeValue;
}

/** Rendering met a name the scope does not hold: a blank in a sent mail is never acceptable. */
export class TemplateError extends Error {
  constructor(readonly issues: TemplateIssue[]) {
    super(issues.map((i) => `${i.code} at ${i.line}:${i.column} ${i.tag}`).join('; '));
    this.name = 'TemplateError';
  }
}

export interface Rendered {
  text: string;
  html: string;
}

type Segment = { kind: 'text'; value: string } | LinkValue | TableValue;

const cache = new Map<string, ParsedTemplate>();
const CACHE_SIZE = 300;

function parsed(text: string): ParsedTemplate {
  let found = cache.get(text);
  if (!found) {
    found = parseTemplate(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(text, found);
  }
  return found;
}

function isSpecial(value: ScopeValue): value is LinkValue | TableValue {
  return (
    typeof value === 'object' && !Array.isArray(value) && (value.kind === 'link' || value.kind === 'table')
  );
}

function lookup(scope: Scope, path: string): ScopeValue | undefined {
  let value: ScopeValue | undefined = scope;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || Array.isArray(value) || isSpecial(value) || !Object.hasOwn(value, part))
      return undefined;
    value = value[part];
  }
  return value;
}

function truthy(value: ScopeValue): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0;
  if (!isSpecial(value)) return true;
  return value.kind === 'link' ? value.href !== '' : value.rows.length > 0;
}

function evaluate(text: string, root: Scope): Segment[] {
  const out: Segment[] = [];
  const fail = (code: TemplateIssue['code'], node: Exclude<TemplateNode, { kind: 'text' }>): never => {
    throw new TemplateError([
      { code, offset: node.offset, ...positionOf(text, node.offset), tag: node.tag, variable: node.path },
    ]);
  };
  const walk = (nodes: TemplateNode[], item: Scope | undefined) => {
    for (const node of nodes) {
      if (node.kind === 'text') {
        out.push({ kind: 'text', value: node.value });
        continue;
      }
      const value = (item && lookup(item, node.path)) ?? lookup(root, node.path);
      if (value === undefined) return fail('unknown_variable', node);
      if (node.kind === 'var') {
        if (typeof value === 'string' || typeof value === 'number')
          out.push({ kind: 'text', value: String(value) });
        else if (typeof value === 'object' && !Array.isArray(value) && isSpecial(value)) out.push(value);
        else fail('not_printable', node);
      } else if (node.kind === 'if') {
        walk(truthy(value) !== node.negate ? node.then : node.otherwise, item);
      } else {
        if (!Array.isArray(value)) return fail('not_a_list', node);
        for (const entry of value) walk(node.body, entry);
      }
    }
  };
  const template = parsed(text);
  if (template.issues.length > 0) throw new TemplateError(template.issues);
  walk(template.nodes, undefined);
  return out;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Blank lines left by sections collapse to one, trailing blanks go. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tableText(table: TableValue): string {
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 ? cell : cell === '' ? '' : `${table.columns[i]}${table.labelSeparator}${cell}`,
      )
      .filter((part) => part !== '')
      .join(' – ');
  const lines = table.rows.map((row) => `• ${line(row)}`);
  if (table.footer) lines.push(line(table.footer));
  return `\n\n${lines.join('\n')}\n\n`;
}

const CELL = 'padding:4px 8px;border:1px solid #d0d0d0';

function tableHtml(table: TableValue): string {
  const align = (i: number) => (table.numeric[i] ? ';text-align:right' : ';text-align:left');
  const cells = (row: string[], tag: 'td' | 'th') =>
    row.map((cell, i) => `<${tag} style="${CELL}${align(i)}">${escapeHtml(cell)}</${tag}>`).join('');
  const head = `<thead><tr>${cells(table.columns, 'th')}</tr></thead>`;
  const body = `<tbody>${table.rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('')}</tbody>`;
  const foot = table.footer ? `<tfoot><tr>${cells(table.footer, 'th')}</tr></tfoot>` : '';
  return `<table style="border-collapse:collapse;margin:8px 0">${head}${body}${foot}</table>`;
}

function linkHtml(link: LinkValue): string {
  const text = escapeHtml(link.href);
  return /^https?:\/\//i.test(link.href) ? `<a href="${text}">${text}</a>` : text;
}

/** Adjacent text joined, so that a blank line split across values still separates paragraphs. */
function coalesce(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (segment.kind === 'text' && last?.kind === 'text')
      out[out.length - 1] = { kind: 'text', value: last.value + segment.value };
    else out.push(segment);
  }
  return out;
}

/** Every piece of text escaped, paragraphs at blank lines, tables and links as elements. */
function toHtml(segments: Segment[]): string {
  const blocks: string[] = [];
  let paragraph = '';
  const flush = () => {
    const inner = paragraph.replace(/^(?:\s|<br>)+|(?:\s|<br>)+$/g, '');
    if (inner !== '') blocks.push(`<p>${inner}</p>`);
    paragraph = '';
  };
  for (const segment of coalesce(segments)) {
    if (segment.kind === 'table') {
      flush();
      if (segment.rows.length > 0) blocks.push(tableHtml(segment));
    } else if (segment.kind === 'link') {
      paragraph += linkHtml(segment);
    } else {
      const parts = segment.value.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n\s*/);
      parts.forEach((part, i) => {
        if (i > 0) flush();
        paragraph += escapeHtml(part).replace(/[ \t]*\n/g, '<br>');
      });
    }
  }
  flush();
  return blocks.join('\n');
}

function toText(segments: Segment[]): string {
  let text = '';
  for (const segment of segments) {
    if (segment.kind === 'table') text += segment.rows.length > 0 ? tableText(segment) : '';
    else text += segment.kind === 'link' ? segment.href : segment.value;
  }
  return tidyText(text);
}

/**
 * Renders a template in both forms. Throws `TemplateError` on a syntax error or on a name the
 * scope does not hold, so that a broken template stops the draft instead of leaving a blank.
 */
export function renderTemplate(text: string, scope: Scope): Rendered {
  const segments = evaluate(text, scope);
  return { text: toText(segments), html: toHtml(segments) };
}

/** Plain text only (subjects, SMS, call sheets). */
export function renderText(text: string, scope: Scope): string {
  return toText(evaluate(text, scope));
}
