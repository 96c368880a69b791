import * as z from 'zod';
import { regionCode } from '../domain/fields.ts';
import { ROLES } from '../domain/roles.ts';
import { ProjectOut } from '../projects/contract.ts';
import { AUDIT_ACTIONS, AUDIT_TARGETS } from './rules.ts';

/** What the operator's routes take and answer. */
export const InvitationInput = z.strictObject({ email: z.email().max(254), regionCode });
export const InvitationOut = z.object({ email: z.string(), regionCode: z.string(), expiresAt: z.string() });
export const SettingsOut = z.object({
  platformFeePercent: z.number(),
  invoiceRegistrationNumber: z.string().nullable(),
  withholdingWorkTypes: z.array(z.string()),
  updatedAt: z.string().optional(),
});
export type SettingsOut = z.output<typeof SettingsOut>;

/**
 * Region staff and the invitations not taken up yet (`GET /v1/admin/region-staff`), a page of each at a time:
 * `nextCursor` goes on in both lists (null once both are read to their end).
 */
export const StaffMemberOut = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string().optional(),
  regionCode: z.string(),
  suspended: z.boolean(),
  createdAt: z.string(),
});
export const PendingInvitationOut = InvitationOut.extend({ invitedBy: z.string(), invitedAt: z.string() });
export const RegionStaffOut = z.object({
  staff: z.array(StaffMemberOut),
  invitations: z.array(PendingInvitationOut),
  nextCursor: z.string().nullable(),
});
export type RegionStaffOut = z.output<typeof RegionStaffOut>;
export const RevokedOut = z.object({ email: z.string(), revokedAt: z.string() });

/** A hidden or unhidden posting, as its firm and the operators see it. */
export const HiddenProjectsPage = z.object({ items: z.array(ProjectOut), nextCursor: z.string().nullable() });

/** An account as the operators look it up, with its suspension. */
export const AccountOut = z.object({
  userId: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  email: z.string().optional(),
  organizationName: z.string().optional(),
  regionCode: z.string().optional(),
  createdAt: z.string(),
  suspended: z.boolean(),
  suspendedAt: z.string().optional(),
  suspendedReason: z.string().optional(),
  /** A firm's projects that are open and visible, and those hidden (by an operator or with a suspension). */
  openProjects: z.number().int().optional(),
  hiddenProjects: z.number().int().optional(),
});
export type AccountOut = z.output<typeof AccountOut>;
/** The answer to suspending or restoring: the account, and how many of its projects were hidden or shown again. */
export const SuspensionOut = AccountOut.extend({ projectsChanged: z.number().int() });

/** One entry of the audit trail: who did what to what, when and why. */
export const AuditEntryOut = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  operatorId: z.string(),
  operatorName: z.string(),
  target: z.object({ kind: z.enum(AUDIT_TARGETS), id: z.string(), label: z.string().optional() }),
  reason: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type AuditEntryOut = z.output<typeof AuditEntryOut>;
export const AuditPage = z.object({ items: z.array(AuditEntryOut), nextCursor: z.string().nullable() });

/** The platform's fee income of a year, month by month (tax included in the fee; the tax shown apart). */
const FeeFigures = z.object({
  platformFeeJpy: z.number().int(),
  feeTaxJpy: z.number().int(),
  grossJpy: z.number().int(),
  paidRows: z.number().int(),
});
export const FeeIncomeOut = z.object({
  year: z.number().int(),
  months: z.array(FeeFigures.extend({ month: z.string() })),
  totals: FeeFigures,
});
export type FeeIncomeOut = z.output<typeof FeeIncomeOut>;
