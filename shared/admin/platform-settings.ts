import type { PlatformSettings } from './rules.ts';
import { platformSettings } from './settings.entity.ts';

/** The platform's settings as they stand (the defaults until an operator sets them). */
export const currentSettings = (): Promise<PlatformSettings> => platformSettings.get();
