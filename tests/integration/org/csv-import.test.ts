import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { authorityChanges } from '@/db/schema';
import { exportOrgCsv } from '@/lib/org/export-org-csv';
import { importOrgCsv } from '@/lib/org/import-org-csv';
import { loadOrgRows } from '@/lib/org/load-org-rows';
import { adminActor, CURRENCY, demoOrg, orgVersion, person } from './support';

const HEADER = 'email,name,title,manager_email,limit,active';

describe('importing the org chart from CSV', () => {
  let handle: DatabaseHandle;
  let actor: Awaited<ReturnType<typeof adminActor>>;
  const deps = () => ({ db: handle.db, currency: CURRENCY });

  beforeAll(async () => {
    handle = await demoOrg();
    actor = await adminActor(handle);
  }, 60_000);
  afterAll(() => handle.close());

  it('reports every row’s changes and errors in a dry run, and changes nothing', async () => {
    const before = await loadOrgRows(handle.db);
    const version = await orgVersion(handle);
    const csv = [
      HEADER,
      'sam.patel@baton.example,Sam Patel,Senior Buyer,sofia.marino@baton.example,250,yes',
      'grace.mensah@baton.example,Grace Mensah,Buyer,nobody@baton.example,100,yes',
      '"new.person@baton.example","Person, New","Buyer ""B""",sam.patel@baton.example,12.345,maybe',
      'thomas.berg@baton.example,Thomas Berg,Director of Procurement,sam.patel@baton.example,50000,yes',
      'yuki.tanaka@baton.example,Yuki Tanaka,Procurement Analyst,sofia.marino@baton.example,100.00,yes',
    ].join('\n');

    const report = await importOrgCsv(deps(), { csv, apply: false, actor });

    expect(report.applied).toBe(false);
    expect(report.rows.map((row) => [row.row, row.action])).toEqual([
      [2, 'update'],
      [3, 'update'],
      [4, 'add'],
      [5, 'update'],
      [6, 'unchanged'],
    ]);
    expect(report.rows[0]?.changes).toEqual([
      { field: 'title', from: 'Buyer', to: 'Senior Buyer' },
      { field: 'limit', from: '100.00 USD', to: '250.00 USD' },
    ]);
    expect(report.rows[0]?.errors).toEqual([]);
    expect(report.rows[1]?.errors).toEqual([
      { field: 'manager', message: 'Nobody with the email nobody@baton.example is in the org chart or in this file.' },
    ]);
    expect(report.rows[2]?.name).toBe('Person, New');
    expect(report.rows[2]?.errors.map((error) => error.field)).toEqual(['active', 'limit']);
    expect(report.rows[3]?.errors).toEqual([
      expect.objectContaining({ field: 'manager', message: expect.stringContaining('manager cycle') as string }),
    ]);
    expect(report.summary).toMatchObject({ added: 1, updated: 3, unchanged: 1, rowsWithErrors: 3 });
    expect(await loadOrgRows(handle.db)).toEqual(before);
    expect(await orgVersion(handle)).toBe(version);
  });

  it('reports a broken file as a whole', async () => {
    const missing = await importOrgCsv(deps(), { csv: 'email,name\nx@y.z,X', apply: false, actor });
    const broken = await importOrgCsv(deps(), { csv: `${HEADER}\n"a@b.c,A`, apply: false, actor });

    expect(missing.fileErrors).toEqual(['The header lacks the columns manager_email, limit.']);
    expect(broken.fileErrors).toEqual(['Line 2: A quoted field is never closed.']);
  });

  it('refuses to apply a file with errors, writing nothing', async () => {
    const version = await orgVersion(handle);
    const csv = `${HEADER}\nsam.patel@baton.example,Sam Patel,Buyer,sofia.marino@baton.example,-1,yes`;

    const report = await importOrgCsv(deps(), { csv, apply: true, actor });

    expect(report.applied).toBe(false);
    expect(report.rows[0]?.errors[0]?.field).toBe('limit');
    expect(await orgVersion(handle)).toBe(version);
  });

  it('applies a clean file in one transaction, audited as "CSV import", with one new version', async () => {
    const version = await orgVersion(handle);
    const auditBefore = (await handle.db.select().from(authorityChanges)).length;
    const csv = [
      HEADER,
      'sam.patel@baton.example,Sam Patel,Senior Buyer,sofia.marino@baton.example,250,yes',
      'lena.park@baton.example,Lena Park,Buyer,ava.lind@baton.example,100,yes',
      'ava.lind@baton.example,Ava Lind,Category Manager,thomas.berg@baton.example,5000,yes',
    ].join('\r\n');

    const report = await importOrgCsv(deps(), { csv, apply: true, actor });

    expect(report.applied).toBe(true);
    expect(report.summary).toMatchObject({ added: 2, updated: 1, rowsWithErrors: 0 });
    expect(report.version).toBe(version + 1);
    expect(await orgVersion(handle)).toBe(version + 1);
    const ava = await person(handle, 'Ava Lind');
    expect(await person(handle, 'Lena Park')).toMatchObject({ managerId: ava.id, limit: 10_000 });
    expect((await person(handle, 'Sam Patel')).limit).toBe(25_000);
    const audit = (await handle.db.select().from(authorityChanges)).slice(auditBefore);
    expect(audit.length).toBe(report.summary.changes);
    expect(new Set(audit.map((row) => row.reason))).toEqual(new Set(['CSV import']));
  });

  it('exports what it imports: a round trip changes nothing', async () => {
    const csv = await exportOrgCsv(deps());
    expect(csv.split('\r\n')[0]).toBe('email,name,title,manager_email,limit,active,delegate_email,delegate_from,delegate_until');
    expect(csv).toContain('margaret.okafor@baton.example,Margaret Okafor,Chief Executive Officer,,unlimited,yes,,,');

    const report = await importOrgCsv(deps(), { csv, apply: false, actor });

    expect(report.summary).toMatchObject({ added: 0, updated: 0, rowsWithErrors: 0, changes: 0 });
  });
});
