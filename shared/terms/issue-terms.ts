import type { TermsFacts, TermsReason } from './contract.ts';
import { type TermsVersion, termsVersions } from './terms.entity.ts';

/**
 * Issues the next version of an engagement's terms: the latest facts with a change. Two changes at once cannot
 * take the same number (a conditional put); the loser reads again and takes the next. An engagement accepted
 * before terms were issued has none to continue: nothing is issued.
 */
export async function issueNextTerms(
  engagementId: string,
  reason: TermsReason,
  change: (facts: TermsFacts) => TermsFacts,
  at: string,
): Promise<TermsVersion | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const latest = (await termsVersions.all(engagementId)).at(-1);
    if (!latest) return undefined;
    const next: TermsVersion = {
      engagementId,
      version: latest.version + 1,
      reason,
      issuedAt: at,
      facts: change(latest.facts),
    };
    if (await termsVersions.issue(next)) return next;
  }
  throw new Error(`terms of ${engagementId}: five changes at once`);
}
