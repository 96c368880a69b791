import { engagements } from './engagement.entity.ts';
import { type EngagementView, fullView, payoutsReadyOf } from './view.ts';

export async function myEngagements(
  userId: string,
  role: 'firm' | 'professional',
): Promise<EngagementView[]> {
  const list =
    role === 'firm' ? await engagements.forFirm(userId) : await engagements.forProfessional(userId);
  const ready = await payoutsReadyOf(list.map((e) => e.professionalId));
  return Promise.all(list.map((e) => fullView(e, userId, ready)));
}
