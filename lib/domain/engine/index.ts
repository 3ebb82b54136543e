export { agenda, groupDue, planActions } from './actions';
export { compileScenario, type CompiledScenario } from './progress';
export { invoiceStatus } from './status';
export type { Action, ActionPlan, InvoiceState, InvoiceStatus, NextStep, PausedState } from './types';
export { defaultScenarioList, defaultScenarios, scenarioFor, scenarioResolver } from '../scenarios';
