import type { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * The business events worth a graph and an alarm, counted as CloudWatch metrics (namespace `Kakehashi`,
 * dimension `service`), by Powertools' metrics as EMF lines in the function's log: no API call, no extra
 * latency. A use case counts an event once it has happened (written); the HTTP wrapper (shared/http/api.ts)
 * flushes what the invocation counted before it answers.
 *
 * Names only, no dimensions or metadata of people: a count says that something happened, never who did it.
 */
export type BusinessEvent =
  /** A professional (or a team's director) applied for a project. */
  | 'ApplicationSubmitted'
  /** A firm accepted an application: its engagement exists, awaiting payment. */
  | 'EngagementStarted'
  /** A new account chose its role and saved its first profile (`PUT /v1/me` the first time). */
  | 'SignUp'
  /** Region staff checked a participant in at an event's door (a first scan, not a repeat). */
  | 'CheckIn';

/**
 * Counted unless switched off: `POWERTOOLS_METRICS_DISABLED` decides when set (CDK sets `false` on every
 * function); without it, only at log level DEBUG or INFO, since EMF lines are written to stdout like log lines.
 * So tests (`POWERTOOLS_LOG_LEVEL` SILENT or ERROR) and the local cloud (WARN) stay quiet.
 */
function enabled(): boolean {
  const flag = process.env.POWERTOOLS_METRICS_DISABLED?.trim().toLowerCase();
  if (flag) return !['true', '1', 'yes', 'on'].includes(flag);
  const level = (process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO').trim().toUpperCase();
  return level === 'DEBUG' || level === 'INFO' || level === 'TRACE';
}

/** What this invocation counted, not yet written. Bounded, in case something counts outside the HTTP wrapper. */
const pending: BusinessEvent[] = [];
const MAX_PENDING = 100;

/** Counts one business event, to be flushed at the end of the invocation. */
export function countEvent(event: BusinessEvent): void {
  if (pending.length < MAX_PENDING && enabled()) pending.push(event);
}

/**
 * Loaded on the first flush rather than at import (as the logger is): most invocations count nothing, and the
 * module costs cold-start time.
 */
let loaded: Promise<{ metrics: Metrics; count: 'Count' }> | undefined;
const powertools = () =>
  (loaded ??= import('@aws-lambda-powertools/metrics').then(({ Metrics: PowertoolsMetrics, MetricUnit }) => ({
    metrics: new PowertoolsMetrics({
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || 'Kakehashi',
      serviceName: 'kakehashi',
    }),
    count: MetricUnit.Count,
  })));

/** Writes what was counted (one EMF line) and forgets it; nothing at all when nothing was counted. */
export async function flushBusinessMetrics(): Promise<void> {
  if (pending.length === 0) return;
  const events = pending.splice(0);
  const { metrics, count } = await powertools();
  for (const event of events) metrics.addMetric(event, count, 1);
  metrics.publishStoredMetrics();
}
