import * as z from 'zod';
import { invoiceRegistrationNumber, skills } from '../domain/fields.ts';

/** What the operator sets for the whole marketplace. */
export const PlatformSettingsInput = z.strictObject({
  platformFeePercent: z
    .number()
    .min(0, 'The platform fee cannot be negative.')
    .max(50, 'The platform fee is at most 50 %.')
    .multipleOf(0.01, 'At most two decimals.'),
  /** The platform's own 適格請求書発行事業者登録番号, printed on what it issues for its fee. */
  invoiceRegistrationNumber: invoiceRegistrationNumber.nullable().optional(),
  /** Work types (skill tags) whose payments are subject to 源泉徴収, e.g. design or writing. */
  withholdingWorkTypes: skills.default([]),
});
export type PlatformSettingsInput = z.output<typeof PlatformSettingsInput>;

export type PlatformSettings = {
  platformFeePercent: number;
  invoiceRegistrationNumber: string | null;
  withholdingWorkTypes: string[];
  updatedAt?: string;
};

export const DEFAULT_SETTINGS: PlatformSettings = {
  platformFeePercent: 10,
  invoiceRegistrationNumber: null,
  withholdingWorkTypes: [],
};

export const PLATFORM_NAME = '架け橋 Kakehashi';
