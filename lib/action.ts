import type { z } from 'zod';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/roles';

export type ErrorCode =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'invalid';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
}

/**
 * An expected failure with a message meant for the user: thrown by business
 * code, turned into `{ error: { code, message, field? } }` by the wrappers.
 * Anything else thrown is a bug and is left to surface as one.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): { error: ErrorBody } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

/** The first validation problem, named by its field, as an AppError. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  return new AppError('invalid', issue?.message ?? 'The input is not valid.', field);
}

/** The signed-in user if they hold one of the roles; otherwise a 401 or 403 AppError. */
export async function authorize(roles: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('unauthorized', 'Sign in to continue.');
  if (!roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this.');
  return user;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

type ActionInput<S extends z.ZodType> = z.input<S> | FormData;

/**
 * Wraps a server action: authorizes the caller, validates the input (an object
 * or a submitted form) with the schema, and returns either the handler's data
 * or the typed error. Authorization runs first, so a caller without the role
 * learns nothing from validation messages.
 */
export function withRole<S extends z.ZodType, T>(
  roles: readonly Role[],
  schema: S,
  handler: (input: z.output<S>, context: { user: SessionUser }) => Promise<T>,
): (input: ActionInput<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const user = await authorize(roles);
      const raw: unknown = input instanceof FormData ? Object.fromEntries(input.entries()) : input;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error);
      return { ok: true, data: await handler(parsed.data, { user }) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, ...error.toJSON() };
      throw error;
    }
  };
}
