import { partyEngagement } from './access.ts';
import { type EngagementView, fullView, payoutsReadyOf } from './view.ts';

export async function oneEngagement(userId: string, id: string): Promise<EngagementView> {
  const e = await partyEngagement(userId, id);
  return fullView(e, userId, await payoutsReadyOf([e.professionalId]));
}
