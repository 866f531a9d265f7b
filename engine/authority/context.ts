import type { Person } from '../directory';
import { describeAmount } from './conversion';
import type { Lookup } from './lookup';
import { covers, formatMoney } from './money';
import type { ApprovalRecord, ApprovalRequest, TrailEntry, TrailRole } from './types';

export function nameOf(person: Person): string {
  return person.name.trim() || person.id;
}

export function authorityOf(record: ApprovalRecord): string {
  return record.onBehalfOfId ?? record.approverId;
}

/**
 * Everything one resolution shares: the request, the people read so far (each
 * read at most once, so a person cannot change halfway through a resolution),
 * and the trail of reasons in the order the rules were applied.
 */
export class ResolutionContext {
  readonly at: number;
  readonly day: string;
  readonly approvals: readonly ApprovalRecord[];
  /** Everyone who approved in this request, as approver or as the person a delegate stood in for. */
  readonly approvedIds: ReadonlySet<string>;
  readonly trail: TrailEntry[] = [];
  private readonly people = new Map<string, Person | null>();

  constructor(readonly request: ApprovalRequest) {
    const { minor } = request.amount;
    if (!Number.isSafeInteger(minor) || minor <= 0) {
      throw new RangeError(
        `Expected the approval amount as a positive whole number of minor units (see approvalAmount), but got ${minor}.`,
      );
    }
    this.at = request.at instanceof Date ? request.at.getTime() : request.at;
    this.day = new Date(this.at).toISOString().slice(0, 10);
    this.approvals = request.alreadyApproved ?? [];
    this.approvedIds = new Set(
      this.approvals.flatMap((record) =>
        record.onBehalfOfId ? [record.approverId, record.onBehalfOfId] : [record.approverId],
      ),
    );
  }

  *read(id: string): Lookup<Person | null> {
    if (this.people.has(id)) return this.people.get(id) ?? null;
    const person = yield id;
    this.people.set(id, person);
    return person;
  }

  money(minor: number | null): string {
    return formatMoney(minor, this.request.amount.currency);
  }

  get amountText(): string {
    return describeAmount(this.request.amount);
  }

  covers(limit: number | null): boolean {
    return covers(limit, this.request.amount.minor);
  }

  note(person: Person | null, role: TrailRole, reason: string, personId?: string): void {
    this.trail.push({
      personId: person?.id ?? personId ?? null,
      name: person ? nameOf(person) : null,
      role,
      limit: person?.limit ?? null,
      reason,
    });
  }

  get reasons(): string[] {
    return this.trail.map((entry) => entry.reason);
  }
}
