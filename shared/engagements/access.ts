import { NotFoundError } from '../domain/errors.ts';
import { type Engagement, engagements } from './engagement.entity.ts';

/** An engagement its firm or its professional may see; to anyone else it does not exist. */
export async function partyEngagement(userId: string, id: string): Promise<Engagement> {
  const e = await engagements.get(id);
  if (!e || (e.firmId !== userId && e.professionalId !== userId))
    throw new NotFoundError('No such engagement of yours.');
  return e;
}

/** An engagement of the calling firm. */
export async function firmEngagement(firmId: string, id: string): Promise<Engagement> {
  const e = await engagements.get(id);
  if (!e || e.firmId !== firmId) throw new NotFoundError('No such engagement of yours.');
  return e;
}
