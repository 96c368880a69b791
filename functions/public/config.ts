import { config } from '#shared/config.ts';
import { api } from '#shared/http/api.ts';
import * as routes from './routes.ts';

export const handler = api(routes.webConfig, async () => {
  const c = config();
  return {
    json: {
      auth: {
        region: c.AWS_REGION,
        userPoolId: c.USER_POOL_ID,
        clientId: c.USER_POOL_CLIENT_ID,
        ...(c.COGNITO_ENDPOINT ? { endpoint: c.COGNITO_ENDPOINT } : {}),
      },
      stripe: { publishableKey: c.STRIPE_PUBLISHABLE_KEY, local: c.STRIPE_API_BASE !== undefined },
    },
    headers: { 'cache-control': 'public, max-age=60' },
  };
});
