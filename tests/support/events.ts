import { randomUUID } from 'node:crypto';
import { call, cloud } from './api.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant `ms` from now, written as people in Japan write it: ISO 8601 with +09:00. */
export function jst(msFromNow: number): string {
  const t = new Date(Date.now() + msFromNow + 9 * HOUR);
  return `${t.toISOString().slice(0, 19)}+09:00`;
}
export const hours = (n: number) => n * HOUR;
export const days = (n: number) => n * DAY;

/** An event body the API accepts (a free first-come seminar in 湯梨浜町, Tottori, in ten days). */
export function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'seminar',
    title: `関係人口セミナー ${randomUUID().slice(0, 6)}`,
    description: '湯梨浜町で副業人材と地域企業が出会うハイブリッドセミナーです。',
    municipalityCode: '31370',
    venueName: '湯梨浜町中央公民館',
    startsAt: jst(days(10)),
    endsAt: jst(days(10) + hours(3)),
    signupDeadline: jst(days(9)),
    venueCapacity: 2,
    onlineCapacity: 0,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    ...overrides,
  };
}

/** Creates and publishes an event as staff; returns it. */
export async function publishedEvent(staffToken: string, overrides: Record<string, unknown> = {}) {
  const created = await call('POST', '/v1/events', { token: staffToken, json: eventBody(overrides) });
  if (created.status !== 201)
    throw new Error(`create event: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await call('POST', `/v1/events/${created.body.id}/publish`, { token: staffToken });
  if (published.status !== 200)
    throw new Error(`publish event: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

/** Signs a person up. */
export const signUp = (
  token: string,
  eventId: string,
  json: Record<string, unknown> = { attendance: 'venue' },
) => call('POST', `/v1/events/${eventId}/registrations`, { token, json });

/** Runs the events job as the scheduler would at `time` (the clock the tests control). */
export async function advanceEvents(time: Date | string) {
  const res = await fetch(`${cloud().url}/_local/schedules/advance-events/run`, {
    method: 'POST',
    body: JSON.stringify({ time: new Date(time).toISOString() }),
  });
  return ((await res.json()) as { result: Record<string, number> }).result;
}

/** My registration of the event, as GET /v1/me/registrations shows it. */
export async function myRegistration(token: string, eventId: string) {
  const mine = await call('GET', '/v1/me/registrations?limit=100', { token });
  return (mine.body.items as { eventId: string }[]).find((r) => r.eventId === eventId) as any;
}
