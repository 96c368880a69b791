import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { idToken } from './get-me.ts';
import { percentile, pool } from './stats.ts';

/**
 * Sign-ups for a popular event (BRIEF 4, issue 9): `crowd` distinct signed-in professionals sign up for a
 * free first-come event of `seats` seats at the venue, all at once, through the local gateway. Afterwards
 * exactly `seats` are confirmed and the rest waitlisted at positions 1…n, as the event's staff list shows them
 * and as each person's own list (counted from the waitlist index) shows them, with no error answered.
 * The yardstick, in the same run: the same people signing up one at a time for an event of the same shape
 * (the same work — seats, then a growing line — without anyone else at the door).
 */

type Person = { email: string; token: string; userId: string };
type SignUp = { status: number; body: { id?: string; status?: string; waitlistPosition?: number } };

const subOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;

async function api(cloud: LocalCloud, method: string, path: string, token: string, json?: unknown) {
  const res = await fetch(`${cloud.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const body = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A new professional, signed up through cognito-local (confirmed by the local trigger) with a profile. */
async function newProfessional(cloud: LocalCloud, n: number, run: string): Promise<Person> {
  const email = `bench-${run}-${n}@bench.kakehashi.jp`;
  const password = 'bench-password-1';
  const res = await fetch(cloud.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
    },
    body: JSON.stringify({ ClientId: cloud.clientId, Username: email, Password: password }),
  });
  if (!res.ok) throw new Error(`sign-up of ${email}: ${res.status} ${await res.text()}`);
  const token = await idToken(cloud, email, password);
  await api(cloud, 'PUT', '/v1/me', token, { role: 'professional', displayName: `ベンチ参加者 ${n}` });
  return { email, token, userId: subOf(token) };
}

/** ISO 8601 with +09:00, `days` from now. */
const jst = (days: number, hours = 0) =>
  `${new Date(Date.now() + (days * 24 + hours + 9) * 3_600_000).toISOString().slice(0, 19)}+09:00`;

async function publishedEvent(cloud: LocalCloud, staff: string, seats: number, title: string) {
  const event = await api(cloud, 'POST', '/v1/events', staff, {
    kind: 'seminar',
    title,
    description: '同時申込の処理量を測るためのイベントです。',
    municipalityCode: '31370',
    venueName: '湯梨浜町中央公民館',
    startsAt: jst(10),
    endsAt: jst(10, 2),
    signupDeadline: jst(9),
    venueCapacity: seats,
    onlineCapacity: 0,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
  });
  await api(cloud, 'POST', `/v1/events/${event.id}/publish`, staff);
  return event.id as string;
}

/** Every person signs up for the event; `concurrency` at a time (the crowd: everyone at once). */
async function signUps(cloud: LocalCloud, eventId: string, people: Person[], concurrency: number) {
  const answers = new Map<string, SignUp>();
  const start = performance.now();
  const latencies = await pool(
    people.map((p) => async () => {
      const res = await fetch(`${cloud.url}/v1/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ attendance: 'venue' }),
      });
      answers.set(p.userId, { status: res.status, body: (await res.json()) as SignUp['body'] });
    }),
    concurrency,
  );
  const seconds = (performance.now() - start) / 1000;
  const statuses: Record<string, number> = {};
  for (const a of answers.values()) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  return {
    answers,
    seconds,
    perSecond: people.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  };
}

/**
 * What the event ended with, checked three ways: its counters (GET /v1/events/{id}), its staff's list
 * (statuses and places in line, numbered from the waitlist tickets), and each person's own list (their place
 * counted from the sparse waitlist index), which must agree with the staff's.
 */
async function check(
  cloud: LocalCloud,
  staff: string,
  eventId: string,
  people: Person[],
  seats: number,
  answers: Map<string, SignUp>,
) {
  const wrong: string[] = [];
  const event = await api(cloud, 'GET', `/v1/events/${eventId}`, staff);
  const list: { userId: string; status: string; waitlistPosition?: number }[] = [];
  let cursor = '';
  do {
    const page = await api(
      cloud,
      'GET',
      `/v1/events/${eventId}/registrations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      staff,
    );
    list.push(...page.items);
    cursor = page.nextCursor ?? '';
  } while (cursor);
  const waiting = people.length - seats;
  const confirmed = list.filter((r) => r.status === 'confirmed').length;
  const waitlisted = list.filter((r) => r.status === 'waitlisted');
  if (list.length !== people.length) wrong.push(`${list.length} registrations`);
  if (new Set(list.map((r) => r.userId)).size !== list.length) wrong.push('a person registered twice');
  if (confirmed !== seats) wrong.push(`${confirmed} confirmed`);
  if (waitlisted.length !== waiting) wrong.push(`${waitlisted.length} waitlisted`);
  const places = waitlisted.map((r) => r.waitlistPosition ?? 0).sort((a, b) => a - b);
  if (places.some((p, i) => p !== i + 1)) wrong.push('staff list: positions are not 1…n');
  if (event.seatsLeft.venue !== 0 || event.waitlisted.venue !== waiting)
    wrong.push(`counters: ${event.seatsLeft.venue} seats left, ${event.waitlisted.venue} waiting`);
  const staffPlace = new Map(list.map((r) => [r.userId, r.waitlistPosition]));
  const own = new Map<string, number | undefined>();
  await pool(
    people.map((p) => async () => {
      const mine = (await api(cloud, 'GET', '/v1/me/registrations?limit=10', p.token)).items as {
        eventId: string;
        waitlistPosition?: number;
      }[];
      own.set(p.userId, mine.find((r) => r.eventId === eventId)?.waitlistPosition);
    }),
    16,
  );
  const disagree = people.filter((p) => own.get(p.userId) !== staffPlace.get(p.userId)).length;
  if (disagree) wrong.push(`${disagree} people see another place in line than their staff`);
  // An error answered for a sign-up that was nevertheless written: the person cannot know they are in.
  const failed = people.filter((p) => answers.get(p.userId)?.status !== 201);
  const failedButIn = failed.filter((p) => staffPlace.has(p.userId)).length;
  if (failed.length)
    wrong.push(`${failed.length} sign-ups answered an error, ${failedButIn} of them registered all the same`);
  return { confirmed, waitlisted: waitlisted.length, wrong };
}

export async function measureEventSignUps(cloud: LocalCloud, opts = { crowd: 500, seats: 20 }) {
  const staff = await idToken(cloud, 'staff@demo.kakehashi.jp', DEMO_PASSWORD);
  const run = randomUUID().slice(0, 8);
  const people: Person[] = [];
  const made = performance.now();
  await pool(
    Array.from({ length: opts.crowd }, (_, i) => async () => {
      people.push(await newProfessional(cloud, i + 1, run));
    }),
    8,
  );
  const usersSeconds = (performance.now() - made) / 1000;

  // Warm-up (JIT, connections, the SES client): a few sign-ups for an event of their own.
  const warm = await publishedEvent(cloud, staff, opts.seats, 'ベンチマーク（準備）');
  await signUps(cloud, warm, people.slice(0, 2 * opts.seats), 1);

  const quiet = await publishedEvent(cloud, staff, opts.seats, 'ベンチマーク（一人ずつ）');
  const oneByOne = await signUps(cloud, quiet, people, 1);
  const oneByOneCheck = await check(cloud, staff, quiet, people, opts.seats, oneByOne.answers);

  const popular = await publishedEvent(cloud, staff, opts.seats, 'ベンチマーク（同時申込）');
  const atOnce = await signUps(cloud, popular, people, people.length);
  const atOnceCheck = await check(cloud, staff, popular, people, opts.seats, atOnce.answers);

  return {
    people: opts.crowd,
    seats: opts.seats,
    usersSeconds,
    oneByOne,
    oneByOneCheck,
    atOnce,
    atOnceCheck,
  };
}
