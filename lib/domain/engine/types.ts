import type { Channel, IsoDate, Step } from '../schemas';

export type PausedState = 'paused_promise' | 'paused_dispute' | 'paused_plan' | 'paused_manual';

export type InvoiceState =
  | 'settled'
  | 'credit_note'
  | 'not_due'
  | 'active'
  | PausedState
  /** Every step was done: what remains is the hand-over to a third party, outside the scenario. */
  | 'completed';

export interface NextStep {
  step: Step;
  index: number;
  /** The first business day the step may be taken; an earlier day than today means overdue since then. */
  date: IsoDate;
}

export interface InvoiceStatus {
  invoiceId: string;
  clientId: string;
  scenarioId: string;
  outstandingCents: number;
  state: InvoiceState;
  /** The last step done or skipped for this invoice; -1 when none. */
  reachedIndex: number;
  reachedStep?: Step;
  /** Absent when nothing more is to be done, or while a pause has no known end. */
  next?: NextStep;
  /** Its next step is due today or overdue. Its client's action may also name it without that (see `Action`). */
  due: boolean;
  /** Days past the due date, 0 before it. */
  daysLate: number;
  /** The last day of the pause in force; absent when it is open-ended (open dispute, manual pause). */
  pausedUntil?: IsoDate;
  /** The latest reminder or call that included this invoice. */
  lastContactDate?: IsoDate;
  /** The latest reminder or call with the client, whatever the invoice: it holds the next step back. */
  lastClientContactDate?: IsoDate;
}

/** One thing to do for one client: a message or a call covering one or more invoices. */
export interface Action {
  /** Stable while the same step is due from the same day, so the UI can remember a dismissal. */
  id: string;
  clientId: string;
  scenarioId: string;
  /**
   * The longest overdue first: the invoices whose step is due, and with them the client's other
   * overdue invoices still chased (they advance one step too). Recording the action as one event
   * naming them all is what moves them on.
   */
  invoiceIds: string[];
  /** The most advanced step due among the invoices. */
  step: Step;
  stepIndex: number;
  channel: Channel;
  /** The earliest date among the steps due: an overdue action keeps it ("overdue since"). */
  date: IsoDate;
  /** Formal notices go alone: they must name only invoices that went through the earlier steps. */
  formalNotice: boolean;
  /** What the invoices named still owe, together. */
  outstandingCents: number;
}

export interface ActionPlan {
  /** One per invoice of the ledger, in its order. */
  statuses: InvoiceStatus[];
  /** The actions due today or earlier, oldest first. */
  actions: Action[];
}

/** What may go into a client's actions (internal to the engine). */
export interface ActionGroup {
  clientId: string;
  /** Invoices whose step is due, other than the formal notice. */
  due: InvoiceStatus[];
  /** Invoices whose formal notice is due. */
  notice: InvoiceStatus[];
  /** Overdue invoices still chased whose own step is not due yet. */
  late: InvoiceStatus[];
}
