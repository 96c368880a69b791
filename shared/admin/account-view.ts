import type { User } from '../accounts/user.entity.ts';
import type { Project } from '../projects/rules.ts';
import type { AccountOut } from './contract.ts';

/** An account as the operators see it: who it is, whether it is suspended, and a firm's projects by visibility. */
export function accountView(user: User, firmProjects?: readonly Project[]): AccountOut {
  const org = 'organizationName' in user ? (user.organizationName as string | undefined) : undefined;
  return {
    userId: user.userId,
    role: user.role,
    displayName: user.displayName,
    ...(user.email ? { email: user.email } : {}),
    ...(org ? { organizationName: org } : {}),
    ...(user.regionCode ? { regionCode: user.regionCode } : {}),
    createdAt: user.createdAt,
    suspended: user.suspended === true,
    ...(user.suspendedAt ? { suspendedAt: user.suspendedAt } : {}),
    ...(user.suspendedReason ? { suspendedReason: user.suspendedReason } : {}),
    ...(firmProjects
      ? {
          openProjects: firmProjects.filter((p) => p.status === 'open' && !p.hidden).length,
          hiddenProjects: firmProjects.filter((p) => p.hidden).length,
        }
      : {}),
  };
}
