import { type User, users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { cancellationReasons } from '../data/transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { projects } from '../projects/project.entity.ts';
import { accountView } from './account-view.ts';
import { audit } from './audit.entity.ts';
import type { AccountOut } from './contract.ts';
import { setHidden } from './hide-project.ts';
import { adminMails } from './mails.ts';
import { SUSPENSION_REASON, suspensionRefusal } from './rules.ts';

type Operator = Pick<User, 'userId' | 'displayName'>;

/** Why the projects a suspension hid are shown again, in the trail. */
const RESTORATION_REASON = 'account restored';

/**
 * An operator suspends an account, or restores it.
 * 1. Read it (404 if none). Never one's own account, never an operator's (409).
 * 2. One transaction: the account's `suspended` (who, when, why) or its removal, and the audit entry. From
 *    then on every request of the account is refused with 403 `account_suspended` (shared/http/caller.ts).
 *    Suspending a suspended account (or restoring a restored one) writes nothing new.
 * 3. A firm's projects: suspending hides each open one (reason "account suspended"), restoring shows again
 *    those hidden for that reason only, each in its own transaction with its audit entry. Engagements are
 *    not touched: Stripe keeps charging and paying, and its webhooks still apply.
 * 4. Mail the person, with the reason.
 */
export async function changeSuspension(
  operator: Operator,
  userId: string,
  suspend: boolean,
  reason: string,
  at = new Date(),
): Promise<AccountOut & { projectsChanged: number }> {
  const when = at.toISOString();
  const user = await users.get(userId);
  if (!user) throw new NotFoundError('No such account.');
  const refusal = suspensionRefusal(user, operator.userId);
  if (suspend && refusal === 'self')
    throw new ConflictError('You cannot suspend your own account.', 'cannot_suspend_self');
  if (suspend && refusal === 'operator')
    throw new ConflictError('An operator’s account cannot be suspended.', 'cannot_suspend_operator');

  let changed = false;
  if (Boolean(user.suspended) !== suspend) {
    try {
      await audit.record(
        audit.entry({
          at: when,
          action: suspend ? 'suspend_user' : 'restore_user',
          operatorId: operator.userId,
          operatorName: operator.displayName,
          target: { kind: 'user', id: user.userId, label: user.email ?? user.displayName },
          reason,
          details: { role: user.role },
        }),
        suspend
          ? users.suspension(user.userId, { at: when, by: operator.userId, reason })
          : users.restoration(user.userId),
      );
      changed = true;
    } catch (error) {
      // Suspended or restored by another operator at the same moment: the account is as asked.
      if (cancellationReasons(error)[0] !== 'ConditionalCheckFailed') throw error;
    }
  }

  let projectsChanged = 0;
  const firmProjects = user.role === 'firm' ? await projects.byFirm(user.userId) : undefined;
  const projectsAfter = [];
  for (const project of firmProjects ?? []) {
    const due = suspend
      ? project.status === 'open' && !project.hidden
      : project.hidden && project.hiddenReason === SUSPENSION_REASON;
    const done = due
      ? await setHidden(
          operator,
          project,
          suspend
            ? { hide: true, reason: SUSPENSION_REASON, at: when }
            : { hide: false, reason: RESTORATION_REASON, at: when, onlyIfReason: SUSPENSION_REASON },
        )
      : undefined;
    if (done) projectsChanged++;
    projectsAfter.push(done ?? project);
  }

  if (changed)
    await sendMailQuietly(
      user.email,
      suspend
        ? adminMails.accountSuspended({ reason, hiddenProjects: projectsChanged })
        : adminMails.accountRestored({ reason, appUrl: config().WEB_ORIGIN }),
    );
  const after = changed ? withSuspension(user, suspend, { at: when, by: operator.userId, reason }) : user;
  return { ...accountView(after, firmProjects && projectsAfter), projectsChanged };
}

/** The account as the transaction left it. */
function withSuspension(user: User, suspend: boolean, s: { at: string; by: string; reason: string }): User {
  const { suspended, suspendedAt, suspendedBy, suspendedReason, ...rest } = user;
  return suspend
    ? { ...rest, suspended: true, suspendedAt: s.at, suspendedBy: s.by, suspendedReason: s.reason }
    : rest;
}
