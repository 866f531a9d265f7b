import type { ReactNode } from 'react';
import { requireRole } from '@/lib/authz';

// Checked in the layout, before the section's loading boundary streams, so a
// member is refused with status 403 rather than a 200 page saying so.
export default async function NewProcessLayout({ children }: { children: ReactNode }) {
  await requireRole('admin', 'designer');
  return children;
}
