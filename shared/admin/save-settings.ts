import type { PlatformSettings, PlatformSettingsInput } from './rules.ts';
import { platformSettings } from './settings.entity.ts';

/** The operator changes the platform's settings; the fee applies to engagements accepted from now on. */
export async function saveSettings(
  input: PlatformSettingsInput,
  operatorId: string,
): Promise<PlatformSettings> {
  const settings: PlatformSettings = {
    platformFeePercent: input.platformFeePercent,
    invoiceRegistrationNumber: input.invoiceRegistrationNumber ?? null,
    withholdingWorkTypes: input.withholdingWorkTypes,
    updatedAt: new Date().toISOString(),
  };
  await platformSettings.put(settings, operatorId);
  return settings;
}
