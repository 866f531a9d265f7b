export { jobIsActive, step } from './step';
export { DEFAULT_MAX_STEPS } from './run';
export * from './types';
export { dueDateOf, nextFiring, timerStartSchedule, type DueDate, type Trigger } from './triggers';
