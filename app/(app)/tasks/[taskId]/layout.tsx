import type { ReactNode } from 'react';
import { loadTaskPage } from './load-task-page';

/** Access is checked here, before the page's loading state streams, so a stranger gets a real 403. */
export default async function TaskLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ taskId: string }>;
}) {
  await loadTaskPage((await params).taskId);
  return children;
}
