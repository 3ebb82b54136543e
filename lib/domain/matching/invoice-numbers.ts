/**
 * Invoice numbers as people write them: "facture n° F-2026-0042", "Facture FA2026-12",
 * "invoice #INV-1234", "N° de facture : 2026/118", "réf. F2026-001", "Facture_F-2026-0042.pdf".
 *
 * Rather than guess a number's shape, the text is cut into tokens (letters and digits joined by
 * `-` `/` `.` `_`) and each token is looked up among the numbers the ledger knows, exactly and
 * case-insensitively, so "2026/118" never matches inside "2026/1185". A part of a token counts
 * too when what surrounds it is a plain word of three letters or more ("facture-F-2026-0042.pdf",
 * "INV-1234"), but not when it is glued to other digits or to a one-letter prefix: "15" inside
 * the date "2026-03-15", or "2026-0042" inside "F-2026-0042", are not invoice numbers.
 */

const TOKEN = /[\p{L}\p{N}]+(?:[-/._][\p{L}\p{N}]+)*/gu;
const SEPARATOR = /[-/._]/;
const WORD = /^\p{L}{3,}$/u;
/** Longer tokens are URLs or encoded data; an invoice number fits in 100 characters (schema). */
const MAX_TOKEN = 300;
const MAX_SEGMENTS = 16;

const DIGIT = /\d/;

export interface CandidateOptions {
  /** Tokens already looked at (threads quote earlier messages over and over): skipped. */
  seen?: Set<string>;
  /** Skip tokens without a digit, when every known number has one. */
  requireDigit?: boolean;
}

/** Calls `visit` with every candidate, lower-cased; the same text may be visited more than once. */
export function forEachCandidate(
  text: string,
  visit: (candidate: string) => void,
  options: CandidateOptions = {},
): void {
  const { seen, requireDigit = false } = options;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token.length > MAX_TOKEN || (requireDigit && !DIGIT.test(token))) continue;
    const lower = token.toLowerCase();
    if (seen) {
      if (seen.has(lower)) continue;
      seen.add(lower);
    }
    visit(lower);
    if (!SEPARATOR.test(lower)) continue;
    const segments = lower.split(SEPARATOR);
    if (segments.length > MAX_SEGMENTS) continue;
    // Offsets of each segment in the token, to cut sub-runs with their own separators.
    const starts: number[] = [];
    let at = 0;
    for (const segment of segments) {
      starts.push(at);
      at += segment.length + 1;
    }
    for (let first = 0; first < segments.length; first++) {
      if (first > 0 && !WORD.test(segments[first - 1]!)) continue;
      for (let last = first; last < segments.length; last++) {
        if (first === 0 && last === segments.length - 1) continue;
        if (last < segments.length - 1 && !WORD.test(segments[last + 1]!)) continue;
        visit(lower.slice(starts[first], starts[last]! + segments[last]!.length));
      }
    }
  }
}
