import type { JobLine } from '#shared/http/route.ts';
import { MAIL_GIVEN_UP } from '#shared/mail/rules.ts';
import { FIGURES_DIFFER } from '#shared/metrics/rules.ts';

/**
 * Jobs that run on a schedule: CDK makes an EventBridge Scheduler schedule of each line,
 * and the local scheduler (infra/local/scheduler.ts) runs the same handlers on the same expressions.
 */
export type Schedule = JobLine & {
  expression: string;
  summary: string;
  /**
   * A log line of the job that needs a person: CDK counts it with a metric filter on the job's log group
   * (`$.message` equal to `message`) and alarms on it (docs/operations.md, by the alarm's description).
   */
  alarmOnLog?: { message: string; metricName: string; description: string };
};

export const schedules: readonly Schedule[] = [
  {
    name: 'expire-invitations',
    handler: 'admin/expire-invitations',
    expression: 'rate(1 hour)',
    summary: 'Removes region-staff invitations that expired unused and tells the inviting operator.',
    needs: { table: 'write', mail: true },
  },
  {
    name: 'advance-events',
    handler: 'events/advance-events',
    expression: 'rate(1 minute)',
    summary:
      'Draws lotteries at their deadline, expires unclaimed offers and unpaid holds (offering the seat on), sends reminders two days before and marks no-shows after the end.',
    needs: { table: 'write', stripe: true, mail: true },
  },
  {
    name: 'rebuild-metrics',
    handler: 'metrics/rebuild-metrics',
    // Sundays 03:30 in Japan: compares the stream-fed relationship population with its sources.
    expression: 'cron(30 18 ? * SAT *)',
    summary:
      'Recomputes the relationship population from the source records and reports any difference from the stream-fed figures; {"repair": true} replaces them.',
    needs: { table: 'write', scan: true },
    alarmOnLog: {
      message: FIGURES_DIFFER,
      metricName: 'RelationshipPopulationDifferences',
      description:
        'The weekly rebuild found stream-fed relationship population figures that differ from their sources ' +
        '(docs/operations.md#relationship-population-differs).',
    },
  },
  {
    name: 'send-search-digests',
    handler: 'searches/send-search-digests',
    // Every day at 08:00 in Japan: the morning's digest of each saved search.
    expression: 'cron(0 23 * * ? *)',
    summary:
      'Mails each saved search its projects newly published that match (ja + en), once; nothing when nothing is new.',
    needs: { table: 'write', mail: true },
  },
  {
    name: 'retry-mail',
    handler: 'mail/retry-mail',
    expression: 'rate(5 minutes)',
    summary:
      'Tries again the mail SES refused for a passing reason (after 5 min, 30 min, 2 h and 12 h), then records it as undelivered for the operators.',
    needs: { table: 'write', mail: true },
    alarmOnLog: {
      message: MAIL_GIVEN_UP,
      metricName: 'MailGivenUp',
      description:
        'Mail SES kept refusing for 14 hours was given up: SES or its sending limits need a look ' +
        '(docs/operations.md#mail-given-up; the mail is listed at /admin/mail).',
    },
  },
];
