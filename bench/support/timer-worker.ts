/**
 * One worker process for the timers benchmark: Baton's worker with its
 * production defaults, firing timers only, on the database named by its
 * first argument. It runs until the parent stops it.
 */
import { openDatabase } from '@/db/client';
import { createEngine, createPostgresStore, createWorker } from '@/engine';

const [url, workerId = `bench-${process.pid}`] = process.argv.slice(2);
if (!url) throw new Error('Expected a database URL as the first argument');

const handle = await openDatabase({ url, maxConnections: 2 });
const engine = createEngine({ store: createPostgresStore(handle.db) });
const worker = createWorker({ engine, store: engine.store, handlers: {}, workerId, timers: true });

const stop = () => {
  void worker
    .stop()
    .then(() => handle.close())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
worker.start();
process.send?.('ready');
