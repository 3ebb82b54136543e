import type { ImportIssue, ImportMessageKey } from './issues';

export type ImportTranslate = (key: ImportMessageKey, params?: Record<string, string | number>) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELD_PARAMS = new Set(['field']);

/**
 * One issue as a sentence for the report: "Ligne 12, colonne « Montant TTC » : « 12,3,4 » n’est
 * pas un montant lisible." Dates are written in the user's locale, field codes as their labels.
 * `t` is `translator(locale)` from lib/i18n.
 */
export function describeIssue(item: ImportIssue, t: ImportTranslate, locale = 'fr-FR'): string {
  const dates = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' });
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(item.params)) {
    if (typeof value === 'string' && ISO_DATE.test(value) && name !== 'value') {
      params[name] = dates.format(new Date(`${value}T00:00:00Z`));
    } else if (FIELD_PARAMS.has(name)) {
      params[name] = t(`import.field.${value}` as ImportMessageKey);
    } else params[name] = value;
  }
  const reason = t(item.key, params);
  if (item.line === undefined) return reason;
  if (item.column === undefined || item.column === '')
    return t('import.report.atLine', { line: item.line, reason });
  return t('import.report.atCell', { line: item.line, column: item.column, reason });
}
