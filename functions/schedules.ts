import type { JobLine } from '#shared/http/route.ts';

/**
 * Jobs that run on a schedule: CDK makes an EventBridge Scheduler schedule of each line,
 * and the local scheduler (infra/local/scheduler.ts) runs the same handlers on the same expressions.
 */
export type Schedule = JobLine & { expression: string; summary: string };

export const schedules: readonly Schedule[] = [
  {
    name: 'expire-invitations',
    handler: 'admin/expire-invitations',
    expression: 'rate(1 hour)',
    summary: 'Removes region-staff invitations that expired unused and tells the inviting operator.',
    needs: { table: 'write', mail: true },
  },
];
