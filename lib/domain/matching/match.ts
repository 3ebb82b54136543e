import type { Client, Invoice } from '../schemas';
import { forEachCandidate } from './invoice-numbers';
import { isPublicMailDomain } from './public-domains';
import type { ThreadContext } from './schema';

export type MatchReasonKind = 'address' | 'domain' | 'invoice_number';
export interface MatchReason {
  kind: MatchReasonKind;
  /** The address, the domain or the invoice number (as recorded) that matched. */
  value: string;
}
export interface MatchCandidate {
  clientId: string;
  score: number;
  reasons: MatchReason[];
}
export interface MatchResult {
  /** Best first. */
  candidates: MatchCandidate[];
  /** `one`: the first candidate is the client; `several`: the user picks; `none`: nobody matched. */
  verdict: 'one' | 'several' | 'none';
}

/**
 * Evidence weighs in this order: an exact address beats any domain, a domain beats any number of
 * invoice numbers, and among equals more invoice numbers win. A client is taken as the one only
 * when its score is strictly above every other's.
 */
const ADDRESS_SCORE = 100;
const DOMAIN_SCORE = 10;
const NUMBER_SCORE = 1;
const MAX_NUMBERS_COUNTED = 9;

export interface MatchIndex {
  byAddress: ReadonlyMap<string, readonly string[]>;
  byDomain: ReadonlyMap<string, readonly string[]>;
  /** Lower-cased number → the invoices' clients and the number as recorded. */
  byNumber: ReadonlyMap<string, { number: string; clientIds: readonly string[] }>;
  /** Ledger order, to break ties the same way every time. */
  rank: ReadonlyMap<string, number>;
  /** Every known number has a digit: words without one need no lookup. */
  numbersHaveDigits: boolean;
}

export interface MatchLedger {
  clients: readonly Pick<Client, 'id' | 'emails' | 'domains'>[];
  invoices: readonly Pick<Invoice, 'number' | 'clientId'>[];
}

function add(map: Map<string, string[]>, key: string, clientId: string): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [clientId]);
  else if (!ids.includes(clientId)) ids.push(clientId);
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? '' : email.slice(at + 1);
}

/** Built once per ledger change; each thread then costs a few map lookups. */
export function buildMatchIndex(ledger: MatchLedger): MatchIndex {
  const byAddress = new Map<string, string[]>();
  const byDomain = new Map<string, string[]>();
  const rank = new Map<string, number>();
  ledger.clients.forEach((client, i) => {
    rank.set(client.id, i);
    for (const raw of client.emails) {
      const email = raw.trim().toLowerCase();
      add(byAddress, email, client.id);
      const domain = domainOf(email);
      if (domain && !isPublicMailDomain(domain)) add(byDomain, domain, client.id);
    }
    for (const raw of client.domains) {
      const domain = raw.trim().toLowerCase();
      if (domain && !isPublicMailDomain(domain)) add(byDomain, domain, client.id);
    }
  });
  const byNumber = new Map<string, { number: string; clientIds: string[] }>();
  for (const invoice of ledger.invoices) {
    const key = invoice.number.trim().toLowerCase();
    const entry = byNumber.get(key);
    if (!entry) byNumber.set(key, { number: invoice.number.trim(), clientIds: [invoice.clientId] });
    else if (!entry.clientIds.includes(invoice.clientId)) entry.clientIds.push(invoice.clientId);
  }
  const numbersHaveDigits = [...byNumber.keys()].every((key) => /\d/.test(key));
  return { byAddress, byDomain, byNumber, rank, numbersHaveDigits };
}

/** The domain and its parents down to two labels: `compta.acme.fr`, `acme.fr`. */
function* domainAndParents(domain: string): Generator<string> {
  for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) yield d;
}

export function matchWithIndex(
  index: MatchIndex,
  context: ThreadContext,
  ownEmails: readonly string[],
): MatchResult {
  const own = new Set(ownEmails.map((email) => email.trim().toLowerCase()));
  // Colleagues write from the user's own domain: it must not point to a client sharing it.
  const ownDomains = new Set([...own].map(domainOf).filter((d) => d && !isPublicMailDomain(d)));
  const found = new Map<string, MatchReason[]>();
  const note = (clientId: string, kind: MatchReasonKind, value: string) => {
    const reasons = found.get(clientId);
    if (!reasons) found.set(clientId, [{ kind, value }]);
    else if (!reasons.some((r) => r.kind === kind && r.value === value)) reasons.push({ kind, value });
  };

  for (const participant of context.participants) {
    const email = participant.email.trim().toLowerCase();
    if (!email.includes('@') || own.has(email)) continue;
    const exact = index.byAddress.get(email) ?? [];
    for (const id of exact) note(id, 'address', email);
    const domain = domainOf(email);
    if (isPublicMailDomain(domain) || ownDomains.has(domain)) continue;
    // Other clients of the same domain stay as weaker candidates, for the user to switch to.
    for (const candidate of domainAndParents(domain)) {
      if (ownDomains.has(candidate)) break;
      const ids = index.byDomain.get(candidate);
      if (ids) for (const id of ids) if (!exact.includes(id)) note(id, 'domain', candidate);
    }
  }

  if (index.byNumber.size > 0) {
    const visit = (candidate: string) => {
      const entry = index.byNumber.get(candidate);
      if (entry) for (const id of entry.clientIds) note(id, 'invoice_number', entry.number);
    };
    const options = { seen: new Set<string>(), requireDigit: index.numbersHaveDigits };
    forEachCandidate(context.subject, visit, options);
    for (const name of context.attachmentNames) forEachCandidate(name, visit, options);
    forEachCandidate(context.text, visit, options);
  }

  const candidates: MatchCandidate[] = [];
  for (const [clientId, reasons] of found) {
    let numbers = 0;
    let score = 0;
    if (reasons.some((r) => r.kind === 'address')) score += ADDRESS_SCORE;
    if (reasons.some((r) => r.kind === 'domain')) score += DOMAIN_SCORE;
    for (const reason of reasons) if (reason.kind === 'invoice_number') numbers++;
    score += NUMBER_SCORE * Math.min(numbers, MAX_NUMBERS_COUNTED);
    const order: Record<MatchReasonKind, number> = { address: 0, domain: 1, invoice_number: 2 };
    reasons.sort((a, b) => order[a.kind] - order[b.kind]);
    candidates.push({ clientId, score, reasons });
  }
  const rank = (id: string) => index.rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  candidates.sort((a, b) => b.score - a.score || rank(a.clientId) - rank(b.clientId));

  const verdict =
    candidates.length === 0
      ? 'none'
      : candidates.length === 1 || candidates[0]!.score > candidates[1]!.score
        ? 'one'
        : 'several';
  return { candidates, verdict };
}

/** One-off matching; for many threads build the index once with `buildMatchIndex`. */
export function matchThread(
  ledger: MatchLedger,
  context: ThreadContext,
  ownEmails: readonly string[],
): MatchResult {
  return matchWithIndex(buildMatchIndex(ledger), context, ownEmails);
}
