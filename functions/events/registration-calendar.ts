import { registrationCalendar } from '#shared/events/calendar.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.registrationCalendar, async ({ profile, params }) => ({
  text: await registrationCalendar(profile.userId, params.id),
  contentType: 'text/calendar; charset=utf-8',
  headers: { 'content-disposition': `attachment; filename="kakehashi-registration-${params.id}.ics"` },
}));
