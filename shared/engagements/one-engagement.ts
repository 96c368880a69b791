import { partyEngagement } from './access.ts';
import { type EngagementView, engagementView, payoutsReadyOf } from './view.ts';

export async function oneEngagement(userId: string, id: string): Promise<EngagementView> {
  const e = await partyEngagement(userId, id);
  const ready = await payoutsReadyOf([e.professionalId]);
  return engagementView(e, userId, ready.get(e.professionalId) === true);
}
