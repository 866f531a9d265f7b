import type { ReactNode } from 'react';
import { requireSection } from '@/lib/authz';

/** Operators only: checked before the section streams, so a refusal is a real 403. */
export default async function InstancesLayout({ children }: { children: ReactNode }) {
  await requireSection('instances');
  return children;
}
