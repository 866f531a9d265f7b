import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: () => Promise.resolve(session.user) }));

const { AppError, withRole } = await import('@/lib/route');
const { withRole: withRoleAction } = await import('@/lib/action');

const admin: SessionUser = {
  id: 'u1',
  name: 'Ada',
  email: 'ada@example.com',
  role: 'admin',
  employeeId: null,
  groups: [],
};
const member: SessionUser = { ...admin, id: 'u2', role: 'member' };

const schema = z.object({ amount: z.coerce.number().positive('Amount must be positive') });
const handler = withRole(['admin'], schema, ({ input, user, params }) =>
  Promise.resolve({ doubled: input.amount * 2, by: user.id, id: params.id }),
);
const call = (init: RequestInit & { url?: string } = {}) =>
  handler(new Request(init.url ?? 'http://localhost/api/thing', init), {
    params: Promise.resolve({ id: '7' }),
  });

describe('the route handler wrapper', () => {
  beforeEach(() => {
    session.user = admin;
  });

  it('answers 401 to a signed-out caller', async () => {
    session.user = null;
    const response = await call({ method: 'POST', body: '{"amount":2}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthorized', message: 'Sign in to continue.' },
    });
  });

  it('answers 403 to a caller without the role, before looking at the input', async () => {
    session.user = member;
    const response = await call({ method: 'POST', body: 'not json' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('answers 400 to a body that is not JSON and 422 naming the invalid field', async () => {
    expect((await call({ method: 'POST', body: '{' })).status).toBe(400);
    const response = await call({ method: 'POST', body: '{"amount":-1}' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: 'invalid', message: 'Amount must be positive', field: 'amount' },
    });
  });

  it('passes the validated body, or the query of a GET, to the handler', async () => {
    const posted = await call({ method: 'POST', body: '{"amount":21}' });
    expect(await posted.json()).toEqual({ doubled: 42, by: 'u1', id: '7' });
    const got = await call({ url: 'http://localhost/api/thing?amount=5' });
    expect(await got.json()).toEqual({ doubled: 10, by: 'u1', id: '7' });
  });

  it('turns a typed error from the handler into its status', async () => {
    const conflicting = withRole(['admin'], z.object({}), () =>
      Promise.reject(new AppError('conflict', 'Already decided by Ada.')),
    );
    const response = await conflicting(new Request('http://localhost/x', { method: 'POST' }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'conflict', message: 'Already decided by Ada.' },
    });
  });
});

describe('the server action wrapper', () => {
  const action = withRoleAction(['admin', 'designer'], schema, (input, { user }) =>
    Promise.resolve(`${user.name}:${input.amount}`),
  );

  it('returns the data for a permitted caller, from an object or a submitted form', async () => {
    session.user = admin;
    expect(await action({ amount: 3 })).toEqual({ ok: true, data: 'Ada:3' });
    const form = new FormData();
    form.set('amount', '4');
    expect(await action(form)).toEqual({ ok: true, data: 'Ada:4' });
  });

  it('returns typed errors instead of throwing them', async () => {
    session.user = member;
    expect(await action({ amount: 3 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    session.user = admin;
    expect(await action({ amount: 0 })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Amount must be positive', field: 'amount' },
    });
  });
});
