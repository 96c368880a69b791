import type { User } from '../accounts/user.entity.ts';
import { audit } from './audit.entity.ts';
import type { PlatformSettings, PlatformSettingsInput } from './rules.ts';
import { platformSettings } from './settings.entity.ts';

/**
 * The operator changes the platform's settings; the fee applies to engagements accepted from now on.
 * One transaction: the settings and their entry in the audit trail (the new fee, as it was before).
 */
export async function saveSettings(
  input: PlatformSettingsInput,
  operator: Pick<User, 'userId' | 'displayName'>,
  at = new Date(),
): Promise<PlatformSettings> {
  const before = await platformSettings.get();
  const settings: PlatformSettings = {
    platformFeePercent: input.platformFeePercent,
    invoiceRegistrationNumber: input.invoiceRegistrationNumber ?? null,
    withholdingWorkTypes: input.withholdingWorkTypes,
    updatedAt: at.toISOString(),
  };
  const entry = audit.entry({
    at: settings.updatedAt as string,
    action: 'update_settings',
    operatorId: operator.userId,
    operatorName: operator.displayName,
    target: { kind: 'settings', id: 'platform' },
    details: {
      platformFeePercent: settings.platformFeePercent,
      previousFeePercent: before.platformFeePercent,
      invoiceRegistrationNumber: settings.invoiceRegistrationNumber,
      withholdingWorkTypes: settings.withholdingWorkTypes.join(', '),
    },
  });
  await audit.record(entry, platformSettings.putting(settings, operator.userId));
  return settings;
}
