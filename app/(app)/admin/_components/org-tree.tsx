'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { ChevronRightIcon } from '@/components/ui/icons';

export interface TreePerson {
  id: string;
  name: string;
  title: string;
  managerId: string | null;
  limitText: string;
  unlimited: boolean;
  active: boolean;
}

/**
 * Managers above their reports, each level behind a disclosure button
 * (Enter or Space toggles it, Tab moves on), so the chart reads the same with
 * a keyboard or a screen reader. People whose chain never reaches the top
 * (a manager cycle left by older data) are listed apart rather than lost.
 */
export function OrgTree({ people }: { people: TreePerson[] }) {
  const { roots, children, detached } = useMemo(() => {
    const ids = new Set(people.map((person) => person.id));
    const byManager = new Map<string, TreePerson[]>();
    const top: TreePerson[] = [];
    for (const person of people) {
      if (person.managerId && ids.has(person.managerId) && person.managerId !== person.id) {
        byManager.set(person.managerId, [...(byManager.get(person.managerId) ?? []), person]);
      } else {
        top.push(person);
      }
    }
    const reached = new Set<string>();
    const visit = (id: string) => {
      if (reached.has(id)) return;
      reached.add(id);
      for (const child of byManager.get(id) ?? []) visit(child.id);
    };
    top.forEach((person) => visit(person.id));
    return { roots: top, children: byManager, detached: people.filter((person) => !reached.has(person.id)) };
  }, [people]);

  const initiallyOpen = useMemo(() => {
    const open = new Set<string>();
    for (const root of roots) {
      open.add(root.id);
      for (const child of children.get(root.id) ?? []) open.add(child.id);
    }
    return open;
  }, [roots, children]);
  const [open, setOpen] = useState<Set<string>>(initiallyOpen);

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function renderNode(person: TreePerson, depth: number, path: Set<string>) {
    const reports = path.has(person.id) ? [] : (children.get(person.id) ?? []);
    const expanded = open.has(person.id);
    const groupId = `reports-${person.id}`;
    return (
      <li key={person.id}>
        <div className="flex items-center gap-2 rounded-xl px-2 py-1.5 hover:bg-slate-50">
          {reports.length > 0 ? (
            <button
              type="button"
              onClick={() => toggle(person.id)}
              aria-expanded={expanded}
              aria-controls={groupId}
              aria-label={`${expanded ? 'Hide' : 'Show'} ${reports.length} ${reports.length === 1 ? 'report' : 'reports'} of ${person.name}`}
              className="flex size-7 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <ChevronRightIcon className={`size-4 transition-transform ${expanded ? 'rotate-90' : ''}`} />
            </button>
          ) : (
            <span className="size-7 shrink-0" aria-hidden="true" />
          )}
          <Avatar name={person.name} size="sm" />
          <div className="min-w-0 flex-1">
            <Link
              href={`/admin/org/${person.id}`}
              className="font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {person.name}
            </Link>
            <span className="ml-2 text-sm text-slate-500">{person.title}</span>
          </div>
          {!person.active && <Badge>Inactive</Badge>}
          {reports.length > 0 && (
            <span className="hidden text-xs text-slate-500 sm:inline">
              {reports.length} {reports.length === 1 ? 'report' : 'reports'}
            </span>
          )}
          <span className="w-32 text-right text-sm tabular-nums text-slate-700">
            {person.unlimited ? <Badge tone="brand">Unlimited</Badge> : person.limitText}
          </span>
        </div>
        {reports.length > 0 && expanded && (
          <ul id={groupId} className="ml-5 border-l border-slate-200 pl-3" aria-label={`Reports of ${person.name}`}>
            {reports.map((report) => renderNode(report, depth + 1, new Set([...path, person.id])))}
          </ul>
        )}
      </li>
    );
  }

  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <div className="mb-2 flex flex-wrap justify-end gap-2 px-2">
        <button type="button" className={buttonClasses('ghost', 'sm')} onClick={() => setOpen(new Set(people.map((person) => person.id)))}>
          Expand all
        </button>
        <button type="button" className={buttonClasses('ghost', 'sm')} onClick={() => setOpen(new Set())}>
          Collapse all
        </button>
      </div>
      <ul aria-label="Org chart tree">{roots.map((root) => renderNode(root, 0, new Set()))}</ul>
      {detached.length > 0 && (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <h2 className="px-2 text-sm font-semibold text-amber-900">Not connected to the top: a manager cycle</h2>
          <ul aria-label="People in a manager cycle">
            {detached.map((person) => (
              <li key={person.id} className="flex items-center gap-3 px-2 py-1.5">
                <Avatar name={person.name} size="sm" />
                <Link href={`/admin/org/${person.id}`} className="font-medium text-slate-900 hover:underline">
                  {person.name}
                </Link>
                <span className="text-sm text-slate-500">{person.title}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
