import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { type Engagement, engagements } from './engagement.entity.ts';

/** Whether the user is a party: its firm, its professional (a team's director), or a member of its team. */
export const isParty = (e: Engagement, userId: string) =>
  e.firmId === userId || e.professionalId === userId || (e.memberIds ?? []).includes(userId);

/** An engagement its parties may see; to anyone else it does not exist. */
export async function partyEngagement(userId: string, id: string): Promise<Engagement> {
  const e = await engagements.get(id);
  if (!e || !isParty(e, userId)) throw new NotFoundError('No such engagement of yours.');
  return e;
}

/** An engagement of the calling firm. */
export async function firmEngagement(firmId: string, id: string): Promise<Engagement> {
  const e = await engagements.get(id);
  if (!e || e.firmId !== firmId) throw new NotFoundError('No such engagement of yours.');
  return e;
}

/** A team engagement its director acts on; its members may see it but not change it. */
export async function directorEngagement(userId: string, id: string): Promise<Engagement> {
  const e = await partyEngagement(userId, id);
  if (!e.teamId) throw new NotFoundError('This engagement is not a team’s.');
  if (e.professionalId !== userId) throw new ForbiddenError('Only the team’s director sets the shares.');
  return e;
}
