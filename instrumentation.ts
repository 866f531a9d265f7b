/**
 * Runs once when the Next.js server starts: the in-process worker picks up jobs
 * and timers unless BATON_WORKER=off (when separate `npm run worker` processes do).
 */
export async function register(): Promise<void> {
  // Next.js also loads this file for the edge runtime, where there is no database.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  if (env().BATON_WORKER === 'off') return;
  const { startWorker } = await import('./lib/engine');
  // A job in hand when the server stops is safe: its lease runs out and it runs again.
  await startWorker();
}
