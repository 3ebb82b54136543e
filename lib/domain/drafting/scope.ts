import { addDays } from '../calendar';
import { formatMoney } from '../money';
import { RECOVERY_INDEMNITY_CENTS } from '../penalties';
import type { Civility, CompanyProfile, Invoice } from '../schemas';
import type { Scope, TableValue, TemplateWords } from '../templates';
import { fill, formatRate, formatSiren, joinList, longDate, shortDate } from './format';
import type { DraftInput, DraftLine, DraftTotals } from './types';

export interface ScopeContext {
  input: DraftInput;
  words: TemplateWords;
  locale: string;
  lines: DraftLine[];
  totals: DraftTotals;
  reminders: string[];
  compact: boolean;
}

const MAX_LISTED = 3;

function civilityWord(civility: Civility, words: TemplateWords): string {
  return civility === 'mme' ? words.madam : civility === 'm' ? words.sir : '';
}

export function companyMentions(company: CompanyProfile, words: TemplateWords): string {
  const name = [company.legalName, company.legalForm].filter(Boolean).join(' ');
  const capital = company.shareCapital ? `${words.shareCapital} ${company.shareCapital}` : '';
  return [
    [name, capital].filter(Boolean).join(' '),
    company.address.filter(Boolean).join(', '),
    company.rcs || (company.siren ? `${words.siren} ${formatSiren(company.siren)}` : ''),
    company.vatNumber ? `${words.vat} ${company.vatNumber}` : '',
  ]
    .filter(Boolean)
    .join(' – ');
}

/** The values every template may use (see `templateVariables`), formatted for the draft's language. */
export function buildScope(ctx: ScopeContext): Scope {
  const { input, words, locale, lines, totals } = ctx;
  const { client, company, settings, today } = input;
  const currency = totals.currency;
  const money = (cents: number, cur = currency) => formatMoney(cents, cur, locale);
  const days = (n: number) => fill(n === 1 ? words.day : words.days, { n });
  const invoiceOf = new Map<string, Invoice>(
    input.invoices.map((entry) => [entry.invoice.id, entry.invoice]),
  );

  const invoiceScope = (line: DraftLine): Scope => {
    const invoice = invoiceOf.get(line.invoiceId)!;
    const last = line.penalties.periods[line.penalties.periods.length - 1];
    return {
      number: invoice.number,
      issueDate: shortDate(invoice.issueDate, locale),
      dueDate: shortDate(invoice.dueDate, locale),
      amount: money(invoice.amountCents, invoice.currency),
      outstanding: money(line.outstandingCents, invoice.currency),
      paid: money(invoice.amountCents - line.outstandingCents, invoice.currency),
      daysLate: days(line.daysLate),
      interest: money(line.penalties.interestCents, invoice.currency),
      indemnity: money(line.penalties.indemnityCents, invoice.currency),
      penalties: money(line.penalties.totalCents, invoice.currency),
      totalDue: money(line.outstandingCents + line.penalties.totalCents, invoice.currency),
      rate: last ? formatRate(last.rateBps, locale) : '',
      late: line.daysLate > 0,
      hasInterest: line.penalties.interestCents > 0,
    };
  };
  const invoices = lines.map(invoiceScope);

  const dueDates = input.invoices.map((entry) => entry.invoice.dueDate).sort();
  const oldest = dueDates[0] ?? today;
  const upcoming = dueDates.find((date) => date >= today) ?? oldest;
  const maxLate = lines.reduce((max, line) => Math.max(max, line.daysLate), 0);
  const mostLate = [...lines]
    .sort((a, b) => b.daysLate - a.daysLate)
    .find((l) => l.penalties.periods.length > 0);
  const lastPeriod = mostLate?.penalties.periods[mostLate.penalties.periods.length - 1];

  const numbers = lines.map((line) => line.number);
  const invoiceRefs =
    numbers.length <= MAX_LISTED
      ? joinList(numbers, locale)
      : joinList([...numbers.slice(0, 2), fill(words.andMore, { n: numbers.length - 2 })], locale);

  const contact = client.contact;
  const civility = civilityWord(contact.civility, words);
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const formalName = civility ? [civility, contact.lastName].filter(Boolean).join(' ') : fullName;
  const greeting = formalName ? fill(words.hello, { name: formalName }) : words.helloNoName;
  const letterGreeting = civility
    ? fill(words.letterHello, { name: formalName, civility })
    : words.letterHelloNoName;

  const segment = client.segment;
  const personal = totals.outstandingCents > settings.personalThresholdCents;
  const anyInterest = totals.interestCents > 0;
  const anyIndemnity = totals.indemnityCents > 0;

  return {
    client: {
      name: client.name,
      address: client.address.filter(Boolean).join('\n'),
      siren: client.siren ? formatSiren(client.siren) : '',
      loyal: client.relationship === 'loyal',
      regular: client.relationship === 'regular',
      new: client.relationship === 'new',
      latePayer: client.relationship === 'late_payer',
      business: segment === 'business' || segment === 'key_account',
      consumer: segment === 'consumer',
      public: segment === 'public',
    },
    contact: {
      civility,
      firstName: contact.firstName,
      lastName: contact.lastName,
      name: civility && contact.lastName ? `${civility} ${fullName}` : fullName,
      role: contact.role,
      phone: contact.phone,
    },
    greeting,
    friendlyGreeting: contact.firstName ? fill(words.hello, { name: contact.firstName }) : greeting,
    letterGreeting,
    closingCivility: civility || words.madamSir,
    tone: {
      courteous: input.step.tone === 'courteous',
      friendly: input.step.tone === 'friendly',
      firm: input.step.tone === 'firm',
      lastWarning: input.step.tone === 'last_warning',
      formalNotice: input.step.tone === 'formal_notice',
    },
    personal,
    standard: !personal,
    compact: ctx.compact,
    invoices,
    invoice: invoices[0] ?? emptyInvoice(),
    invoiceCount: String(lines.length),
    single: lines.length === 1,
    invoiceRefs,
    invoiceTable: invoiceTable(ctx, invoices),
    penaltyTable: penaltyTable(ctx, invoices),
    total: {
      amount: money(input.invoices.reduce((sum, entry) => sum + entry.invoice.amountCents, 0)),
      outstanding: money(totals.outstandingCents),
      interest: money(totals.interestCents),
      indemnity: money(totals.indemnityCents),
      penalties: money(totals.penaltiesCents),
      withPenalties: money(totals.outstandingCents + totals.penaltiesCents),
    },
    daysLate: days(maxLate),
    late: maxLate > 0,
    oldestDueDate: longDate(oldest, locale),
    nextDueDate: longDate(upcoming, locale),
    penalties: {
      any: anyInterest || anyIndemnity,
      hasInterest: anyInterest,
      hasIndemnity: anyIndemnity,
      rate: lastPeriod ? formatRate(lastPeriod.rateBps, locale) : '',
      indemnityPerInvoice: money(RECOVERY_INDEMNITY_CENTS),
      contractual: input.invoices.some((entry) => entry.invoice.contractualRateBps !== undefined),
    },
    payment: {
      iban: company.iban,
      bic: company.bic,
      link: { kind: 'link', href: company.paymentLink },
      any: Boolean(company.iban || company.paymentLink),
    },
    company: {
      name: company.legalName,
      legalForm: company.legalForm,
      shareCapital: company.shareCapital,
      address: company.address.filter(Boolean).join('\n'),
      addressLine: company.address.filter(Boolean).join(', '),
      siren: company.siren ? formatSiren(company.siren) : '',
      rcs: company.rcs,
      vatNumber: company.vatNumber,
      email: company.email,
      phone: company.phone,
      termsRef: company.termsRef,
      legalMentions: companyMentions(company, words),
    },
    signature: company.signature || company.legalName,
    today: longDate(today, locale),
    deadline: longDate(addDays(today, settings.formalNoticeDays), locale),
    formalNoticeDays: String(settings.formalNoticeDays),
    reminders: {
      count: String(ctx.reminders.length),
      any: ctx.reminders.length > 0,
      dates: joinList(
        ctx.reminders.map((date) => longDate(date, locale)),
        locale,
      ),
      first: ctx.reminders[0] ? longDate(ctx.reminders[0], locale) : '',
      last: ctx.reminders.length > 0 ? longDate(ctx.reminders[ctx.reminders.length - 1]!, locale) : '',
    },
  };
}

function emptyInvoice(): Scope {
  const blank: Scope = {};
  for (const key of [
    'number',
    'issueDate',
    'dueDate',
    'amount',
    'outstanding',
    'paid',
    'daysLate',
    'interest',
    'indemnity',
    'penalties',
    'totalDue',
    'rate',
  ])
    blank[key] = '';
  return { ...blank, late: false, hasInterest: false };
}

function table(
  ctx: ScopeContext,
  columns: string[],
  rows: string[][],
  footer: string[] | undefined,
  numeric: boolean[],
) {
  const value: TableValue = {
    kind: 'table',
    columns,
    rows,
    numeric,
    labelSeparator: ctx.words.labelSeparator,
  };
  if (footer) value.footer = footer;
  return value;
}

/** Number, dates, amounts and days late; the amount column only when some invoice is part paid. */
function invoiceTable(ctx: ScopeContext, invoices: Scope[]): TableValue {
  const { words, totals, locale } = ctx;
  const partPaid = invoices.some((inv) => inv.amount !== inv.outstanding);
  const late = ctx.lines.some((line) => line.daysLate > 0);
  const total = formatMoney(totals.outstandingCents, totals.currency, locale);
  const cols: [key: string, label: string, numeric: boolean, total: string][] = [
    ['number', words.number, false, words.total],
    ['issueDate', words.issueDate, false, ''],
    ['dueDate', words.dueDate, false, ''],
  ];
  if (partPaid) cols.push(['amount', words.amount, true, '']);
  cols.push(['outstanding', words.outstanding, true, total]);
  if (late) cols.push(['daysLate', words.daysLate, true, '']);
  const rows = invoices.map((inv) => cols.map(([key]) => String(inv[key])));
  return table(
    ctx,
    cols.map((col) => col[1]),
    rows,
    invoices.length > 1 ? cols.map((col) => col[3]) : undefined,
    cols.map((col) => col[2]),
  );
}

/** With interest, indemnity and the total due, each column only when it holds something. */
function penaltyTable(ctx: ScopeContext, invoices: Scope[]): TableValue {
  const { words, totals, locale } = ctx;
  const money = (cents: number) => formatMoney(cents, totals.currency, locale);
  const withInterest = totals.interestCents > 0;
  const withIndemnity = totals.indemnityCents > 0;
  const late = ctx.lines.some((line) => line.daysLate > 0);
  const cols: [key: string, label: string, numeric: boolean, total: string][] = [
    ['number', words.number, false, words.total],
    ['dueDate', words.dueDate, false, ''],
    ['outstanding', words.outstanding, true, money(totals.outstandingCents)],
  ];
  if (late) cols.push(['daysLate', words.daysLate, true, '']);
  if (withInterest) cols.push(['interest', words.interest, true, money(totals.interestCents)]);
  if (withIndemnity) cols.push(['indemnity', words.indemnity, true, money(totals.indemnityCents)]);
  if (withInterest || withIndemnity)
    cols.push(['totalDue', words.totalDue, true, money(totals.outstandingCents + totals.penaltiesCents)]);
  const rows = invoices.map((inv) => cols.map(([key]) => String(inv[key])));
  const footer = invoices.length > 1 || withInterest || withIndemnity ? cols.map((col) => col[3]) : undefined;
  return table(
    ctx,
    cols.map((col) => col[1]),
    rows,
    footer,
    cols.map((col) => col[2]),
  );
}
