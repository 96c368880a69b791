import type { User } from '../accounts/user.entity.ts';
import { type ListingEntry, listings } from '../projects/listing.entity.ts';
import { projects } from '../projects/project.entity.ts';
import { projectView } from '../projects/view.ts';
import type { RecommendationList } from './contract.ts';
import {
  type Candidate,
  candidatePartitions,
  ENTRIES_PER_PARTITION,
  type FitProfile,
  PAGE_MARGIN,
  type RecommendationsQuery,
  rank,
} from './rules.ts';

/** A listing entry as the rules score it (the bench reads the same way). */
export const candidateOf = (e: ListingEntry): Candidate => ({
  projectId: e.projectId,
  listed: e.SK,
  municipalityCode: e.municipalityCode,
  prefectureCode: e.prefectureCode,
  skills: e.skills,
  hoursPerMonth: e.hoursPerMonth,
  remote: e.remote as Candidate['remote'],
});

/**
 * Open projects ranked by fit with the calling professional's profile (shared/recommendations/rules.ts).
 * 1. The partitions the profile points to: ≤ 5 skill and ≤ 16 region partitions; none → `LIST#ALL` (newest).
 * 2. Each partition's 20 newest listing entries, all Queries at once: ≤ 21 Queries, ≤ 420 entries, never a Scan.
 * 3. Score and order the distinct projects from the entries alone (place, skills, hours and style are on them).
 * 4. The best `limit + 5` projects: one BatchGetItem (≤ 55 keys); keep the open, not hidden ones, `limit` of them.
 */
export async function myRecommendations(
  person: User,
  query: RecommendationsQuery,
  measure?: { readUnits: number },
): Promise<RecommendationList> {
  const profile: FitProfile = person.role === 'professional' ? person : {};
  const { basis, facets } = candidatePartitions(profile);
  const entries = (
    await Promise.all(
      facets.map((facet) =>
        listings.newest(
          facet,
          basis === 'newest' ? query.limit + PAGE_MARGIN : ENTRIES_PER_PARTITION,
          measure,
        ),
      ),
    )
  ).flat();
  const ranked = rank(basis === 'newest' ? {} : profile, entries.map(candidateOf));
  const best = ranked.slice(0, query.limit + PAGE_MARGIN);
  const found = new Map((await projects.byIds(best.map((r) => r.projectId))).map((p) => [p.id, p]));
  const items = best.flatMap((r) => {
    const project = found.get(r.projectId);
    // A listing can outlive its project's closing or hiding by a moment (it is maintained from the stream).
    if (project?.status !== 'open' || project.hidden) return [];
    return [{ project: projectView(project), score: r.score, reasons: r.reasons }];
  });
  return { basis, items: items.slice(0, query.limit) };
}
