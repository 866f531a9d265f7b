/**
 * A production Baton server for browser benchmarks: the existing `next build`
 * output served by `next start` on a free port, over a fresh embedded database
 * in a temporary folder (migrated and seeded with the demo data). The bench
 * never builds: a build takes minutes and .next is shared with everyone else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/** Why there is no server to start, or null when a production build is there. */
export function missingBuild(): string | null {
  return existsSync(path.join(ROOT, '.next', 'BUILD_ID'))
    ? null
    : 'there is no production build in .next (run `npm run build` or `npm start` once, then the bench again)';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('Expected a port')),
      );
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${path.basename(command)} ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`,
            ),
          ),
    );
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Expected the server to keep running, but it exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Expected ${url} to answer within ${timeoutMs / 1000} s, but it did not`);
}

export async function startAppServer(): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-app-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // The server always gets its own embedded database, whatever DATABASE_URL says.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    BATON_DATA_DIR: dataDir,
    BATON_URL: url,
    NEXTAUTH_URL: url,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: '1',
    IBM_TELEMETRY_DISABLED: 'true',
  };
  await run(bin('tsx'), ['scripts/db.ts', 'setup'], env);
  // Its own process group, so stopping it stops next's children too.
  const child = spawn(bin('next'), ['start', '-p', String(port)], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForServer(`${url}/sign-in`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
