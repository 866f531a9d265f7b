/** Spec helpers that use only the public Engine interface, so specs run against any engine. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';
import type { Engine, JobView, StoredHistoryEvent, TaskView } from '@/engine/api';

export const fixturesDir = path.resolve(import.meta.dirname, '../../../fixtures/bpmn');

export function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name.endsWith('.bpmn') ? name : `${name}.bpmn`), 'utf8');
}

/** The history as short lines, e.g. 'ElementActivated review', in order. */
export async function trail(engine: Engine, instanceId: string, types?: StoredHistoryEvent['type'][]): Promise<string[]> {
  const events = await engine.history(instanceId);
  return events.filter((event) => !types || types.includes(event.type)).map((event) => `${event.type} ${event.elementId ?? ''}`.trim());
}

/** Element ids in the order they completed. */
export async function completed(engine: Engine, instanceId: string): Promise<string[]> {
  const events = await engine.history(instanceId);
  return events.filter((event) => event.type === 'ElementCompleted').map((event) => event.elementId ?? '');
}

export async function openTask(engine: Engine, instanceId: string, elementId: string): Promise<TaskView> {
  const tasks = await engine.listTasks({ instanceId, status: 'open' });
  const task = tasks.find((candidate) => candidate.elementId === elementId);
  if (!task) throw new Error(`No open task at '${elementId}'; open: ${tasks.map((t) => t.elementId).join(', ') || 'none'}`);
  return task;
}

export async function activeJob(engine: Engine, instanceId: string, elementId: string): Promise<JobView> {
  const jobs = await engine.listJobs({ instanceId, status: 'activatable' });
  const job = jobs.find((candidate) => candidate.elementId === elementId);
  if (!job) throw new Error(`No activatable job at '${elementId}'; activatable: ${jobs.map((j) => j.elementId).join(', ') || 'none'}`);
  return job;
}

/** An asymmetric matcher for text inside object matchers, typed as the string it stands for. */
export function textLike(pattern: RegExp | string): string {
  return (typeof pattern === 'string' ? expect.stringContaining(pattern) : expect.stringMatching(pattern)) as string;
}
