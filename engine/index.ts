/**
 * Baton's engine: compile BPMN diagrams, run them on a store, work their jobs.
 * Everything an application needs is exported here; nothing else of engine/ is public.
 */
export { compile, type CompileResult, type ProcessGraph } from './model';
export { createEngine, toInstanceView, type EngineOptions, type RunningEngine } from './engine';
export * from './api';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock';
export * from './runtime/types';
export { createMemoryStore, type MemoryStore } from './store/memory';
export { createPostgresStore, sqlSessionOf, type AnyPgDatabase } from './store/postgres';
export {
  whoWouldApprove,
  type ApprovalPorts,
  type ExchangeRateLookup,
  type WhoWouldApprove,
  type WhoWouldApproveInput,
} from './approval';
export * from './store/port';
export * from './worker';
