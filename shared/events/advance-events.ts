import { users } from '../accounts/user.entity.ts';
import { drawLottery } from './draw-lottery.ts';
import { events } from './event.entity.ts';
import { expireHold, expireOffer } from './expire.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { registrations } from './registration.entity.ts';
import { type Timer, type TimerKind, timers } from './timer.entity.ts';

export type Advanced = Record<'drawn' | 'offersExpired' | 'holdsExpired' | 'reminded' | 'noShows', number>;

/**
 * The scheduled job: everything about events that falls due by `at` (the schedule's time, which tests set).
 * Each due timer's work is idempotent and the timer is removed once it is done; a failure leaves the timer
 * for the next run.
 */
export async function advanceEvents(at: Date): Promise<Advanced> {
  const out: Advanced = { drawn: 0, offersExpired: 0, holdsExpired: 0, reminded: 0, noShows: 0 };
  const run = async (kind: TimerKind, work: (t: Timer) => Promise<number>) => {
    for (const t of await timers.due(kind, at)) {
      await work(t);
      await timers.done(t);
    }
  };
  await run('draw', async (t) => (out.drawn += (await drawLottery(t.ref, at)) > 0 ? 1 : 0));
  await run(
    'offer',
    async (t) => (out.offersExpired += (await forRegistration(t, (e, r) => expireOffer(e, r, at))) ? 1 : 0),
  );
  await run(
    'hold',
    async (t) => (out.holdsExpired += (await forRegistration(t, (e, r) => expireHold(e, r, at))) ? 1 : 0),
  );
  await run('reminder', async (t) => (out.reminded += await remind(t.ref, at)));
  await run('no_show', async (t) => (out.noShows += await markNoShows(t.ref, at)));
  return out;
}

async function forRegistration(
  t: Timer,
  work: (
    event: NonNullable<Awaited<ReturnType<typeof events.get>>>,
    r: NonNullable<Awaited<ReturnType<typeof registrations.get>>>,
  ) => Promise<boolean>,
) {
  const [eventId, userId] = t.ref.split('#') as [string, string];
  const [event, r] = await Promise.all([events.get(eventId), registrations.get(eventId, userId)]);
  return event && r ? work(event, r) : false;
}

/** Two days before: everyone with a seat is reminded, once. */
async function remind(eventId: string, at: Date): Promise<number> {
  const event = await events.get(eventId);
  if (event?.status !== 'published') return 0;
  const seated = (await registrations.ofEvent(eventId)).filter(
    (r) => r.status === 'confirmed' && !r.remindedAt,
  );
  const people = await users.byIds(seated.map((r) => r.userId));
  let n = 0;
  for (const r of seated) {
    if (!(await registrations.markReminded(r, at.toISOString()))) continue;
    n++;
    await notify(
      r.userId,
      event,
      (a) =>
        eventMails.reminder({
          ...a,
          attendance: r.attendance,
          ...(event.venueName ? { venueName: event.venueName } : {}),
          ...(r.code ? { code: r.code } : {}),
        }),
      people.get(r.userId)?.email,
    );
  }
  return n;
}

/** After the end: a confirmed seat never checked in is a no-show. */
async function markNoShows(eventId: string, at: Date): Promise<number> {
  const event = await events.get(eventId);
  if (event?.status !== 'published' || Date.parse(event.endsAt) > at.getTime()) return 0;
  let n = 0;
  for (const r of await registrations.ofEvent(eventId))
    if (r.status === 'confirmed' && !r.checkedInAt && (await registrations.markNoShow(r, at.toISOString())))
      n++;
  return n;
}
