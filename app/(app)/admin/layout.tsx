import type { ReactNode } from 'react';
import { requireSection } from '@/lib/authz';

/** Administrators only: checked before the section streams, so a refusal is a real 403. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireSection('admin');
  return children;
}
