import { Cron } from 'croner';
import { type LambdaHandler, lambdaContext } from './gateway.ts';

export type ScheduledJob = { name: string; expression: string; handler: LambdaHandler };

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Milliseconds between runs of an EventBridge `rate(...)` expression, or undefined if it is not one. */
export function rateMs(expression: string): number | undefined {
  const m = RATE.exec(expression);
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[(m[2] as string).replace(/s$/, '')] as number);
}

/** An EventBridge `cron(min hour day-of-month month day-of-week year)` as a 5-field cron for croner. */
export function cronPattern(expression: string): string | undefined {
  const m = /^cron\((.+)\)$/.exec(expression);
  if (!m) return undefined;
  const fields = (m[1] as string).trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`EventBridge cron has 6 fields: ${expression}`);
  return fields
    .slice(0, 5)
    .map((f) => (f === '?' ? '*' : f))
    .join(' ');
}

/** Runs scheduled handlers on the same expressions CDK gives EventBridge Scheduler (times in UTC). */
export function startScheduler(jobs: ScheduledJob[]): {
  stop: () => void;
  runNow: (name: string, time?: string, input?: Record<string, unknown>) => Promise<unknown>;
} {
  const stops: (() => void)[] = [];
  const run = async (
    job: ScheduledJob,
    time = new Date().toISOString(),
    input: Record<string, unknown> = {},
  ) => {
    try {
      return await job.handler({ ...input, time, source: 'local.scheduler' }, lambdaContext(job.name));
    } catch (error) {
      console.error(`[scheduler] ${job.name} failed`, error);
      throw error;
    }
  };
  for (const job of jobs) {
    const every = rateMs(job.expression);
    if (every) {
      const timer = setInterval(() => void run(job).catch(() => undefined), every);
      timer.unref();
      stops.push(() => clearInterval(timer));
      continue;
    }
    const pattern = cronPattern(job.expression);
    if (!pattern) throw new Error(`Unsupported schedule expression: ${job.expression}`);
    const cron = new Cron(
      pattern,
      { timezone: 'UTC', unref: true },
      () => void run(job).catch(() => undefined),
    );
    stops.push(() => cron.stop());
  }
  return {
    stop: () => {
      for (const stop of stops) stop();
    },
    runNow: async (name, time, input) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`No scheduled job named ${name}`);
      return run(job, time, input);
    },
  };
}
