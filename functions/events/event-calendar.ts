import { eventCalendar } from '#shared/events/calendar.ts';
import { api } from '#shared/http/api.ts';
import * as routes from './routes.ts';

export const handler = api(routes.eventCalendar, async ({ params }) => ({
  text: await eventCalendar(params.id),
  contentType: 'text/calendar; charset=utf-8',
  headers: { 'content-disposition': `attachment; filename="kakehashi-event-${params.id}.ics"` },
}));
