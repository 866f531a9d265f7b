/**
 * The instances this engine saved last, as it saved them, so that the next
 * command on one of them (completing its job or its task) can run without
 * first reading and locking the instance. That is safe because the write that
 * ends every command names the lock version it started from: when another
 * process has moved the instance on since, the write fails the command's
 * transaction, and the command runs again with the locking read.
 *
 * What is kept is a frozen copy (see frozen-state.ts), sharing what has not
 * changed since the copy before it, so a caller that changes an instance view
 * it was given cannot change what the next command starts from; the step
 * copies what it changes.
 */
import { storedState } from './store/frozen-state';
import type { InstanceRecord } from './store/port';

/** Rows (tasks, jobs) kept per instance kept: an instance rarely has more open at once. */
const ROWS_PER_INSTANCE = 8;

export class KnownInstances {
  private readonly instances = new Map<string, InstanceRecord>();
  /** The instance of each task and job created by a command of this engine. */
  private readonly owners = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** Keeps the instance as saved, the newest last; the least recently saved goes past the capacity. */
  remember(record: InstanceRecord): void {
    const before = this.instances.get(record.id);
    this.instances.delete(record.id);
    this.instances.set(record.id, {
      ...record,
      startedAt: new Date(record.startedAt),
      endedAt: record.endedAt && new Date(record.endedAt),
      state: storedState(record.state, before?.state),
    });
    if (this.instances.size > this.capacity) {
      this.instances.delete(this.instances.keys().next().value!);
    }
  }

  /** Notes which instance a task or job belongs to. */
  own(rowId: string, instanceId: string): void {
    this.owners.delete(rowId);
    this.owners.set(rowId, instanceId);
    if (this.owners.size > this.capacity * ROWS_PER_INSTANCE) {
      this.owners.delete(this.owners.keys().next().value!);
    }
  }

  forget(instanceId: string): void {
    this.instances.delete(instanceId);
  }

  /** The instance a task or job belongs to, as this engine saved it last (its state frozen); null when not known. */
  ownerOf(rowId: string): InstanceRecord | null {
    const instanceId = this.owners.get(rowId);
    const kept = instanceId === undefined ? undefined : this.instances.get(instanceId);
    if (!kept) return null;
    return {
      ...kept,
      startedAt: new Date(kept.startedAt),
      endedAt: kept.endedAt && new Date(kept.endedAt),
    };
  }
}
