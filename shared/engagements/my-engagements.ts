import type { Page, PageRequest } from '../data/query.ts';
import { engagements } from './engagement.entity.ts';
import { type EngagementView, fullView, payoutsReadyOf } from './view.ts';

/** The caller's engagements (as the firm, or as a professional or team member), newest first, a page at a time. */
export async function myEngagements(
  userId: string,
  role: 'firm' | 'professional',
  page: PageRequest,
): Promise<Page<EngagementView>> {
  const { items, nextCursor } =
    role === 'firm'
      ? await engagements.pageForFirm(userId, page)
      : await engagements.pageForProfessional(userId, page);
  const ready = await payoutsReadyOf(items.map((e) => e.professionalId));
  return { items: await Promise.all(items.map((e) => fullView(e, userId, ready))), nextCursor };
}
