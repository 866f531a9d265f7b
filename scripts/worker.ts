/**
 * A worker process of its own: `npm run worker`. Run as many as you like against
 * one PostgreSQL server (DATABASE_URL); they share jobs and timers through row
 * locks, so nothing runs twice. The embedded database belongs to one process, so
 * with it the app's in-process worker is the only one.
 */
import { startWorker } from '@/lib/engine';
import { env } from '@/lib/env';

if (!env().DATABASE_URL) {
  console.error(
    'npm run worker needs DATABASE_URL: the embedded database can be opened by one process only, ' +
      'and the app already runs a worker in-process.',
  );
  process.exit(1);
}

const worker = await startWorker();
console.log(`Baton worker ${process.pid} is polling for jobs and timers.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('Stopping: finishing the jobs in hand…');
    void worker.stop().then(() => process.exit(0));
  });
}
