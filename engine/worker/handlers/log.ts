import type { JobHandler } from '../job-handler';

/**
 * The `log` job type: writes one line — the `message` variable (after input
 * mappings), else the `message` task header, else the job's variables as JSON —
 * and completes without changing variables.
 */
export function createLogHandler(logger: (line: string) => void): JobHandler {
  return (job) => {
    const fromVariables = job.variables.message;
    const message =
      typeof fromVariables === 'string'
        ? fromVariables
        : fromVariables !== undefined
          ? JSON.stringify(fromVariables)
          : (job.headers.message ?? JSON.stringify(job.variables));
    logger(`[${job.elementId}] ${message}`);
    return Promise.resolve();
  };
}
