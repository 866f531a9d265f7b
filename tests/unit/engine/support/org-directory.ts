import { snapshotDirectory, type Directory, type OrgChartSnapshot } from '@/engine/authority';

/** A directory over an org snapshot that a spec can swap mid-approval ("the org chart changes"). */
export interface ChangingDirectory extends Directory {
  change(org: OrgChartSnapshot): void;
}

export function changingDirectory(org: OrgChartSnapshot): ChangingDirectory {
  let current = snapshotDirectory(org);
  return {
    getPerson: (id) => current.getPerson(id),
    findByEmail: (email) => current.findByEmail(email),
    version: () => current.version(),
    change(next) {
      current = snapshotDirectory(next);
    },
  };
}
