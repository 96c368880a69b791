import { api } from '#shared/http/api.ts';
import { health } from '#shared/public/health.ts';
import * as routes from './routes.ts';

export const handler = api(routes.health, async () => ({ json: await health() }));
