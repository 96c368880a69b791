import { useQuery } from '@tanstack/react-query';
import type { MetricsTable, RelationshipPopulationOut } from '#shared/metrics/contract.ts';
import { ApiError, api, apiFile } from '../api.ts';
import { saveBlob } from '../events/download.ts';
import type { Period } from './period.ts';

export type Figures = RelationshipPopulationOut;

const path = (regionCode: string, p: Period, extra = '') =>
  `/v1/regions/${encodeURIComponent(regionCode)}/relationship-population?from=${p.from}&to=${p.to}${extra}`;

/** `GET /v1/regions/{code}/relationship-population` for a period; nothing is asked while `enabled` is false. */
export function useRelationshipPopulation(regionCode: string | undefined, period: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['relationship-population', regionCode, period.from, period.to],
    enabled: enabled && Boolean(regionCode),
    queryFn: () => api<Figures>('GET', path(regionCode as string, period)),
    // A refusal (403, 400) is an answer, not a failure to retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** One table of the page as the API writes it (CSV with a BOM, "X" for hidden cells), saved as a file. */
export async function downloadTable(regionCode: string, period: Period, table: MetricsTable): Promise<void> {
  const blob = await apiFile(path(regionCode, period, `&format=csv&table=${table}`), 'text/csv');
  saveBlob(blob, `kakehashi-${regionCode}-${table}-${period.from}-${period.to}.csv`);
}
