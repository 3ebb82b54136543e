import { defaultScenarios, scenarioResolver } from '../scenarios';
import type { Client, Invoice, IsoDate, Ledger } from '../schemas';
import { readHistory } from './history';
import { compileScenario, newClientRun, type ClientRun } from './progress';
import { setContactFloor, statusOf } from './status';
import type { Action, ActionGroup, ActionPlan, InvoiceStatus } from './types';

/** Every invoice's status (in the ledger's order) and the actions due by `today`. */
export function planActions(ledger: Ledger, today: IsoDate): ActionPlan {
  const { statuses, groups } = evaluate(ledger, today, true);
  return { statuses, actions: actionsOf(groups, today) };
}

/**
 * The actions due today or earlier; their number is the extension's badge. The same actions as
 * `planActions`, without the statuses of credit notes and settled invoices nobody will read.
 */
export function agenda(ledger: Ledger, today: IsoDate): Action[] {
  return actionsOf(evaluate(ledger, today, false).groups, today);
}

function newGroup(clientId: string): ActionGroup {
  return { clientId, due: [], notice: [], late: [] };
}

/** Files a status in its client's group, if it may go into one of its actions. */
function place(group: ActionGroup, status: InvoiceStatus): void {
  if (status.due) (status.next!.step.tone === 'formal_notice' ? group.notice : group.due).push(status);
  else if (status.state === 'active' && status.daysLate > 0) group.late.push(status);
}

/**
 * The statuses, from one read of the history: linear in the size of the ledger. Scenarios are
 * resolved once per client, the interval between contacts is the same for all of a client's
 * invoices, and each client's statuses are filed for its actions on the way.
 */
function evaluate(ledger: Ledger, today: IsoDate, all: boolean) {
  const { invoices, settings } = ledger;
  const resolve = scenarioResolver(ledger.scenarios);
  const clients = new Map<string, Client>();
  for (const client of ledger.clients) clients.set(client.id, client);
  const runs = new Map<string, ClientRun>();
  const clientOf = (invoice: Invoice): ClientRun => {
    let run = runs.get(invoice.clientId);
    if (run === undefined) {
      const client = clients.get(invoice.clientId);
      // An invoice whose client record is missing is still owed: chase it the business way.
      run = newClientRun(compileScenario(client ? resolve(client) : defaultScenarios.business));
      runs.set(invoice.clientId, run);
    }
    return run;
  };

  const history = readHistory(invoices, ledger.events, today, clientOf);
  for (const run of runs.values()) setContactFloor(run, settings);
  const groups: ActionGroup[] = [];
  const statuses: InvoiceStatus[] = [];
  const { paidCents, runs: runOf, dueDays, reached } = history.tracks;
  const { todayDay } = history;
  for (let i = 0; i < invoices.length; i++) {
    const invoice = invoices[i]!;
    if (!all) {
      // What no action can name: credit notes, settled invoices, and invoices not due whose next
      // step is not due either (floors and holds only ever make it later).
      if (invoice.isCreditNote || invoice.amountCents - invoice.paidCents - paidCents[i]! <= 0) continue;
      const following = runOf[i]!.plan.scenario.steps[reached[i]! + 1];
      if (
        todayDay <= dueDays[i]! &&
        (following === undefined || dueDays[i]! + following.offsetDays > todayDay)
      )
        continue;
    }
    const status = statusOf(invoice, i, history, settings);
    if (all) statuses.push(status);
    if (status.next === undefined) continue;
    const run = runOf[i]!;
    if (run.group === undefined) groups.push((run.group = newGroup(invoice.clientId)));
    place(run.group, status);
  }
  return { statuses, groups };
}

/**
 * A client's invoices are reminded together: when a step is due for one of them, one message at
 * the most advanced step due names every overdue invoice of the client still being chased (and
 * those whose heads-up is due), since several messages would read as harassment and the interval
 * between contacts would hold all but one back anyway. Each invoice named in it then advances by
 * one step only (see `applyEvent`). The formal notice is the exception: it may name only the
 * invoices that went through every earlier step, so those form an action of their own.
 */
export function groupDue(statuses: readonly InvoiceStatus[], today: IsoDate): Action[] {
  const groups = new Map<string, ActionGroup>();
  for (const status of statuses) {
    if (status.next === undefined) continue;
    let group = groups.get(status.clientId);
    if (group === undefined) groups.set(status.clientId, (group = newGroup(status.clientId)));
    place(group, status);
  }
  return actionsOf(groups.values(), today);
}

function actionsOf(groups: Iterable<ActionGroup>, today: IsoDate): Action[] {
  const actions: Action[] = [];
  for (const group of groups) {
    if (group.notice.length > 0) actions.push(actionOf(group.clientId, group.notice, true, today));
    // The client's other overdue invoices join its reminder, though their own step is not due yet.
    if (group.due.length > 0)
      actions.push(actionOf(group.clientId, group.due.concat(group.late), false, today));
  }
  return actions.sort(oldestFirst);
}

function actionOf(
  clientId: string,
  invoices: InvoiceStatus[],
  formalNotice: boolean,
  today: IsoDate,
): Action {
  // The step and the date come from the invoices whose step is due; the others only join.
  let lead: InvoiceStatus | undefined;
  let date: IsoDate = today;
  let outstandingCents = 0;
  for (const status of invoices) {
    outstandingCents += status.outstandingCents;
    if (!status.due) continue;
    if (lead === undefined || status.next!.index > lead.next!.index) lead = status;
    if (status.next!.date < date) date = status.next!.date;
  }
  // The longest overdue first: the order the message lists them in (the sort is stable).
  invoices.sort((a, b) => b.daysLate - a.daysLate);
  const { step, index } = lead!.next!;
  return {
    id: `${clientId}/${step.id}/${date}`,
    clientId,
    scenarioId: lead!.scenarioId,
    invoiceIds: invoices.map((status) => status.invoiceId),
    step,
    stepIndex: index,
    channel: step.channel,
    date,
    formalNotice,
    outstandingCents,
  };
}

function oldestFirst(a: Action, b: Action): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.clientId !== b.clientId) return a.clientId < b.clientId ? -1 : 1;
  // A client's formal notice before its reminder: it weighs more and goes by letter.
  return Number(b.formalNotice) - Number(a.formalNotice);
}
