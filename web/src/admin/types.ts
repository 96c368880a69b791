/** What the operators' API returns: the shared contract (shared/admin/contract.ts), imported rather than copied. */
import type * as z from 'zod';
import type {
  AccountOut,
  AuditEntryOut,
  AuditPage,
  FeeIncomeOut,
  HiddenProjectsPage,
  RegionStaffOut,
  RevokedOut,
  SuspensionOut,
} from '#shared/admin/contract.ts';

export type { AuditAction } from '#shared/admin/rules.ts';
export { AUDIT_ACTIONS, REASON_MAX, ReasonInput } from '#shared/admin/rules.ts';

export type RegionStaff = z.output<typeof RegionStaffOut>;
export type Revoked = z.output<typeof RevokedOut>;
export type Account = z.output<typeof AccountOut>;
export type Suspension = z.output<typeof SuspensionOut>;
export type AuditEntry = z.output<typeof AuditEntryOut>;
export type AuditTrailPage = z.output<typeof AuditPage>;
export type HiddenPage = z.output<typeof HiddenProjectsPage>;
export type FeeIncome = z.output<typeof FeeIncomeOut>;
