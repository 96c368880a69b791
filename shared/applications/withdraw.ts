import { now } from '../data/entity.ts';
import { ConflictError } from '../domain/errors.ts';
import { type Application, applications } from './application.entity.ts';
import { applicationOf } from './application-access.ts';
import { withdraw } from './rules.ts';

/** The applicant withdraws while the firm has not decided. */
export async function withdrawApplication(professionalId: string, id: string): Promise<Application> {
  const read = await applicationOf(id, (a) => a.professionalId === professionalId);
  const step = withdraw(read.status);
  if (!step.ok) throw new ConflictError(step.reason, 'not_withdrawable');
  if (!step.changed) return read;
  try {
    return await applications.move(read, 'withdrawn', now());
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw new ConflictError('The firm decided at the same time. Reload to see its decision.');
    }
    throw error;
  }
}
