import { parseLimit } from '@/engine/authority';
import type { FieldError, OrgRow, PersonInput } from './org-person';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ParsedPerson = Omit<OrgRow, 'id'>;

function validDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Reads one person's submitted values on their own (no other row needed):
 * required text, an email, a limit in the company currency, delegation days.
 * A field that does not parse is reported and keeps `fallback`'s value, so the
 * remaining checks still run on the rest of the row.
 */
export function parsePersonInput(
  input: PersonInput,
  currency: string,
  fallback: ParsedPerson | null,
): { value: ParsedPerson; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Enter a name.' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'A name has at most 200 characters.' });

  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) {
    errors.push({ field: 'email', message: `“${input.email.trim()}” is not an email address.` });
  }

  const title = input.title.trim();
  if (title.length > 200) errors.push({ field: 'title', message: 'A title has at most 200 characters.' });

  let limit: number | null = fallback?.limit ?? null;
  const limitText = input.limit.trim();
  if (limitText === '') {
    errors.push({ field: 'limit', message: 'Enter a limit, or choose unlimited.' });
  } else if (limitText.toLowerCase() === 'unlimited') {
    limit = null;
  } else {
    const parsed = parseLimit(limitText, currency);
    if (parsed.ok) limit = parsed.value;
    else errors.push({ field: 'limit', message: parsed.reason });
  }

  const delegateFrom = input.delegateFrom?.trim() || null;
  const delegateUntil = input.delegateUntil?.trim() || null;
  if (delegateFrom && !validDate(delegateFrom)) {
    errors.push({ field: 'delegate_from', message: 'Enter the first day as YYYY-MM-DD.' });
  }
  if (delegateUntil && !validDate(delegateUntil)) {
    errors.push({ field: 'delegate_until', message: 'Enter the last day as YYYY-MM-DD.' });
  }
  if (delegateFrom && delegateUntil && validDate(delegateFrom) && validDate(delegateUntil)) {
    if (delegateUntil < delegateFrom) {
      errors.push({
        field: 'delegate_until',
        message: 'The delegation cannot end before it starts.',
      });
    }
  }
  const delegateId = input.delegateId || null;
  if (!delegateId && (delegateFrom || delegateUntil)) {
    errors.push({ field: 'delegate', message: 'Choose a delegate for these dates, or clear the dates.' });
  }

  const failed = new Set(errors.map((error) => error.field));
  const keep = <K extends keyof ParsedPerson>(field: K, value: ParsedPerson[K]): ParsedPerson[K] =>
    fallback && failed.has(field as never) ? fallback[field] : value;
  return {
    value: {
      name: keep('name', name),
      email: keep('email', email),
      title: keep('title', title),
      managerId: input.managerId || null,
      limit,
      active: input.active,
      delegateId,
      delegateFrom: failed.has('delegate_from') ? (fallback?.delegateFrom ?? null) : delegateFrom,
      delegateUntil: failed.has('delegate_until') ? (fallback?.delegateUntil ?? null) : delegateUntil,
    },
    errors,
  };
}
