import { createEvent, type EventAttributes } from 'ics';
import { config } from '../config.ts';
import { NotFoundError } from '../domain/errors.ts';
import { municipality, prefecture } from '../regions/index.ts';
import { visibleEvent } from './access.ts';
import type { KakehashiEvent } from './event.entity.ts';
import { registrations } from './registration.entity.ts';
import { japanTime } from './rules.ts';

/**
 * An event as iCalendar (RFC 5545) with the `ics` package: a UID that stays the same for the event, times as
 * UTC instants (the `ics` package writes no TZID; an instant is unambiguous and calendars show it in the
 * reader's zone), the Japan time in words at the top of the description, and the place.
 */
function ics(e: KakehashiEvent, extra: { description?: string; uidSuffix?: string } = {}): string {
  const m = municipality(e.municipalityCode);
  const p = prefecture(e.prefectureCode);
  const web = config().WEB_ORIGIN;
  const attrs: EventAttributes = {
    uid: `event-${e.id}${extra.uidSuffix ?? ''}@kakehashi.jp`,
    title: e.title,
    description: [
      `${japanTime(e.startsAt, 'ja')} / ${japanTime(e.startsAt, 'en')}`,
      extra.description,
      e.description,
      `${web}/events/${e.id}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: [e.venueName, `${p?.name ?? ''}${m?.name ?? ''}`].filter(Boolean).join(', '),
    url: `${web}/events/${e.id}`,
    start: Date.parse(e.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(e.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'kakehashi/events',
    calName: '架け橋 Kakehashi',
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}

export async function eventCalendar(eventId: string): Promise<string> {
  return ics(await visibleEvent(eventId));
}

/** My registration's calendar entry, with my check-in code. */
export async function registrationCalendar(userId: string, eventId: string): Promise<string> {
  const [event, r] = await Promise.all([visibleEvent(eventId), registrations.get(eventId, userId)]);
  if (!r || r.status === 'cancelled' || r.status === 'expired')
    throw new NotFoundError('You are not signed up for this event.');
  const how = r.attendance === 'venue' ? '会場参加 / at the venue' : 'オンライン参加 / online';
  const code = r.code ? `\n受付コード / Check-in code: ${r.code}` : '';
  return ics(event, { description: `${how}${code}`, uidSuffix: `-${r.id}` });
}
