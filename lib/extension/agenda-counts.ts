import { agenda } from '../domain/engine';
import { buildMatchIndex, matchWithIndex, type MatchIndex } from '../domain/matching';
import type { IsoDate, Ledger } from '../domain/schemas';

/**
 * The figures the background keeps for the badge and the inbox: how many actions are due
 * today (overdue ones included), in all and per client, and the index that tells a thread's
 * client from its participants.
 */
export interface AgendaCounts {
  today: IsoDate;
  total: number;
  byClient: ReadonlyMap<string, number>;
  index: MatchIndex;
  ownEmails: readonly string[];
}

export function countAgenda(ledger: Ledger, today: IsoDate): AgendaCounts {
  const byClient = new Map<string, number>();
  const actions = agenda(ledger, today);
  for (const action of actions) byClient.set(action.clientId, (byClient.get(action.clientId) ?? 0) + 1);
  return {
    today,
    total: actions.length,
    byClient,
    index: buildMatchIndex(ledger),
    ownEmails: ledger.settings.ownEmails,
  };
}

/** A row's count: the actions due for the one client its participants point to, by address or domain. */
export function rowCount(counts: AgendaCounts, emails: readonly string[]): number {
  if (emails.length === 0) return 0;
  const match = matchWithIndex(
    counts.index,
    {
      threadId: '',
      subject: '',
      text: '',
      attachmentNames: [],
      participants: emails.map((email) => ({ email, name: '', role: 'from' as const })),
    },
    counts.ownEmails,
  );
  if (match.verdict !== 'one') return 0;
  return counts.byClient.get(match.candidates[0]!.clientId) ?? 0;
}

/** The badge's text: empty at zero (Chrome hides it), capped so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
