import type { importFr } from '../i18n/areas/import';

export type ImportMessageKey = keyof typeof importFr;

/**
 * Something the user should know about one row or one file. `error`: the row or file was not
 * imported. `assumption`: imported, but a value was filled in by a rule the user should check
 * (a derived due date). `warning`: imported, with a value left out (an unreadable email).
 *
 * `params` fills the message (`translate(locale, issue.key, issue.params)`); `line`, `column` and
 * `value` are in it too when they apply, so the report reads on its own.
 */
export interface ImportIssue {
  severity: 'error' | 'assumption' | 'warning';
  key: ImportMessageKey;
  /** Line of the file, from 1, as a text editor or spreadsheet numbers it. */
  line?: number;
  /** The column's header as written in the file. */
  column?: string;
  /** The cell, shortened, as written in the file. */
  value?: string;
  params: Record<string, string | number>;
}

export function issue(
  severity: ImportIssue['severity'],
  key: ImportMessageKey,
  where: { line?: number; column?: string; value?: string } = {},
  params: Record<string, string | number> = {},
): ImportIssue {
  const all: Record<string, string | number> = { ...params };
  if (where.line !== undefined) all.line = where.line;
  if (where.column !== undefined) all.column = where.column;
  if (where.value !== undefined) all.value = where.value;
  return { severity, key, ...where, params: all };
}
