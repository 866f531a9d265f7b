export { createWorker, type RunSummary, type Worker, type WorkerOptions } from './worker';
export { BpmnError, type JobContext, type JobHandler, type JobResult } from './job-handler';
export { createHttpHandler, type HttpHandlerOptions } from './handlers/http';
export { createLogHandler } from './handlers/log';
export { defaultBackoff, retryBackoff, type BackoffOptions } from './retry';
