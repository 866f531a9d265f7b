#!/usr/bin/env node
// Starts Baton from a fresh clone: installs dependencies when needed, builds
// when a source changed, migrates and seeds the database, then serves.
// Plain Node with no dependencies, because it runs before node_modules exists.
//
//   node scripts/start.mjs          production server (next build + next start)
//   node scripts/start.mjs --dev    development server (next dev)
//   node scripts/start.mjs --fresh  wipe BATON_DATA_DIR first (used by the end-to-end tests)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import console from 'node:console';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');
const fresh = args.has('--fresh');
const port = process.env.PORT || '3000';
const dataDir = path.resolve(root, process.env.BATON_DATA_DIR || '.data');
const buildStamp = path.join(root, '.next', 'baton-build-stamp');
const bin = (name) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

// Sources whose change makes the production build stale.
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'engine',
  'db',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
];

const childEnv = {
  ...process.env,
  IBM_TELEMETRY_DISABLED: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: port,
  // next-auth builds its redirect and cookie settings from this URL.
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || process.env.BATON_URL || `http://localhost:${port}`,
};

function say(line) {
  console.log(`› ${line}`);
}

let current;
let stopping = false;
function run(command, commandArgs, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: root,
      stdio: 'inherit',
      env: { ...childEnv, ...extraEnv },
      shell: process.platform === 'win32',
    });
    current = child;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      current = undefined;
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${path.basename(command)} ${commandArgs.join(' ')} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`,
          ),
        );
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    if (current) current.kill(signal);
    else process.exit(130);
  });
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function dependenciesNeedInstall() {
  if (!existsSync(path.join(root, 'node_modules'))) return true;
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  return installed === 0 || mtime(path.join(root, 'package-lock.json')) > installed;
}

/** A fingerprint of every build input's path, size and modification time. */
function sourceFingerprint() {
  const hash = createHash('sha256');
  const visit = (relative) => {
    const full = path.join(root, relative);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(path.join(relative, entry));
      }
    } else {
      hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest('hex');
}

function waitUntilServing(url, timeoutMs = 120_000) {
  const started = Date.now();
  return new Promise((resolve) => {
    const attempt = () => {
      const request = http.get(url, (response) => {
        response.resume();
        resolve(true);
      });
      request.on('error', () => {
        if (Date.now() - started > timeoutMs || !current) resolve(false);
        else setTimeout(attempt, 300);
      });
      request.setTimeout(5_000, () => request.destroy());
    };
    attempt();
  });
}

async function main() {
  if (fresh) {
    say(`Removing the data in ${path.relative(root, dataDir) || dataDir}…`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });

  if (dependenciesNeedInstall()) {
    say('Installing dependencies…');
    try {
      await run('npm', ['ci', '--no-audit', '--no-fund']);
    } catch {
      // npm ci refuses a lock file whose other-platform optional packages (Next's
      // and Tailwind's native binaries for macOS, Windows …) the configured
      // registry does not serve. npm install still follows the lock's versions.
      say('npm ci refused the lock file; installing from it with npm install…');
      await run('npm', ['install', '--no-save', '--no-audit', '--no-fund']);
    }
  }

  if (!dev) {
    const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(buildStamp);
    if (!built || readFileSync(buildStamp, 'utf8') !== sourceFingerprint()) {
      say('Building…');
      await run(bin('next'), ['build']);
      // Taken after the build, which may itself touch inputs such as tsconfig.json.
      writeFileSync(buildStamp, sourceFingerprint());
    }
  }

  say('Migrating and seeding the database…');
  await run(bin('tsx'), ['scripts/db.ts', 'setup']);

  const url = `http://localhost:${port}`;
  say(dev ? 'Starting the development server…' : 'Starting…');
  const server = run(bin('next'), [dev ? 'dev' : 'start', '-p', port]);
  void waitUntilServing(`${url}/sign-in`).then((up) => {
    if (up) say(`Baton is ready at ${url}`);
  });
  await server;
}

main().catch((error) => {
  if (stopping) process.exit(0);
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
