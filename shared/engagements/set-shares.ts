import { now } from '../data/entity.ts';
import { ConflictError, ValidationError } from '../domain/errors.ts';
import type { Share } from '../teams/rules.ts';
import { teams } from '../teams/team.entity.ts';
import { issueNextTerms } from '../terms/issue-terms.ts';
import { directorEngagement } from './access.ts';
import { engagements } from './engagement.entity.ts';
import { sharesStartFrom } from './rules.ts';
import { engagementShares } from './shares.entity.ts';

/**
 * The director sets a team engagement's shares.
 * 1. Only the director, only while the engagement runs or waits for its first payment.
 * 2. Every share is a current member's (the sum and the decimals are the contract's rule).
 * 3. A new version, from the next paid month (from the first, before payment starts); the history stays.
 */
export async function setShares(userId: string, engagementId: string, shares: Share[]): Promise<void> {
  const e = await directorEngagement(userId, engagementId);
  if (e.state === 'ended' || e.state === 'ending')
    throw new ConflictError(
      'This engagement is ending; its shares can no longer change.',
      'engagement_ending',
    );
  const active = await teams.activeMembers(e.teamId as string);
  const members = new Set(active.map((m) => m.userId));
  const strangers = shares
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !members.has(s.userId))
    .map(({ i }) => ({ path: `body.shares.${i}.userId`, message: 'Not a member of the team.' }));
  if (strangers.length) throw new ValidationError('Shares go to members of the team only.', strangers);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [read, versions] = await Promise.all([engagements.get(e.id), engagementShares.all(e.id)]);
    if (!read) break;
    const seq = Math.max(0, ...versions.map((v) => v.seq)) + 1;
    const at = now();
    try {
      await engagements.setShares(read, {
        engagementId: e.id,
        seq,
        from: sharesStartFrom(read),
        shares,
        setBy: userId,
        setAt: at,
      });
      // The terms name each member's share: a change of shares is a change of terms (freelance act 3条).
      const names = new Map(active.map((m) => [m.userId, m.displayName]));
      await issueNextTerms(
        e.id,
        'shares_changed',
        (facts) => ({
          ...facts,
          ...(facts.team
            ? {
                team: {
                  ...facts.team,
                  members: shares.map((s) => ({ name: names.get(s.userId) ?? '—', percent: s.percent })),
                },
              }
            : {}),
        }),
        at,
      );
      return;
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      // Another change took this number at the same moment: number ours after it.
    }
  }
  throw new ConflictError('The shares changed at the same time. Reload and try again.');
}
