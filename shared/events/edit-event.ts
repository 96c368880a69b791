import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { isConditionFailure } from '../data/transaction.ts';
import { ConflictError, ValidationError } from '../domain/errors.ts';
import { requireStaffRegion, staffEvent } from './access.ts';
import type { EventOut } from './contract.ts';
import { events } from './event.entity.ts';
import { type EventPatch, eventIssues } from './rules.ts';
import { eventView } from './view.ts';

/**
 * Its staff change a draft.
 * 1. Read it as its staff; only a draft changes (a published event's sign-ups rely on what it said).
 * 2. Apply the patch and check the whole (times, capacities); a new municipality must be in the region too.
 * 3. Write only if nobody changed it since it was read.
 */
export async function editEvent(staff: User, id: string, patch: EventPatch): Promise<EventOut> {
  const read = await staffEvent(staff, id);
  if (read.status !== 'draft') throw new ConflictError('Only a draft event can be changed.', 'not_draft');
  if (patch.municipalityCode) requireStaffRegion(staff, patch.municipalityCode);
  const next = {
    ...read,
    ...patch,
    prefectureCode: (patch.municipalityCode ?? read.municipalityCode).slice(0, 2),
    updatedAt: now(),
  };
  const issues = eventIssues(next);
  if (issues.length)
    throw new ValidationError(
      issues[0]?.message as string,
      issues.map((i) => ({ path: `body.${i.path}`, message: i.message })),
    );
  try {
    await events.saveDraft(next, read.updatedAt);
  } catch (error) {
    if (isConditionFailure(error))
      throw new ConflictError('The event was changed at the same time. Reload and try again.');
    throw error;
  }
  return eventView(next);
}
