import { beforeAll, describe, expect, it } from 'vitest';
import { call, cloud, everyPage, mailTo, newUser, signIn } from '../support/api.ts';
import {
  advanceEvents,
  days,
  eventBody,
  hours,
  jst,
  myRegistration,
  publishedEvent,
  signUp,
} from '../support/events.ts';
import { eventually } from '../support/eventually.ts';
import { localStripe } from '../support/payments.ts';

/**
 * Tours and seminars from sign-up to check-in, through the local gateway, with the local Stripe for paid
 * tickets. Later things (an offer running out, a hold not paid, the lottery at its deadline, reminders,
 * no-shows) happen when the scheduled job runs at a time the test chooses — nobody sleeps.
 */
type Person = { token: string; email: string };
let staff: string;

async function people(n: number, role: 'professional' | 'firm' = 'professional'): Promise<Person[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const u = await newUser('ev');
      const json =
        role === 'professional'
          ? { role, displayName: `参加者 ${i + 1}` }
          : {
              role,
              displayName: `担当 ${i + 1}`,
              organizationName: `湯梨浜商事 ${i + 1}`,
              municipalityCode: '31370',
            };
      await call('PUT', '/v1/me', { token: u.token, json });
      return u;
    }),
  );
}

/** In order, so the first come are first served. */
async function signUpAll(ps: Person[], eventId: string, json?: Record<string, unknown>) {
  const out = [];
  for (const p of ps) out.push(await signUp(p.token, eventId, json));
  return out;
}

const sessionOf = (url: string) => new URL(url).pathname.split('/').filter(Boolean).at(-1) as string;
const pay = (url: string) =>
  localStripe(`checkout_sessions/${sessionOf(url)}/complete`, { card: 'succeeds' });
const registrationsOf = async (eventId: string) =>
  (await everyPage(staff, `/v1/events/${eventId}/registrations`)).items;

beforeAll(async () => {
  staff = await signIn('staff@demo.kakehashi.jp');
});

describe('first come, with a waitlist and a claim window', () => {
  it('confirms the first seats with a code, waitlists the rest in order, and offers a freed seat to the first in line', async () => {
    const [a, b, c, d] = await people(4);
    const event = await publishedEvent(staff, { venueCapacity: 2 });
    const [ra, rb, rc, rd] = await signUpAll([a, b, c, d] as Person[], event.id);
    expect(ra?.status).toBe(201);
    expect(ra?.body).toMatchObject({ status: 'confirmed', attendance: 'venue' });
    expect(ra?.body.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(rb?.body.status).toBe('confirmed');
    expect(rc?.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(rd?.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(rc?.body.code).toBeUndefined();

    const shown = await call('GET', `/v1/events/${event.id}`);
    expect(shown.body.seatsLeft).toEqual({ venue: 0, online: 0 });
    expect(shown.body.waitlisted).toEqual({ venue: 2, online: 0 });
    expect((await mailTo(a?.email as string)).some((m) => m.text.includes(ra?.body.code))).toBe(true);
    expect(
      (await mailTo(c?.email as string)).some((m) => m.subject.includes('キャンセル待ち（1番目）')),
    ).toBe(true);

    // Again for the same event → 409.
    expect((await signUp((a as Person).token, event.id)).status).toBe(409);

    // A cancels: C is offered the seat with a deadline, D moves up to 1.
    const cancelled = await call('DELETE', `/v1/events/${event.id}/registrations/me`, { token: a?.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const offered = await myRegistration((c as Person).token, event.id);
    expect(offered.status).toBe('offered');
    const window = Date.parse(offered.offerExpiresAt) - Date.now();
    expect(window).toBeGreaterThan(hours(47));
    expect(window).toBeLessThanOrEqual(hours(48));
    expect((await myRegistration((d as Person).token, event.id)).waitlistPosition).toBe(1);
    expect((await mailTo(c?.email as string)).some((m) => m.subject.includes('空きが出ました'))).toBe(true);

    // C claims in time: confirmed with a code; claiming again is a 409.
    const claimed = await call('POST', `/v1/events/${event.id}/registrations/me/claim`, { token: c?.token });
    expect(claimed.status).toBe(200);
    expect(claimed.body.status).toBe('confirmed');
    expect(claimed.body.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(
      (await call('POST', `/v1/events/${event.id}/registrations/me/claim`, { token: c?.token })).status,
    ).toBe(409);

    // A signs up again later: a new registration at the end of the line.
    const again = await signUp((a as Person).token, event.id);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(again.body.id).not.toBe(ra?.body.id);
  });

  it('moves an unclaimed offer on when its window has passed, on the job’s clock', async () => {
    const [a, b, c] = (await people(3)) as [Person, Person, Person];
    const event = await publishedEvent(staff, { venueCapacity: 1, claimWindowHours: 24 });
    await signUpAll([a, b, c], event.id);
    await call('DELETE', `/v1/events/${event.id}/registrations/me`, { token: a.token });
    const offer = await myRegistration(b.token, event.id);
    expect(offer.status).toBe('offered');

    // Before the window ends nothing moves; after it, B's offer expires and C is offered the seat.
    await advanceEvents(new Date(Date.parse(offer.offerExpiresAt) - 60_000));
    expect((await myRegistration(b.token, event.id)).status).toBe('offered');
    const run = await advanceEvents(new Date(Date.parse(offer.offerExpiresAt) + 60_000));
    expect(run.offersExpired).toBeGreaterThanOrEqual(1);
    expect((await myRegistration(b.token, event.id)).status).toBe('expired');
    const next = await myRegistration(c.token, event.id);
    expect(next.status).toBe('offered');
    expect(Date.parse(next.offerExpiresAt)).toBeGreaterThan(Date.parse(offer.offerExpiresAt));
    expect((await mailTo(b.email)).some((m) => m.subject.includes('期限が切れました'))).toBe(true);
    expect(
      (await call('POST', `/v1/events/${event.id}/registrations/me/claim`, { token: b.token })).status,
    ).toBe(409);

    // The job run again changes nothing: one offer, one seat.
    await advanceEvents(new Date(Date.parse(offer.offerExpiresAt) + 120_000));
    const shown = await call('GET', `/v1/events/${event.id}`);
    expect(shown.body.seatsLeft.venue).toBe(0);
    const list = await registrationsOf(event.id);
    expect(list.filter((r) => ['offered', 'confirmed', 'pending_payment'].includes(r.status))).toHaveLength(
      1,
    );
  });

  it('keeps venue and online seats apart, and refuses what the event does not offer', async () => {
    const [a, b] = (await people(2)) as [Person, Person];
    const event = await publishedEvent(staff, { venueCapacity: 1, onlineCapacity: 1 });
    expect((await signUp(a.token, event.id, { attendance: 'venue' })).body.status).toBe('confirmed');
    expect((await signUp(b.token, event.id, { attendance: 'online' })).body.status).toBe('confirmed');
    const shown = await call('GET', `/v1/events/${event.id}`);
    expect(shown.body.seatsLeft).toEqual({ venue: 0, online: 0 });

    const [c] = (await people(1)) as [Person];
    const childcare = await signUp(c.token, event.id, {
      attendance: 'venue',
      childcare: { children: 1, ages: '3歳' },
    });
    expect(childcare.status).toBe(400);
    expect(childcare.body.error.fields.map((f: { path: string }) => f.path)).toContain('body.childcare');
    const tour = await publishedEvent(staff, { kind: 'tour', venueCapacity: 5, onlineCapacity: 0 });
    const online = await signUp(c.token, tour.id, { attendance: 'online' });
    expect(online.status).toBe(400);
    expect(await myRegistration(c.token, tour.id)).toBeUndefined();
  });

  it('takes childcare requests where offered, and shows them to staff in the list and the CSV', async () => {
    const [a] = (await people(1)) as [Person];
    const event = await publishedEvent(staff, { childcare: true, venueCapacity: 3 });
    const r = await signUp(a.token, event.id, {
      attendance: 'venue',
      childcare: { children: 2, ages: '2歳と5歳' },
    });
    expect(r.status).toBe(201);
    const [row] = await registrationsOf(event.id);
    expect(row).toMatchObject({
      status: 'confirmed',
      childcare: { children: 2, ages: '2歳と5歳' },
      displayName: '参加者 1',
    });
    const csv = await fetch(`${cloud().url}/v1/events/${event.id}/registrations?format=csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('2 (2歳と5歳)');
    expect(text).toContain('confirmed');
  });

  it('gives calendars: the event’s (public) and my registration’s with my code, with a stable UID', async () => {
    const [a] = (await people(1)) as [Person];
    const event = await publishedEvent(staff);
    const r = await signUp(a.token, event.id);
    const pub = await fetch(`${cloud().url}/v1/events/${event.id}/calendar.ics`);
    expect(pub.headers.get('content-type')).toContain('text/calendar');
    const text = await pub.text();
    expect(text).toContain(`UID:event-${event.id}@kakehashi.jp`);
    expect(text).toContain(
      `DTSTART:${new Date(event.startsAt).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
    );
    expect(await (await fetch(`${cloud().url}/v1/events/${event.id}/calendar.ics`)).text()).toContain(
      `UID:event-${event.id}@kakehashi.jp`,
    );
    const mine = await fetch(`${cloud().url}/v1/events/${event.id}/registrations/me/calendar.ics`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(mine.status).toBe(200);
    expect((await mine.text()).replace(/\r\n[ \t]/g, '')).toContain(r.body.code);
  });
});

describe('the public calendar', () => {
  it('lists published events soonest first, by prefecture, municipality and kind, a page at a time', async () => {
    const later = await publishedEvent(staff, {
      startsAt: jst(days(40)),
      endsAt: jst(days(40) + hours(2)),
      signupDeadline: jst(days(39)),
      municipalityCode: '31372',
    });
    const sooner = await publishedEvent(staff, {
      startsAt: jst(days(30)),
      endsAt: jst(days(30) + hours(2)),
      signupDeadline: jst(days(29)),
      municipalityCode: '31372',
      kind: 'tour',
    });
    const draft = await call('POST', '/v1/events', {
      token: staff,
      json: eventBody({ municipalityCode: '31372' }),
    });
    const page = await call('GET', `/v1/events?municipality=31372&from=${encodeURIComponent(jst(days(20)))}`);
    expect(page.status).toBe(200);
    const ids = page.body.items.map((e: { id: string }) => e.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).not.toContain(draft.body.id);
    const tours = await call(
      'GET',
      `/v1/events?municipality=31372&kind=tour&from=${encodeURIComponent(jst(days(20)))}`,
    );
    expect(tours.body.items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([sooner.id]));
    expect(tours.body.items.every((e: { kind: string }) => e.kind === 'tour')).toBe(true);

    const first = await call(
      'GET',
      `/v1/events?prefecture=31&limit=1&from=${encodeURIComponent(jst(days(20)))}`,
    );
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await call(
      'GET',
      `/v1/events?prefecture=31&limit=1&from=${encodeURIComponent(jst(days(20)))}&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(Date.parse(second.body.items[0].startsAt)).toBeGreaterThanOrEqual(
      Date.parse(first.body.items[0].startsAt),
    );
    // A draft is not found by others, and shows to its staff.
    expect((await call('GET', `/v1/events/${draft.body.id}`)).status).toBe(404);
    expect((await call('GET', `/v1/events/${draft.body.id}`, { token: staff })).status).toBe(200);
  });
});

describe('paid tickets through Stripe Checkout', () => {
  it('holds a seat while paying, confirms it when Stripe says it is paid, and refunds a cancellation in time', async () => {
    const [a] = (await people(1)) as [Person];
    const event = await publishedEvent(staff, { feeJpy: 3000, venueCapacity: 2 });
    const r = await signUp(a.token, event.id);
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('pending_payment');
    expect(r.body.checkoutUrl).toMatch(/^http/);
    const session = await localStripe(`checkout_sessions/${sessionOf(r.body.checkoutUrl)}/complete`, {
      card: 'succeeds',
    });
    expect(session).toBeTruthy();
    const paid = await eventually(async () => {
      const mine = await myRegistration(a.token, event.id);
      if (mine.status !== 'confirmed') throw new Error(`still ${mine.status}`);
      return mine;
    });
    expect(paid.code).toMatch(/^[A-Z2-9]{8}$/);
    expect((await mailTo(a.email)).some((m) => m.subject.includes('お支払いを受け付けました'))).toBe(true);
    const [row] = await registrationsOf(event.id);
    expect(row.paidJpy).toBe(3000);

    const cancelled = await call('DELETE', `/v1/events/${event.id}/registrations/me`, { token: a.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.refundedJpy).toBe(3000);
    expect((await myRegistration(a.token, event.id)).refundedJpy).toBe(3000);
    expect((await mailTo(a.email)).some((m) => m.subject.includes('返金しました'))).toBe(true);
  });

  it('does not refund a cancellation within refundDaysBefore days of the start', async () => {
    const [a] = (await people(1)) as [Person];
    const event = await publishedEvent(staff, {
      feeJpy: 2000,
      startsAt: jst(days(2)),
      endsAt: jst(days(2) + hours(2)),
      signupDeadline: jst(days(1)),
      refundDaysBefore: 3,
    });
    const r = await signUp(a.token, event.id);
    await pay(r.body.checkoutUrl);
    await eventually(async () => {
      if ((await myRegistration(a.token, event.id)).status !== 'confirmed') throw new Error('not yet');
    });
    const cancelled = await call('DELETE', `/v1/events/${event.id}/registrations/me`, { token: a.token });
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.refundedJpy).toBeUndefined();
  });

  it('releases a hold that is not paid in time and offers the seat to the next in line', async () => {
    const [a, b] = (await people(2)) as [Person, Person];
    const event = await publishedEvent(staff, { feeJpy: 1500, venueCapacity: 1 });
    const held = await signUp(a.token, event.id);
    expect(held.body.status).toBe('pending_payment');
    const waiting = await signUp(b.token, event.id);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const hold = await myRegistration(a.token, event.id);
    const expiresIn = Date.parse(hold.holdExpiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(hours(0.5));
    expect(expiresIn).toBeLessThan(hours(0.6));

    const run = await advanceEvents(new Date(Date.parse(hold.holdExpiresAt) + 60_000));
    expect(run.holdsExpired).toBeGreaterThanOrEqual(1);
    expect((await myRegistration(a.token, event.id)).status).toBe('expired');
    expect((await myRegistration(b.token, event.id)).status).toBe('offered');
    // The offer of a paid seat, claimed, is a new hold with its own Checkout.
    const claimed = await call('POST', `/v1/events/${event.id}/registrations/me/claim`, { token: b.token });
    expect(claimed.body.status).toBe('pending_payment');
    expect(claimed.body.checkoutUrl).toMatch(/^http/);
  });

  it('cancelling the event refunds every paid ticket in full and tells everyone', async () => {
    const [a, b] = (await people(2)) as [Person, Person];
    const event = await publishedEvent(staff, { feeJpy: 2500, venueCapacity: 1 });
    const r = await signUp(a.token, event.id);
    await pay(r.body.checkoutUrl);
    await eventually(async () => {
      if ((await myRegistration(a.token, event.id)).status !== 'confirmed') throw new Error('not yet');
    });
    await signUp(b.token, event.id);
    const cancelled = await call('POST', `/v1/events/${event.id}/cancel`, { token: staff });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await myRegistration(a.token, event.id)).toMatchObject({ status: 'cancelled', refundedJpy: 2500 });
    expect((await myRegistration(b.token, event.id)).status).toBe('cancelled');
    for (const p of [a, b])
      expect((await mailTo(p.email)).some((m) => m.subject.includes('中止'))).toBe(true);
    const [c] = (await people(1)) as [Person];
    expect((await signUp(c.token, event.id)).status).toBe(409);
    expect(
      (await call('GET', `/v1/events?prefecture=31&limit=50`)).body.items.map((e: { id: string }) => e.id),
    ).not.toContain(event.id);
  });
});

describe('lottery', () => {
  it('takes entries until the deadline, then draws once: winners by capacity, the rest waitlisted in drawn order', async () => {
    const entrants = await people(5);
    const deadline = jst(hours(1));
    const event = await publishedEvent(staff, {
      selection: 'lottery',
      venueCapacity: 2,
      signupDeadline: deadline,
    });
    const answers = await signUpAll(entrants, event.id);
    expect(answers.every((a) => a.status === 201 && a.body.status === 'entered')).toBe(true);
    expect((await call('GET', `/v1/events/${event.id}`)).body.entered.venue).toBe(5);

    // Before the deadline the job draws nothing.
    await advanceEvents(new Date(Date.parse(deadline) - 60_000));
    expect((await call('GET', `/v1/events/${event.id}/draw`, { token: staff })).status).toBe(404);
    const run = await advanceEvents(new Date(Date.parse(deadline) + 60_000));
    expect(run.drawn).toBeGreaterThanOrEqual(1);

    const draw = await call('GET', `/v1/events/${event.id}/draw`, { token: staff });
    expect(draw.status).toBe(200);
    const [venue] = draw.body.modes;
    expect(venue).toMatchObject({ attendance: 'venue', capacity: 2, entries: 5 });
    const list = await registrationsOf(event.id);
    const byId = new Map(list.map((r) => [r.id, r]));
    venue.order.forEach((o: { registrationId: string; rank: number; won: boolean }, i: number) => {
      const r = byId.get(o.registrationId);
      expect(o.rank).toBe(i + 1);
      if (i < 2) expect(r.status).toBe('confirmed');
      else expect(r).toMatchObject({ status: 'waitlisted', waitlistPosition: i - 1 });
    });
    for (const p of entrants)
      expect((await mailTo(p.email)).some((m) => m.subject.includes('抽選結果'))).toBe(true);

    // Drawing again changes nothing; a winner's cancellation offers the seat to waitlist position 1.
    await advanceEvents(new Date(Date.parse(deadline) + 120_000));
    expect((await call('GET', `/v1/events/${event.id}/draw`, { token: staff })).body).toEqual(draw.body);
    const winner = entrants[answers.findIndex((a) => a.body.id === venue.order[0].registrationId)] as Person;
    const firstWaiting = entrants[
      answers.findIndex((a) => a.body.id === venue.order[2].registrationId)
    ] as Person;
    await call('DELETE', `/v1/events/${event.id}/registrations/me`, { token: winner.token });
    expect((await myRegistration(firstWaiting.token, event.id)).status).toBe('offered');
  });
});

describe('check-in, reminders and no-shows', () => {
  it('checks a confirmed code in once from two hours before the start, and refuses what is not a seat', async () => {
    const [a, b, c] = (await people(3)) as [Person, Person, Person];
    const soon = await publishedEvent(staff, {
      venueCapacity: 3,
      startsAt: jst(hours(1)),
      endsAt: jst(hours(3)),
      signupDeadline: jst(hours(0.5)),
    });
    const ra = await signUp(a.token, soon.id);
    const rb = await signUp(b.token, soon.id);
    await signUp(c.token, soon.id);
    const first = await call('POST', `/v1/events/${soon.id}/checkins`, {
      token: staff,
      json: { code: ra.body.code },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ already: false, displayName: '参加者 1', attendance: 'venue' });
    const second = await call('POST', `/v1/events/${soon.id}/checkins`, {
      token: staff,
      json: { code: ra.body.code.toLowerCase() },
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ checkedInAt: first.body.checkedInAt, already: true });
    expect(
      (await call('POST', `/v1/events/${soon.id}/checkins`, { token: staff, json: { code: 'ZZZZZZZZ' } }))
        .status,
    ).toBe(404);
    // B cancels: their code no longer gets in.
    await call('DELETE', `/v1/events/${soon.id}/registrations/me`, { token: b.token });
    expect(
      (await call('POST', `/v1/events/${soon.id}/checkins`, { token: staff, json: { code: rb.body.code } }))
        .status,
    ).toBe(409);

    // An event ten days ahead: check-in is not open yet.
    const later = await publishedEvent(staff);
    const rl = await signUp(a.token, later.id);
    const early = await call('POST', `/v1/events/${later.id}/checkins`, {
      token: staff,
      json: { code: rl.body.code },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('checkin_not_open');

    // After the end, the one who never came is a no-show; the one who checked in stays confirmed.
    const [d] = (await people(1)) as [Person];
    await signUp(d.token, soon.id);
    const run = await advanceEvents(new Date(Date.parse(soon.endsAt) + 60_000));
    expect(run.noShows).toBeGreaterThanOrEqual(1);
    expect((await myRegistration(d.token, soon.id)).status).toBe('no_show');
    expect(await myRegistration(a.token, soon.id)).toMatchObject({ status: 'confirmed' });
    expect((await myRegistration(a.token, soon.id)).checkedInAt).toBe(first.body.checkedInAt);
  });

  it('reminds everyone with a seat two days before, once', async () => {
    const [a] = (await people(1)) as [Person];
    // Starting two days and ten minutes from now, so the job runs only minutes ahead (other tests' offers and
    // holds, which run out later, are not touched).
    const event = await publishedEvent(staff, {
      startsAt: jst(days(2) + 600_000),
      endsAt: jst(days(2) + hours(2)),
      signupDeadline: jst(days(1)),
    });
    await signUp(a.token, event.id);
    const due = new Date(Date.parse(event.startsAt) - days(2) + 60_000);
    await advanceEvents(due);
    await advanceEvents(new Date(due.getTime() + 60_000));
    const reminders = (await mailTo(a.email)).filter((m) => m.subject.includes('まもなく'));
    expect(reminders).toHaveLength(1);
  });
});

describe('who may run events', () => {
  it('lets staff create only in their own region, change only drafts, and lists their region’s events', async () => {
    const outside = await call('POST', '/v1/events', {
      token: staff,
      json: eventBody({ municipalityCode: '46222' }),
    });
    expect(outside.status).toBe(403);
    const created = await call('POST', '/v1/events', { token: staff, json: eventBody() });
    expect(created.body).toMatchObject({ status: 'draft', claimWindowHours: 48, refundDaysBefore: 3 });
    const edited = await call('PATCH', `/v1/events/${created.body.id}`, {
      token: staff,
      json: { venueCapacity: 30 },
    });
    expect(edited.body.venueCapacity).toBe(30);
    const wrong = await call('PATCH', `/v1/events/${created.body.id}`, {
      token: staff,
      json: { endsAt: jst(days(1)) },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.map((f: { path: string }) => f.path)).toContain('body.endsAt');
    await call('POST', `/v1/events/${created.body.id}/publish`, { token: staff });
    expect(
      (await call('PATCH', `/v1/events/${created.body.id}`, { token: staff, json: { venueCapacity: 5 } }))
        .status,
    ).toBe(409);
    const mine = await everyPage(staff, '/v1/me/events');
    expect(mine.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
  });
});
