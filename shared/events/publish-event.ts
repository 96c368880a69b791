import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { isConditionFailure } from '../data/transaction.ts';
import { ConflictError } from '../domain/errors.ts';
import { staffEvent } from './access.ts';
import type { EventOut } from './contract.ts';
import { events } from './event.entity.ts';
import { REMINDER_DAYS_BEFORE } from './rules.ts';
import { timers } from './timer.entity.ts';
import { eventView } from './view.ts';

/**
 * Its staff open a draft for sign-ups.
 * 1. Sign-ups must still be possible (the deadline is ahead).
 * 2. Its timers: the lottery at the deadline, the reminder two days before, the no-show sweep at the end.
 * 3. Draft → published (listed from now on).
 */
export async function publishEvent(staff: User, id: string): Promise<EventOut> {
  const read = await staffEvent(staff, id);
  if (read.status !== 'draft')
    throw new ConflictError('This event is already published or cancelled.', 'not_draft');
  const at = now();
  if (Date.parse(read.signupDeadline) <= Date.parse(at))
    throw new ConflictError(
      'The sign-up deadline has passed: move it (and the dates) before publishing.',
      'deadline_passed',
    );
  const reminderAt = new Date(Date.parse(read.startsAt) - REMINDER_DAYS_BEFORE * 86_400_000).toISOString();
  await timers.putAll([
    ...(read.selection === 'lottery' ? [{ kind: 'draw' as const, dueAt: read.signupDeadline, ref: id }] : []),
    { kind: 'reminder', dueAt: reminderAt, ref: id },
    { kind: 'no_show', dueAt: read.endsAt, ref: id },
  ]);
  try {
    return eventView(await events.publish(read, at));
  } catch (error) {
    if (isConditionFailure(error))
      throw new ConflictError('This event is already published or cancelled.', 'not_draft');
    throw error;
  }
}
