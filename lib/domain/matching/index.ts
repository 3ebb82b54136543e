export {
  buildMatchIndex,
  matchThread,
  matchWithIndex,
  type MatchCandidate,
  type MatchIndex,
  type MatchLedger,
  type MatchReason,
  type MatchReasonKind,
  type MatchResult,
} from './match';
export { forEachCandidate } from './invoice-numbers';
export { isPublicMailDomain, publicMailDomains } from './public-domains';
export { threadContextSchema, type ThreadContext } from './schema';
