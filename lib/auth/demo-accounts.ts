import type { Role } from './roles';

/**
 * The seeded demo accounts. The README's table and the end-to-end tests read
 * this list, so they always agree with what `npm start` creates. Each account
 * belongs to the org-chart person with the same email; the members form one
 * approval chain (employee → manager → director → VP).
 */
export interface DemoAccount {
  email: string;
  role: Role;
  /** What the account is for in the demo. */
  purpose: string;
}

export const DEMO_ACCOUNTS = [
  {
    email: 'margaret.okafor@baton.example',
    role: 'admin',
    purpose: 'CEO (unlimited authority); manages the org chart and users',
  },
  {
    email: 'ines.carvalho@baton.example',
    role: 'designer',
    purpose: 'Process analyst; designs and deploys processes',
  },
  {
    email: 'sam.patel@baton.example',
    role: 'member',
    purpose: 'Buyer (limit 100); starts purchase requests',
  },
  {
    email: 'sofia.marino@baton.example',
    role: 'member',
    purpose: "Purchasing manager (limit 5,000); Sam's manager",
  },
  {
    email: 'thomas.berg@baton.example',
    role: 'member',
    purpose: "Director of Procurement (limit 50,000); Sofia's manager",
  },
  {
    email: 'daniel.reyes@baton.example',
    role: 'member',
    purpose: "VP Operations (limit 250,000); Thomas's manager",
  },
] as const satisfies readonly DemoAccount[];

export type DemoAccountEmail = (typeof DEMO_ACCOUNTS)[number]['email'];
