import { ValidationError } from '../domain/errors.ts';
import { checkPaymentSchedule } from '../terms/rules.ts';
import type { Project } from './rules.ts';

/**
 * A start month the firm could no longer pay in time if it accepted someone today (freelance act 4条: within
 * 60 days of each month's end) is refused when the project is saved, with the earliest month that works.
 */
export function refuseLateStart(project: Pick<Project, 'startMonth' | 'durationMonths'>, at: string): void {
  if (!project.startMonth) return;
  const check = checkPaymentSchedule({ ...project, firstChargeAt: at });
  if (!check.ok)
    throw new ValidationError(check.reason, [{ path: 'body.startMonth', message: check.reason }]);
}
