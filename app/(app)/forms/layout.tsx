import type { ReactNode } from 'react';
import { requireRole } from '@/lib/authz';

// Forms are design work: only designers and admins open them. Checked in the
// layout so the refusal answers with status 403.
export default async function FormsLayout({ children }: { children: ReactNode }) {
  await requireRole('admin', 'designer');
  return children;
}
