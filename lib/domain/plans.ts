import { addMonths, nextBusinessDay } from './calendar';
import type { Instalment, IsoDate } from './schemas';

/**
 * A payment plan proposal: the amount owed split into equal instalments, one per period from the
 * first date, each on a business day. Cents that do not split evenly go to the first instalment,
 * so the client pays the odd amount up front and the rest are round.
 */
export interface PlanProposal {
  totalCents: number;
  instalments: Instalment[];
}

export function proposePlan(
  totalCents: number,
  count: number,
  firstDate: IsoDate,
  monthsBetween = 1,
): PlanProposal {
  if (!Number.isInteger(totalCents) || totalCents <= 0) throw new RangeError('nothing to split');
  if (!Number.isInteger(count) || count < 1 || count > 36) throw new RangeError('1 to 36 instalments');
  if (!Number.isInteger(monthsBetween) || monthsBetween < 1) throw new RangeError('at least a month apart');
  const share = Math.floor(totalCents / count);
  const instalments: Instalment[] = [];
  for (let i = 0; i < count; i++) {
    const amountCents = i === 0 ? totalCents - share * (count - 1) : share;
    instalments.push({ dueDate: nextBusinessDay(addMonths(firstDate, i * monthsBetween)), amountCents });
  }
  return { totalCents, instalments };
}
