import { now } from '../data/entity.ts';
import { logger } from '../logger.ts';
import { withoutMember } from '../teams/rules.ts';
import { engagements } from './engagement.entity.ts';
import { sharesStartFrom } from './rules.ts';
import { engagementShares, type SharesVersion } from './shares.entity.ts';

/**
 * A member left a team: their share of its running engagements goes to the others, in proportion, from the
 * next paid month (the month they are in is still paid as it was). The director can set other shares after.
 */
export async function memberLeftTeam(teamId: string, userId: string): Promise<void> {
  const theirs = (await engagements.forProfessional(userId)).filter(
    (e) => e.teamId === teamId && e.professionalId !== userId && e.state !== 'ended',
  );
  for (const e of theirs) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const versions = await engagementShares.all(e.id);
      const latest = versions.reduce<SharesVersion | undefined>(
        (a, v) => (!a || v.seq > a.seq ? v : a),
        undefined,
      );
      if (!latest?.shares.some((s) => s.userId === userId)) break;
      try {
        await engagements.setShares(e, {
          engagementId: e.id,
          seq: latest.seq + 1,
          from: sharesStartFrom(e),
          // The latest shares (those in force from then on), without the one who left.
          shares: withoutMember(latest.shares, userId),
          setBy: userId,
          setAt: now(),
        });
        break;
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        logger.info('shares changed while a member left; trying again', { engagementId: e.id });
      }
    }
  }
}
