/** Who a user is in the marketplace. Professionals and firms choose; staff and operators are invited. */
export const ROLES = ['professional', 'firm', 'region_staff', 'operator'] as const;
export type Role = (typeof ROLES)[number];
