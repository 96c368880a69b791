import { now } from '../data/entity.ts';
import { cancellationReasons } from '../data/transaction.ts';
import { ConflictError } from '../domain/errors.ts';
import { type Application, applications } from './application.entity.ts';
import { applicationOf } from './application-access.ts';
import { withdraw } from './rules.ts';

/**
 * The applicant withdraws while the firm has not decided.
 * 1. Only their own application, only before a decision (withdrawing twice changes nothing).
 * 2. One transaction: withdrawn, the guard gone, the project's applicant count one lower; they may apply
 *    again later with a new application, and this one stays withdrawn in the history.
 */
export async function withdrawApplication(professionalId: string, id: string): Promise<Application> {
  const read = await applicationOf(id, (a) => a.professionalId === professionalId);
  const step = withdraw(read.status);
  if (!step.ok) throw new ConflictError(step.reason, 'not_withdrawable');
  if (!step.changed) return read;
  try {
    return await applications.withdraw(read, now());
  } catch (error) {
    if (
      (error as Error).name === 'TransactionCanceledException' &&
      cancellationReasons(error)[0] === 'ConditionalCheckFailed'
    ) {
      throw new ConflictError('The firm decided at the same time. Reload to see its decision.');
    }
    throw error;
  }
}
