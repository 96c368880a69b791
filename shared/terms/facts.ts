import type { Engagement } from '../engagements/engagement.entity.ts';
import type { Project } from '../projects/rules.ts';
import type { Share } from '../teams/rules.ts';
import type { TermsFacts } from './contract.ts';
import { isLongEngagement } from './rules.ts';

/** The facts of the first version, fixed at acceptance from the engagement's snapshot and its project. */
export function factsAtAcceptance(
  e: Engagement,
  project: Pick<Project, 'summary' | 'deliverables' | 'remote' | 'municipalityCode'>,
  team?: { shares: Share[]; names: Map<string, string> },
): TermsFacts {
  return {
    engagementId: e.id,
    commissionedAt: e.createdAt,
    firm: { id: e.firmId, name: e.firmName },
    professional: { id: e.professionalId, name: e.professionalName },
    ...(e.teamId && team
      ? {
          team: {
            name: e.teamName ?? '',
            members: team.shares.map((s) => ({ name: team.names.get(s.userId) ?? '—', percent: s.percent })),
          },
        }
      : {}),
    work: {
      title: e.title,
      summary: project.summary,
      ...(project.deliverables ? { deliverables: project.deliverables } : {}),
      workType: e.workType,
    },
    fee: {
      monthlyFeeJpy: e.monthlyFeeJpy,
      feeTax: feeTaxOf(e),
      hoursPerMonth: e.hoursPerMonth,
      platformFeePercent: e.platformFeePercent,
    },
    period: { ...(e.startMonth ? { startMonth: e.startMonth } : {}), durationMonths: e.durationMonths },
    place: { remote: project.remote, municipalityCode: project.municipalityCode },
    long: isLongEngagement({ durationMonths: e.durationMonths }, e.createdAt),
  };
}

/** Engagements accepted before the fee's tax setting existed were tax-inclusive. */
export const feeTaxOf = (e: object): 'inclusive' | 'exclusive' =>
  (e as { feeTax?: string }).feeTax === 'exclusive' ? 'exclusive' : 'inclusive';
