import type { ActionResult } from '@/lib/action';

/** A server action as the task components call it. */
export type TaskAction<I, T = unknown> = (input: I) => Promise<ActionResult<T>>;
