export type RequestStatus = 'waiting' | 'incident' | 'approved' | 'rejected' | 'completed' | 'cancelled';

/** What a requester wants to know about an instance, from its state and its `approved` variable. */
export function requestStatus(instance: {
  status: 'active' | 'completed' | 'terminated';
  hasIncident: boolean;
  approved: unknown;
}): RequestStatus {
  if (instance.status === 'terminated') return 'cancelled';
  if (instance.hasIncident) return 'incident';
  if (instance.status === 'active') return 'waiting';
  if (instance.approved === true) return 'approved';
  if (instance.approved === false) return 'rejected';
  return 'completed';
}
