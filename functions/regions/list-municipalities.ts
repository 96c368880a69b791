import { NotFoundError } from '#shared/domain/errors.ts';
import { api } from '#shared/http/api.ts';
import { municipalitiesOf, prefecture } from '#shared/regions/index.ts';
import * as routes from './routes.ts';

export const handler = api(routes.listMunicipalities, async ({ params }) => {
  const found = prefecture(params.code);
  if (!found) throw new NotFoundError(`No prefecture has the code ${params.code}.`);
  return {
    json: { prefecture: found, items: municipalitiesOf(params.code) ?? [] },
    headers: { 'cache-control': 'public, max-age=86400' },
  };
});
