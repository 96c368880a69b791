import { logger } from '#shared/logger.ts';
import { rebuildMetrics } from '#shared/metrics/rebuild.ts';
import { FIGURES_DIFFER } from '#shared/metrics/rules.ts';

/**
 * A job (functions/schedules.ts): recomputes the relationship population from the source records and compares
 * it with what the stream kept (`{"regions": [...]}`: only those); `{"repair": true}` also replaces the kept figures
 * (pause the consumer first).
 * A difference is logged as FIGURES_DIFFER, which a metric filter counts and an alarm reports (functions/schedules.ts).
 */
export const handler = async (event: { repair?: boolean; regions?: string[] }) => {
  const result = await rebuildMetrics({
    repair: event?.repair === true,
    ...(Array.isArray(event?.regions) ? { regions: event.regions.map(String) } : {}),
  });
  if (result.differences && !result.repaired) logger.error(FIGURES_DIFFER, { ...result });
  else logger.info('relationship population rebuilt', { ...result });
  return result;
};
