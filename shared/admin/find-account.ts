import { users } from '../accounts/user.entity.ts';
import { NotFoundError } from '../domain/errors.ts';
import { projects } from '../projects/project.entity.ts';
import { accountView } from './account-view.ts';
import type { AccountOut } from './contract.ts';

/**
 * An operator looks an account up, by e-mail address (the e-mail index) or by user id.
 * 1. Read the profile; none is a 404. 2. A firm's: count its projects, open and hidden.
 */
export async function findAccount(query: {
  email?: string | undefined;
  id?: string | undefined;
}): Promise<AccountOut> {
  const user = query.email ? await users.byEmail(query.email) : await users.get(query.id as string);
  if (!user) throw new NotFoundError('No account has this e-mail address or id.');
  return accountView(user, user.role === 'firm' ? await projects.byFirm(user.userId) : undefined);
}
