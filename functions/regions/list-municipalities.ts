import { NotFoundError } from '#shared/domain/errors.ts';
import { municipalitiesOf, prefecture } from '#shared/regions/index.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/regions/prefectures/{code}/municipalities', async ({ params }) => {
  const found = prefecture(params.code);
  if (!found) throw new NotFoundError(`No prefecture has the code ${params.code}.`);
  return {
    json: { prefecture: found, items: municipalitiesOf(params.code) ?? [] },
    headers: { 'cache-control': 'public, max-age=86400' },
  };
});
