import * as z from 'zod';
import { regionCode } from '../domain/fields.ts';

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
