import { parseTemplate, positionOf, type TemplateIssue, type TemplateNode } from './syntax';

/**
 * The vocabulary templates may use, declared once: `validateTemplate` checks a template against
 * it when the user saves one, and the drafting scope is tested to fill exactly these names.
 *
 * Kinds: `text` is printed (strings, numbers, dates and amounts already formatted), `flag` is
 * only tested in `#if`, `link` prints as a link in HTML, `table` prints as a table block,
 * `list` is walked with `#each` (its items have the fields given).
 */
export type VariableKind = 'text' | 'flag' | 'link' | 'table';
export interface ListSpec {
  list: Readonly<Record<string, VariableKind>>;
}
export type VariableSpec = VariableKind | ListSpec | { readonly [name: string]: VariableSpec };

/** Fields of one invoice, in `{{#each invoices}}` and as `invoice.*` (the first one). */
export const invoiceFields = {
  number: 'text',
  issueDate: 'text',
  dueDate: 'text',
  /** Total incl. VAT. */
  amount: 'text',
  /** Still owed. */
  outstanding: 'text',
  paid: 'text',
  daysLate: 'text',
  interest: 'text',
  indemnity: 'text',
  /** Interest + indemnity. */
  penalties: 'text',
  /** Outstanding + penalties. */
  totalDue: 'text',
  /** Late-payment rate applied, e.g. "12,15 %"; empty when no interest runs. */
  rate: 'text',
  late: 'flag',
  hasInterest: 'flag',
} as const satisfies Record<string, VariableKind>;

export const templateVariables = {
  client: {
    name: 'text',
    address: 'text',
    siren: 'text',
    loyal: 'flag',
    regular: 'flag',
    new: 'flag',
    latePayer: 'flag',
    /** Business or key account: penalties of L441-10 and the 40 € indemnity apply. */
    business: 'flag',
    consumer: 'flag',
    public: 'flag',
  },
  contact: {
    /** "Madame" / "Monsieur" (fr), "Ms" / "Mr" (en); empty when unknown. */
    civility: 'text',
    firstName: 'text',
    lastName: 'text',
    name: 'text',
    role: 'text',
    phone: 'text',
  },
  /** A whole opening line, e.g. "Bonjour Madame Durand," or "Bonjour,". */
  greeting: 'text',
  /** The first name when known ("Bonjour Claire,"), otherwise `greeting`. */
  friendlyGreeting: 'text',
  /** A letter's opening, e.g. "Madame," or "Madame, Monsieur,". */
  letterGreeting: 'text',
  /** For closing formulas: "Madame", "Monsieur" or "Madame, Monsieur". */
  closingCivility: 'text',
  tone: { courteous: 'flag', friendly: 'flag', firm: 'flag', lastWarning: 'flag', formalNotice: 'flag' },
  /** Above `settings.personalThresholdCents`: a personal message rather than the standard one. */
  personal: 'flag',
  standard: 'flag',
  /** SMS only: set on the second try when the first did not fit one message. */
  compact: 'flag',
  invoices: { list: invoiceFields },
  invoice: invoiceFields,
  invoiceCount: 'text',
  single: 'flag',
  /** "F-2026-0042" or "F-2026-0042, F-2026-0043 et F-2026-0044" (or "… et 3 autres"). */
  invoiceRefs: 'text',
  /** Number, dates, amount due and days late. */
  invoiceTable: 'table',
  /** The same with interest, indemnity and the totals. */
  penaltyTable: 'table',
  total: {
    amount: 'text',
    outstanding: 'text',
    interest: 'text',
    indemnity: 'text',
    penalties: 'text',
    withPenalties: 'text',
  },
  daysLate: 'text',
  late: 'flag',
  oldestDueDate: 'text',
  nextDueDate: 'text',
  penalties: {
    any: 'flag',
    hasInterest: 'flag',
    hasIndemnity: 'flag',
    /** The rate applied to the most overdue invoice, e.g. "12,15 %". */
    rate: 'text',
    indemnityPerInvoice: 'text',
    /** Some invoice carries a rate from the terms of sale. */
    contractual: 'flag',
  },
  payment: { iban: 'text', bic: 'text', link: 'link', any: 'flag' },
  company: {
    name: 'text',
    legalForm: 'text',
    shareCapital: 'text',
    address: 'text',
    addressLine: 'text',
    siren: 'text',
    rcs: 'text',
    vatNumber: 'text',
    email: 'text',
    phone: 'text',
    termsRef: 'text',
    /** One line: name, form, capital, address, SIREN/RCS, VAT number. */
    legalMentions: 'text',
  },
  signature: 'text',
  today: 'text',
  /** today + `settings.formalNoticeDays`. */
  deadline: 'text',
  formalNoticeDays: 'text',
  reminders: { count: 'text', any: 'flag', dates: 'text', first: 'text', last: 'text' },
} as const satisfies Record<string, VariableSpec>;

function isList(spec: VariableSpec): spec is ListSpec {
  return typeof spec === 'object' && 'list' in spec && typeof spec.list === 'object';
}

/** What a dotted path names in a vocabulary, or undefined when it names nothing. */
export function lookupSpec(
  vocabulary: Readonly<Record<string, VariableSpec>>,
  path: string,
): VariableSpec | undefined {
  let spec: VariableSpec = vocabulary;
  for (const part of path.split('.')) {
    if (typeof spec !== 'object' || isList(spec) || !Object.hasOwn(spec, part)) return undefined;
    spec = (spec as Record<string, VariableSpec>)[part]!;
  }
  return spec;
}

/**
 * Every problem of a template: syntax, names the vocabulary does not know, a list printed as
 * text, `#each` over a non-list. An empty array means the template is safe to save.
 */
export function validateTemplate(
  text: string,
  vocabulary: Readonly<Record<string, VariableSpec>> = templateVariables,
): TemplateIssue[] {
  const parsed = parseTemplate(text);
  const issues = [...parsed.issues];
  const check = (nodes: TemplateNode[], item: Readonly<Record<string, VariableSpec>> | undefined) => {
    for (const node of nodes) {
      if (node.kind === 'text') continue;
      const spec = (item && lookupSpec(item, node.path)) ?? lookupSpec(vocabulary, node.path);
      const at = {
        offset: node.offset,
        ...positionOf(text, node.offset),
        tag: node.tag,
        variable: node.path,
      };
      if (spec === undefined) issues.push({ code: 'unknown_variable', ...at });
      else if (node.kind === 'var' && (typeof spec === 'object' || spec === 'flag'))
        issues.push({ code: 'not_printable', ...at });
      else if (node.kind === 'each' && !isList(spec)) issues.push({ code: 'not_a_list', ...at });
      if (node.kind === 'if') {
        check(node.then, item);
        check(node.otherwise, item);
      } else if (node.kind === 'each') {
        check(node.body, spec !== undefined && isList(spec) ? spec.list : item);
      }
    }
  };
  check(parsed.nodes, undefined);
  return issues.sort((a, b) => a.offset - b.offset);
}
