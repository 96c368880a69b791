import { users } from '../accounts/user.entity.ts';
import { decodeCursor, encodeCursor } from '../data/cursor.ts';
import type { Page, PageRequest } from '../data/query.ts';
import * as z from '../zod-mini.ts';
import type { RegionStaffOut } from './contract.ts';
import { invitations } from './invitation.entity.ts';

/**
 * Where the next page goes on in each of the two lists: that list's own cursor, or null once it is read to its
 * end. One opaque cursor for both, so the console asks for "more" once and gets the next page of each.
 */
const Positions = /* @__PURE__ */ z.pure(() =>
  z
    .strictObject({
      staff: z.nullable(z.string().check(z.minLength(1), z.maxLength(900))),
      invitations: z.nullable(z.string().check(z.minLength(1), z.maxLength(900))),
    })
    .check(z.refine((p) => p.staff !== null || p.invitations !== null)),
);
const LIST = 'list of region staff';
const done = <T>(): Promise<Page<T>> => Promise.resolve({ items: [], nextCursor: null });

/**
 * Every region's staff, and the invitations still open (`GET /v1/admin/region-staff`), a page of each at a time:
 * at most `limit` staff (GSI2 `STAFF`, by region) and at most `limit` invitations (GSI1, by expiry, from now),
 * two Queries, no Scan. A list read to its end comes back empty on the later pages.
 */
export async function regionStaff(page: PageRequest, at = new Date()): Promise<RegionStaffOut> {
  const from = page.cursor
    ? decodeCursor(page.cursor, Positions, () => true, LIST)
    : { staff: undefined, invitations: undefined };
  const [staff, pending] = await Promise.all([
    from.staff === null ? done<never>() : users.staffPage({ limit: page.limit, cursor: from.staff }),
    from.invitations === null
      ? done<never>()
      : invitations.pendingPage(at.toISOString(), { limit: page.limit, cursor: from.invitations }),
  ]);
  return {
    staff: staff.items.map((s) => ({
      userId: s.userId,
      displayName: s.displayName,
      ...(s.email ? { email: s.email } : {}),
      regionCode: s.regionCode ?? '',
      suspended: s.suspended === true,
      createdAt: s.createdAt,
    })),
    invitations: pending.items.map((i) => ({
      email: i.email,
      regionCode: i.regionCode,
      expiresAt: i.expiresAt,
      invitedBy: i.invitedBy,
      invitedAt: i.createdAt,
    })),
    nextCursor:
      staff.nextCursor || pending.nextCursor
        ? encodeCursor({ staff: staff.nextCursor, invitations: pending.nextCursor })
        : null,
  };
}
