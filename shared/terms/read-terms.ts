import { NotFoundError } from '../domain/errors.ts';
import { partyEngagement } from '../engagements/access.ts';
import type { TermsDocumentOut } from './contract.ts';
import { termsDocument } from './document.ts';
import { termsVersions } from './terms.entity.ts';

/** `GET /v1/engagements/{id}/terms`: every version issued, and the current one in full. Its parties only. */
export async function engagementTerms(userId: string, engagementId: string) {
  await partyEngagement(userId, engagementId);
  const versions = await termsVersions.all(engagementId);
  const current = versions.at(-1);
  if (!current) throw new NotFoundError('This engagement has no terms on record.');
  return {
    versions: versions.map(({ version, reason, issuedAt }) => ({ version, reason, issuedAt })),
    current: termsDocument(current),
  };
}

/** `GET /v1/engagements/{id}/terms/{version}`: one version, as it was issued. */
export async function engagementTermsVersion(
  userId: string,
  engagementId: string,
  version: number,
): Promise<TermsDocumentOut> {
  await partyEngagement(userId, engagementId);
  const found = await termsVersions.version(engagementId, version);
  if (!found) throw new NotFoundError(`This engagement has no version ${version} of its terms.`);
  return termsDocument(found);
}
