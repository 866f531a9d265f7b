import type { Problem } from '../../api';
import type { Draft } from '../build';

/** One validation rule: looks at the whole draft and reports every problem it finds. */
export type Rule = (draft: Draft) => Problem[];
