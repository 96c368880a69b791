import { roleApi } from '#shared/http/role-api.ts';
import { myRecommendations } from '#shared/recommendations/my-recommendations.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myRecommendations, async ({ profile, query }) => ({
  json: await myRecommendations(profile, query),
}));
