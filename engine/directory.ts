/**
 * The engine's port onto the org chart. The app wires it to its employees
 * table; the in-memory store and the CLI wire it to a snapshot. The engine
 * reads person by person along one manager chain, so an adapter never has
 * to load the whole table.
 */

/** One person of the org chart, as the approval rules see them. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Id of this person's manager; null at the top of the chart. */
  readonly managerId: string | null;
  /**
   * Signature authority in integer minor units of the company currency
   * (cents for USD). null means unlimited.
   */
  readonly limit: number | null;
  /** Inactive people (left, on long leave) are skipped by every rule. */
  readonly active: boolean;
  /** Who stands in for this person while the delegation range is in effect. */
  readonly delegateId: string | null;
  /** First instant the delegation is in effect (inclusive); null = since always. */
  readonly delegateFrom: Date | null;
  /** Instant the delegation ends (exclusive); null = until further notice. */
  readonly delegateUntil: Date | null;
}

export interface Directory {
  getPerson(id: string): Promise<Person | null>;
  findByEmail(email: string): Promise<Person | null>;
  /** An opaque version of the org chart, stored with every approval decision. */
  version(): Promise<string>;
  /**
   * Optional prefetch: the person with this id followed by their managers
   * upward, in order, ending before the first person already listed or at a
   * manager that does not exist. A SQL adapter answers it with one recursive
   * query instead of one round trip per level. The resolver treats it as a
   * hint only: anyone missing from the answer is read with getPerson.
   */
  getManagerChain?(id: string): Promise<Person[]>;
  /**
   * Optional: the emails of the active people who may take a task offered to
   * this group queue, or null when there is no such group. An adapter without
   * groups leaves it out, and every group is then taken as it is named.
   */
  groupMembers?(group: string): Promise<string[] | null>;
}
