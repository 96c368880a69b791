import { regionCode } from '../domain/fields.ts';
import { ROLES } from '../domain/roles.ts';
import { ProjectOut } from '../projects/contract.ts';
import * as z from '../zod-mini.ts';
import { AUDIT_ACTIONS, AUDIT_TARGETS } from './rules.ts';

/** What the operator's routes take and answer. */
export const InvitationInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({ email: z.email().check(z.maxLength(254)), regionCode }),
);
export const InvitationOut = /* @__PURE__ */ z.pure(() =>
  z.object({ email: z.string(), regionCode: z.string(), expiresAt: z.string() }),
);
export const SettingsOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    platformFeePercent: z.number(),
    invoiceRegistrationNumber: z.nullable(z.string()),
    withholdingWorkTypes: z.array(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);
export type SettingsOut = z.output<typeof SettingsOut>;

/**
 * Region staff and the invitations not taken up yet (`GET /v1/admin/region-staff`), a page of each at a time:
 * `nextCursor` goes on in both lists (null once both are read to their end).
 */
export const StaffMemberOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    userId: z.string(),
    displayName: z.string(),
    email: z.optional(z.string()),
    regionCode: z.string(),
    suspended: z.boolean(),
    createdAt: z.string(),
  }),
);
export const PendingInvitationOut = /* @__PURE__ */ z.pure(() =>
  z.extend(InvitationOut, { invitedBy: z.string(), invitedAt: z.string() }),
);
export const RegionStaffOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    staff: z.array(StaffMemberOut),
    invitations: z.array(PendingInvitationOut),
    nextCursor: z.nullable(z.string()),
  }),
);
export type RegionStaffOut = z.output<typeof RegionStaffOut>;
export const RevokedOut = /* @__PURE__ */ z.pure(() =>
  z.object({ email: z.string(), revokedAt: z.string() }),
);

/** A hidden or unhidden posting, as its firm and the operators see it. */
export const HiddenProjectsPage = /* @__PURE__ */ z.pure(() =>
  z.object({
    items: z.array(ProjectOut),
    nextCursor: z.nullable(z.string()),
  }),
);

/** An account as the operators look it up, with its suspension. */
export const AccountOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    userId: z.string(),
    role: z.enum(ROLES),
    displayName: z.string(),
    email: z.optional(z.string()),
    organizationName: z.optional(z.string()),
    regionCode: z.optional(z.string()),
    createdAt: z.string(),
    suspended: z.boolean(),
    suspendedAt: z.optional(z.string()),
    suspendedReason: z.optional(z.string()),
    /** A firm's projects that are open and visible, and those hidden (by an operator or with a suspension). */
    openProjects: z.optional(z.number().check(z.int())),
    hiddenProjects: z.optional(z.number().check(z.int())),
  }),
);
export type AccountOut = z.output<typeof AccountOut>;
/** The answer to suspending or restoring: the account, and how many of its projects were hidden or shown again. */
export const SuspensionOut = /* @__PURE__ */ z.pure(() =>
  z.extend(AccountOut, { projectsChanged: z.number().check(z.int()) }),
);

/** One entry of the audit trail: who did what to what, when and why. */
export const AuditEntryOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    operatorId: z.string(),
    operatorName: z.string(),
    target: z.object({ kind: z.enum(AUDIT_TARGETS), id: z.string(), label: z.optional(z.string()) }),
    reason: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  }),
);
export type AuditEntryOut = z.output<typeof AuditEntryOut>;
export const AuditPage = /* @__PURE__ */ z.pure(() =>
  z.object({ items: z.array(AuditEntryOut), nextCursor: z.nullable(z.string()) }),
);

/** The platform's fee income of a year, month by month (tax included in the fee; the tax shown apart). */
const FeeFigures = /* @__PURE__ */ z.pure(() =>
  z.object({
    platformFeeJpy: z.number().check(z.int()),
    feeTaxJpy: z.number().check(z.int()),
    grossJpy: z.number().check(z.int()),
    paidRows: z.number().check(z.int()),
  }),
);
export const FeeIncomeOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    year: z.number().check(z.int()),
    months: z.array(z.extend(FeeFigures, { month: z.string() })),
    totals: FeeFigures,
  }),
);
export type FeeIncomeOut = z.output<typeof FeeIncomeOut>;
