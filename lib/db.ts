import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { env } from '@/lib/env';

/**
 * The embedded database is a folder that exactly one process may open: two
 * PGlite instances writing the same files corrupt them. A lock file holding the
 * owner's pid turns a second opener into a clear error instead. A lock left by a
 * process that no longer runs is taken over.
 */
function lockEmbeddedFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, '..', 'pglite.lock');
  const claim = () => writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  try {
    claim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(readFileSync(lockFile, 'utf8').trim());
    if (owner && isRunning(owner)) {
      throw new Error(
        `The embedded database in ${folder} is in use by process ${owner}. ` +
          'Stop that process first, or set DATABASE_URL to share a PostgreSQL server between processes.',
        { cause: error },
      );
    }
    rmSync(lockFile, { force: true });
    claim();
  }
  const release = () => rmSync(lockFile, { force: true });
  process.once('exit', release);
  return () => {
    process.removeListener('exit', release);
    release();
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Opens the database the environment points at: PostgreSQL when DATABASE_URL is
 * set, otherwise the embedded PGlite folder under the data directory.
 */
export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL, dataDir } = env();
  if (DATABASE_URL) return openDatabase({ url: DATABASE_URL });
  const folder = path.join(dataDir, 'pglite');
  const unlock = lockEmbeddedFolder(folder);
  try {
    const handle = await openDatabase({ dataDir: folder });
    return {
      ...handle,
      async close() {
        try {
          await handle.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

// Next.js may load this module more than once (per bundle layer, and again on
// every edit in development); globalThis keeps one database for the process.
const globalForDb = globalThis as typeof globalThis & { batonDatabase?: Promise<DatabaseHandle> };

/** The app's database handle, opened once per process. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.batonDatabase ??= openConfiguredDatabase().catch((error: unknown) => {
    globalForDb.batonDatabase = undefined;
    throw error;
  });
  return globalForDb.batonDatabase;
}

/** The app's drizzle database. */
export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
