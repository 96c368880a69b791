import { myEngagements } from '#shared/engagements/my-engagements.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myEngagements, async ({ profile, query }) => ({
  json: await myEngagements(profile.userId, profile.role === 'firm' ? 'firm' : 'professional', query),
}));
