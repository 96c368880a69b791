import { openApiDocument } from '../http/openapi.ts';
import type { RouteDescription } from '../http/route.ts';

/**
 * This API's OpenAPI document, from its route lines (functions/routes.ts): what `GET /v1/openapi.json` answers.
 * The Lambda bundle of that function carries it as text, made by this same function when it is bundled
 * (infra/bundling.ts); run from source, the handler makes it on its first request.
 */
export const apiDocument = (routes: Readonly<Record<string, RouteDescription>>) =>
  openApiDocument(routes, { title: 'Kakehashi API', version: '1' });
