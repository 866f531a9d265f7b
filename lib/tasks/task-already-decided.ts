import { AppError } from '@/lib/action';
import { decisionSentence, type TaskDecision } from './describe-decision';

/** A decision that lost the race (or came late): says who decided, how and when. */
export class TaskAlreadyDecided extends AppError {
  constructor(readonly decision: TaskDecision) {
    super('conflict', decisionSentence(decision));
    this.name = 'TaskAlreadyDecided';
  }
}
