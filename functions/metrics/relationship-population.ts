import { roleApi } from '#shared/http/role-api.ts';
import { figuresCsv } from '#shared/metrics/csv.ts';
import { relationshipPopulation } from '#shared/metrics/relationship-population.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.relationshipPopulation, async ({ profile, params, query }) => {
  const figures = await relationshipPopulation(profile, params.code, query);
  if (query.format !== 'csv' || !query.table) return { json: figures };
  return {
    text: figuresCsv(figures, query.table),
    contentType: 'text/csv; charset=utf-8',
    headers: {
      'content-disposition': `attachment; filename="kakehashi-${params.code}-${query.table}-${figures.from}-${figures.to}.csv"`,
    },
  };
});
