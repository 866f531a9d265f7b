import type { Database } from '@/db/client';
import { approvalLinkTokens } from '@/db/schema';
import { generateLinkToken, hashLinkToken } from './token';

export interface IssuedApprovalLinks {
  approve: string;
  reject: string;
  expiresAt: Date;
}

/**
 * Creates the Approve and Reject links of one approval mail: one token each,
 * bound to the task, the approver and the decision, stored as hashes.
 */
export async function issueApprovalLinks(
  db: Database,
  input: {
    taskId: string;
    instanceId: string;
    approver: string;
    mailId: string | null;
    baseUrl: string;
    ttlHours: number;
    now: Date;
  },
): Promise<IssuedApprovalLinks> {
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3_600_000);
  const tokens = { approve: generateLinkToken(), reject: generateLinkToken() };
  await db.insert(approvalLinkTokens).values(
    (['approve', 'reject'] as const).map((decision) => ({
      tokenHash: hashLinkToken(tokens[decision]),
      taskId: input.taskId,
      instanceId: input.instanceId,
      approver: input.approver.toLowerCase(),
      decision,
      mailId: input.mailId,
      createdAt: input.now,
      expiresAt,
    })),
  );
  return {
    approve: approvalLinkUrl(input.baseUrl, tokens.approve),
    reject: approvalLinkUrl(input.baseUrl, tokens.reject),
    expiresAt,
  };
}

export function approvalLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/approve/${token}`;
}
