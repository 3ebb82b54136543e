import { addDays } from '../../domain/calendar';
import type { IsoDate } from '../../domain/schemas';
import { parseAmountCents, type DecimalSeparator } from '../amounts';
import { parseDate, type DateOrder } from '../dates';
import { issue, type ImportIssue, type ImportMessageKey } from '../issues';
import type { ImportCandidate } from '../merge';
import { readPaymentTerms, applyTerms } from '../payment-terms';
import { excerpt, normaliseText, sirenOf, splitEmails } from '../text';
import type { CsvRow } from './analyse';
import type { CsvField, CsvMapping } from './fields';
import { isCreditNoteType, readCurrency, readPersonName, readSegment, readStatus } from './values';

export interface RowContext {
  mapping: CsvMapping;
  headers: readonly string[];
  decimal: DecimalSeparator;
  dateOrder: DateOrder;
  today: IsoDate;
  defaultDueDays: number;
  currency: string;
  excelSerial: boolean;
}

/**
 * Turns one data row into an import candidate, or explains why it cannot be one. Every value
 * the row does not give but the ledger needs (a due date) is filled by a stated rule and
 * reported as an assumption.
 */
export function readRow(row: CsvRow, ctx: RowContext, issues: ImportIssue[]): ImportCandidate | undefined {
  const { line, cells } = row;
  const { mapping, headers } = ctx;
  const raw = (field: CsvField) => {
    const index = mapping[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const at = (field: CsvField, value?: string) => ({
    line,
    column: headers[mapping[field]!] ?? '',
    ...(value !== undefined && { value: excerpt(value) }),
  });
  const reject = (key: ImportMessageKey, where: Parameters<typeof issue>[2] = { line }, params = {}) => {
    issues.push(issue('error', key, where, params));
    return undefined;
  };
  const note = (
    severity: 'assumption' | 'warning',
    key: ImportMessageKey,
    where: Parameters<typeof issue>[2],
    params = {},
  ) => issues.push(issue(severity, key, where, params));

  if (row.parseError) return reject('import.row.unclosedQuote');
  const extra = cells.slice(headers.length).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) {
    return reject('import.row.tooManyCells', { line }, { count: cells.length, expected: headers.length });
  }

  const number = raw('number');
  const name = raw('client').replace(/\s+/g, ' ');
  if (number === '') {
    // A "Total" line at the bottom of an export is not an invoice.
    if (cells.some((cell) => /^(sous )?total\b/.test(normaliseText(cell)))) {
      note('warning', 'import.row.totalLineSkipped', { line });
      return undefined;
    }
    return reject('import.row.missingValue', at('number'));
  }
  if (number.length > 100) return reject('import.row.invalidNumber', at('number', number));
  if (name === '') return reject('import.row.missingValue', at('client'));

  const amount = (field: 'total' | 'remaining' | 'paid') => {
    const text = raw(field);
    if (text === '') return { ok: true as const, cents: undefined };
    const cents = parseAmountCents(text, ctx.decimal);
    if (cents === undefined) reject('import.row.invalidAmount', at(field, text));
    return cents === undefined ? { ok: false as const } : { ok: true as const, cents };
  };
  const total = amount('total');
  const remaining = amount('remaining');
  const paidColumn = amount('paid');
  if (!total.ok || !remaining.ok || !paidColumn.ok) return undefined;
  if (total.cents === undefined && remaining.cents === undefined) {
    return reject('import.row.missingValue', at(mapping.total !== undefined ? 'total' : 'remaining'));
  }

  const status = readStatus(raw('status'));
  if (status === 'unknown') note('warning', 'import.row.unknownStatus', at('status', raw('status')));
  const signed = total.cents ?? remaining.cents!;
  const isCreditNote = signed < 0 || status === 'credit_note' || isCreditNoteType(raw('docType'));
  const amountCents = Math.abs(signed);

  let paidCents = 0;
  if (remaining.cents !== undefined && total.cents !== undefined) {
    const left = Math.abs(remaining.cents);
    if (left > amountCents) {
      return reject('import.row.remainingAboveTotal', at('remaining', raw('remaining')), {
        total: raw('total'),
      });
    }
    paidCents = amountCents - left;
  } else if (status === 'paid') {
    paidCents = amountCents;
  } else if (paidColumn.cents !== undefined) {
    const paid = Math.abs(paidColumn.cents);
    if (paid > amountCents) return reject('import.row.paidAboveTotal', at('paid', raw('paid')));
    paidCents = paid;
  }
  if (status === 'paid' && paidCents < amountCents && remaining.cents !== undefined) {
    note('warning', 'import.row.statusContradicts', at('status', raw('status')));
  }

  const date = (field: 'issueDate' | 'dueDate') => {
    const text = raw(field);
    if (text === '') return { ok: true as const, date: undefined };
    const parsed = parseDate(text, { order: ctx.dateOrder, today: ctx.today, excelSerial: ctx.excelSerial });
    if (!parsed) reject('import.row.invalidDate', at(field, text));
    return parsed ? { ok: true as const, date: parsed } : { ok: false as const };
  };
  const issued = date('issueDate');
  const due = date('dueDate');
  if (!issued.ok || !due.ok) return undefined;
  let issueDate = issued.date;
  let dueDate = due.date;
  const terms = raw('terms').slice(0, 200);
  if (!issueDate && !dueDate) {
    return reject('import.row.missingValue', at(mapping.issueDate !== undefined ? 'issueDate' : 'dueDate'));
  }
  if (!issueDate) {
    issueDate = dueDate!;
    note('assumption', 'import.row.issueDateFromDue', { line }, { date: issueDate });
  }
  if (!dueDate) {
    const rule = terms ? readPaymentTerms(terms) : undefined;
    if (rule) {
      dueDate = applyTerms(issueDate, rule);
      note('assumption', 'import.row.dueFromTerms', at('terms', terms), { date: dueDate });
    } else {
      dueDate = addDays(issueDate, ctx.defaultDueDays);
      if (terms) note('warning', 'import.row.termsUnreadable', at('terms', terms));
      note('assumption', 'import.row.dueFromDefault', { line }, { days: ctx.defaultDueDays, date: dueDate });
    }
  }
  if (dueDate < issueDate) {
    return reject('import.row.dueBeforeIssue', at('dueDate', raw('dueDate')), { issueDate });
  }
  if (issueDate > ctx.today) note('warning', 'import.row.issueInFuture', at('issueDate', raw('issueDate')));

  const { emails, invalid } = splitEmails(raw('email'));
  for (const bad of invalid) note('warning', 'import.row.invalidEmail', at('email', bad));
  const sirenText = raw('siren');
  const siren = sirenText ? sirenOf(sirenText) : undefined;
  if (sirenText && !siren) note('warning', 'import.row.invalidSiren', at('siren', sirenText));
  const segmentText = raw('segment');
  const segment = segmentText ? readSegment(segmentText) : undefined;
  if (segmentText && !segment) note('warning', 'import.row.unknownSegment', at('segment', segmentText));
  const currencyText = raw('currency');
  let currency = currencyText ? readCurrency(currencyText) : undefined;
  if (currencyText && !currency) note('warning', 'import.row.unknownCurrency', at('currency', currencyText));
  currency ??= ctx.currency;
  const contact = raw('contact');
  const address = raw('address');

  return {
    line,
    client: {
      name: name.slice(0, 200),
      emails,
      ...(siren && { siren }),
      ...(segment && { segment }),
      ...(raw('phone') && { phone: raw('phone').slice(0, 40) }),
      ...(contact && { contact: readPersonName(contact) }),
      ...(address && {
        address: address
          .split(/\r?\n/)
          .map((part) => part.trim().slice(0, 200))
          .filter(Boolean),
      }),
    },
    invoice: {
      number,
      issueDate,
      dueDate,
      amountCents,
      paidCents,
      currency,
      paymentTerms: terms,
      isCreditNote,
    },
  };
}
