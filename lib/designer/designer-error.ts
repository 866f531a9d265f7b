import type { Problem } from '@/engine/api';
import { AppError, type ErrorBody } from '@/lib/action';

export interface DesignerErrorDetails {
  /** The diagram's problems, at their elements, when a deploy or save was refused for them. */
  problems?: Problem[];
  /** The revision stored now, when a save or deploy was based on an older one. */
  currentRevision?: number;
  updatedBy?: string | null;
}

/**
 * A refusal by the designer's business layer: 404 for a missing draft or form,
 * 409 for a stale revision or a taken id, 422 for an unacceptable diagram. It
 * answers through the route wrapper like any AppError, with its details.
 */
export class DesignerError extends AppError {
  constructor(
    code: 'not_found' | 'conflict' | 'invalid',
    message: string,
    readonly details: DesignerErrorDetails = {},
  ) {
    super(code, message);
    this.name = 'DesignerError';
  }

  override toJSON(): { error: ErrorBody & DesignerErrorDetails } {
    return { error: { ...super.toJSON().error, ...this.details } };
  }
}
