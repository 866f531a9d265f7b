import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError, authorize, validationError } from '@/lib/action';
import type { SessionUser } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/roles';

export { AppError };

type Params = Record<string, string | string[] | undefined>;

export interface RouteContext<I> {
  input: I;
  user: SessionUser;
  params: Params;
  request: Request;
}

export function errorResponse(error: AppError): Response {
  return NextResponse.json(error.toJSON(), { status: error.status });
}

async function readInput(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') {
    return Object.fromEntries(new URL(request.url).searchParams.entries());
  }
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}

/**
 * Wraps a route handler: authorizes the caller (401 signed out, 403 without
 * the role), validates the query (GET, HEAD, DELETE) or the JSON body with the
 * schema (422 naming the field), then answers the handler's result as JSON
 * unless it returns a Response itself.
 */
export function withRole<S extends z.ZodType, T>(
  roles: readonly Role[],
  schema: S,
  handler: (context: RouteContext<z.output<S>>) => Promise<T | Response>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await authorize(roles);
      const parsed = schema.safeParse(await readInput(request));
      if (!parsed.success) throw validationError(parsed.error);
      const params: Params = (await context?.params) ?? {};
      const result = await handler({ input: parsed.data, user, params, request });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      throw error;
    }
  };
}
