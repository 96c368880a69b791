import {
  allEventRegistrations,
  eventRegistrations,
  registrationsCsv,
} from '#shared/events/event-registrations.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.eventRegistrations, async ({ profile, params, query }) => {
  if (query.format !== 'csv') return { json: await eventRegistrations(profile, params.id, query) };
  return {
    text: registrationsCsv(await allEventRegistrations(profile, params.id)),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'content-disposition': `attachment; filename="kakehashi-registrations-${params.id}.csv"` },
  };
});
