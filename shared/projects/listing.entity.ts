import type { Project } from './rules.ts';
import { projectTerms, searchText } from './search-terms.ts';

/**
 * Listing: the entries that make an open project findable, one per facet it can be browsed by, newest first.
 * Each keeps only what filters need; the page itself is read from the projects (BatchGetItem).
 * Access patterns:
 *  - browse(facet, after?)   Query  PK=LIST#<facet>, SK < <cursor>, ScanIndexForward=false, filters on the rest
 * Facets: ALL · PREF#<code> · MUNI#<code> · SKILL#<tag> · TERM#<term> (keyword index, see shared/search/terms.ts)
 */
export type ListingFacet = `ALL` | `PREF#${string}` | `MUNI#${string}` | `SKILL#${string}` | `TERM#${string}`;

export type ListingEntry = {
  PK: `LIST#${ListingFacet}`;
  SK: string;
  type: 'Listing';
  projectId: string;
  prefectureCode: string;
  municipalityCode: string;
  skills: string[];
  monthlyFeeJpy: number;
  hoursPerMonth: number;
  remote: string;
  shortTime: boolean;
  text: string;
};

export const listingKeys = {
  partition: (facet: ListingFacet) => `LIST#${facet}` as const,
  /** Newest first by publication; the id keeps two projects published in the same millisecond apart. */
  sort: (publishedAt: string, projectId: string) => `${publishedAt}#${projectId}`,
};

/** Every facet an open project is listed under. */
export function facetsOf(
  project: Pick<Project, 'prefectureCode' | 'municipalityCode' | 'skills' | 'title' | 'summary'>,
): ListingFacet[] {
  return [
    'ALL',
    `PREF#${project.prefectureCode}`,
    `MUNI#${project.municipalityCode}`,
    ...project.skills.map((s) => `SKILL#${s}` as const),
    ...projectTerms(project).map((t) => `TERM#${t}` as const),
  ];
}

export function listingEntries(project: Project): ListingEntry[] {
  if (project.status !== 'open' || !project.publishedAt) return [];
  const shared = {
    type: 'Listing' as const,
    SK: listingKeys.sort(project.publishedAt, project.id),
    projectId: project.id,
    prefectureCode: project.prefectureCode,
    municipalityCode: project.municipalityCode,
    skills: project.skills,
    monthlyFeeJpy: project.monthlyFeeJpy,
    hoursPerMonth: project.hoursPerMonth,
    remote: project.remote,
    shortTime: project.shortTime,
    text: searchText(project),
  };
  return facetsOf(project).map((facet) => ({ ...shared, PK: listingKeys.partition(facet) }));
}
