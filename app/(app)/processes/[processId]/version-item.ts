/** A deployed version as the editor and the reader show it (dates as ISO strings across the server boundary). */
export interface VersionItem {
  version: number;
  name: string | null;
  deployedBy: string | null;
  deployedAt: string;
  runningInstances: number;
  live: boolean;
}
