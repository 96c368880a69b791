/**
 * What the payments API returns and accepts: the shared contract (shared/engagements,
 * shared/billing, shared/admin), imported rather than copied.
 */
import type * as z from 'zod';
import type { SettingsOut } from '#shared/admin/contract.ts';
import type { PlatformSettingsInput } from '#shared/admin/rules.ts';
import type { EarningsOut } from '#shared/billing/contract.ts';
import type { EngagementOut, InvoiceRowOut } from '#shared/engagements/contract.ts';
import type { EngagementAction as Action } from '#shared/engagements/rules.ts';

export type { PayoutStatus } from '#shared/billing/contract.ts';
export type { EngagementState } from '#shared/engagements/rules.ts';
export type { Share } from '#shared/teams/rules.ts';

export type Engagement = z.output<typeof EngagementOut>;
export type Invoice = z.output<typeof InvoiceRowOut>;
export type EngagementTeam = NonNullable<Engagement['team']>;
export type MemberShare = EngagementTeam['shares'][number];
export type InvoiceSplit = NonNullable<Invoice['split']>[number];
/** What the firm posts to `/v1/engagements/{id}/{action}` (checkout has a page of its own). */
export type EngagementAction = Exclude<Action, 'checkout'>;

export type Earnings = z.output<typeof EarningsOut>;
export type EarningsRow = Earnings['rows'][number];
export type Amounts = Earnings['totals'];

export type PlatformSettings = z.output<typeof SettingsOut>;
export type PlatformSettingsBody = z.output<typeof PlatformSettingsInput>;
