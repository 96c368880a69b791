import { now } from '../data/entity.ts';
import { ConflictError, ValidationError } from '../domain/errors.ts';
import { ownProject } from './own-project.ts';
import { applyPatch, changedTerms, type Project, type ProjectPatch } from './rules.ts';
import { saveProject } from './save-project.ts';
import { refuseLateStart } from './start-month.ts';
import { tellApplicants } from './tell-applicants.ts';

/**
 * Edits a draft or an open project (an open one is re-listed by the stream consumer).
 * 1. Read it as its owner. 2. Apply the patch and check the whole. 3. Write if unchanged meanwhile; an open
 *    project whose fee, its tax, hours or remote style changed records when (`termsChangedAt`). 4. Then its
 *    applicants still in play are mailed the changes (12条).
 */
export async function editProject(firmId: string, id: string, patch: ProjectPatch): Promise<Project> {
  const read = await ownProject(firmId, id);
  const result = applyPatch(read, patch);
  if (!result.ok) {
    if (read.status === 'closed') throw new ConflictError(result.message, 'project_closed');
    const path = `body.${result.field ?? 'hoursPerMonth'}`;
    throw new ValidationError(result.message, [{ path, message: result.message }]);
  }
  const at = now();
  // Only a start month the patch sets (or whose duration it changes) is checked: an old one stays as it was.
  if (patch.startMonth || patch.durationMonths) refuseLateStart(result.project, at);
  const changes = read.status === 'open' ? changedTerms(read, result.project) : [];
  const saved = await saveProject(
    { ...result.project, updatedAt: at, ...(changes.length ? { termsChangedAt: at } : {}) },
    read,
  );
  await tellApplicants(saved, changes);
  return saved;
}
