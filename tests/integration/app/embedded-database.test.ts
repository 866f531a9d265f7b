import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetEnv } from '@/lib/env';
import { openConfiguredDatabase } from '@/lib/db';

describe('the embedded database folder', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-data-'));
    vi.stubEnv('DATABASE_URL', undefined);
    vi.stubEnv('BATON_DATA_DIR', dataDir);
    resetEnv();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnv();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is opened by one owner at a time and free again once closed', async () => {
    const first = await openConfiguredDatabase();
    expect(first.kind).toBe('pglite');
    expect(first.location).toBe(path.join(dataDir, 'pglite'));
    await expect(openConfiguredDatabase()).rejects.toThrow(/in use by process \d+/);
    await first.close();

    const second = await openConfiguredDatabase();
    await second.close();
  });
});
