import { eventRegistrations, registrationsCsv } from '#shared/events/event-registrations.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.eventRegistrations, async ({ profile, params, query }) => {
  const items = await eventRegistrations(profile, params.id);
  if (query.format !== 'csv') return { json: { items } };
  return {
    text: registrationsCsv(items),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'content-disposition': `attachment; filename="kakehashi-registrations-${params.id}.csv"` },
  };
});
