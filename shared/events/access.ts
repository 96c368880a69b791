import { type User, users } from '../accounts/user.entity.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { regionContains } from '../regions/index.ts';
import { events, type KakehashiEvent } from './event.entity.ts';

/** Staff work in their region: a prefecture's staff in its municipalities, a group's in its members, a town's in itself. */
export const inStaffRegion = (staff: User, municipalityCode: string) =>
  !!staff.regionCode && regionContains(staff.regionCode, municipalityCode);

export function requireStaffRegion(staff: User, municipalityCode: string): void {
  if (!inStaffRegion(staff, municipalityCode))
    throw new ForbiddenError('You can run events only in a municipality of your own region.');
}

/** An event its staff may manage (another region's staff: 403; no such event: 404). */
export async function staffEvent(staff: User, eventId: string): Promise<KakehashiEvent> {
  const event = await events.get(eventId);
  if (!event) throw new NotFoundError('No such event.');
  requireStaffRegion(staff, event.municipalityCode);
  return event;
}

/** An event anyone may see: published or cancelled (a draft is not found, except by its staff). */
export async function visibleEvent(eventId: string, viewerId?: string): Promise<KakehashiEvent> {
  const event = await events.get(eventId);
  if (!event) throw new NotFoundError('No such event.');
  if (event.status !== 'draft') return event;
  const viewer = viewerId ? await users.get(viewerId) : undefined;
  if (viewer?.role === 'region_staff' && inStaffRegion(viewer, event.municipalityCode)) return event;
  throw new NotFoundError('No such event.');
}
