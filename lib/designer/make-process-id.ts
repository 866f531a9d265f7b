import { randomBytes } from 'node:crypto';

/**
 * A process id from a human name: an XML NCName (BPMN ids must be), readable,
 * with a short random suffix so two processes named alike do not collide.
 */
export function makeProcessId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const suffix = randomBytes(3).toString('hex');
  const base = slug === '' || /^[0-9-]/.test(slug) ? `process-${slug}` : slug;
  return `${base.replace(/-+$/, '')}-${suffix}`;
}
