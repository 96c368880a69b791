import { users } from '../accounts/user.entity.ts';
import type { RegionStaffOut } from './contract.ts';
import { invitations } from './invitation.entity.ts';

/**
 * Every region's staff, and the invitations still open (`GET /v1/admin/region-staff`).
 * 1. Query the staff index (GSI2 `STAFF`, by region) and the pending invitations (GSI1, by expiry, from now):
 *    two Queries, no Scan.
 */
export async function regionStaff(at = new Date()): Promise<RegionStaffOut> {
  const [staff, pending] = await Promise.all([users.allStaff(), invitations.pending(at.toISOString())]);
  return {
    staff: staff.map((s) => ({
      userId: s.userId,
      displayName: s.displayName,
      ...(s.email ? { email: s.email } : {}),
      regionCode: s.regionCode ?? '',
      suspended: s.suspended === true,
      createdAt: s.createdAt,
    })),
    invitations: pending.map((i) => ({
      email: i.email,
      regionCode: i.regionCode,
      expiresAt: i.expiresAt,
      invitedBy: i.invitedBy,
      invitedAt: i.createdAt,
    })),
  };
}
