import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeKeys } from '#functions/routes.ts';
import { savedSearchKeys } from '#shared/searches/saved-search.entity.ts';
import { call, everyPage, newUser, table } from '../support/api.ts';
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
import {
  acceptedEngagement,
  engagementIn,
  onboardPayouts,
  payCheckout,
  TEST_SETTINGS,
} from '../support/payments.ts';
import { PERSONAS, type Persona, type Personas, personas } from '../support/personas.ts';
import { openProject, projectBody } from '../support/projects.ts';

/**
 * Every route × every kind of caller. Each case says what the caller must get; a route added to the
 * route table without its row here fails the first test.
 */
type Case = { path: string; json?: unknown; expect: Partial<Record<Persona, number>> & { others: number } };

const invite = { email: 'matrix@test.kakehashi.jp', regionCode: '31' };
const everyone = (status: number) => ({ others: status });
const firmsOnly = (status: number) => ({ anonymous: 401, firmA: status, firmB: status, others: 403 });
/** Owned by firm A: A may, firm B is told it does not exist, the other roles may not call the route. */
const firmAOwns = (status: number) => ({ anonymous: 401, firmA: status, firmB: 404, others: 403 });

type Fixtures = {
  draft: string;
  toPublish: string;
  toClose: string;
  open: string;
  withApplication: string;
  applicationA: string;
  toWithdraw: string;
  awaitingPayment: string;
  toPause: string;
  toResume: string;
  toCancel: string;
  /** The first paid month of `toPause`, its documents issued. */
  paidInvoice: string;
  /** Professional A's request for consideration on `awaitingPayment`, not answered yet. */
  consideration: string;
  events: EventFixtures;
  teams: TeamFixtures;
  searches: SearchFixtures;
  admin: AdminFixtures;
};

/** What the operators act on: firm A's projects, fresh professionals (never a persona: they stay usable). */
type AdminFixtures = {
  toHide: string;
  /** Hidden by the operator already. */
  toUnhide: string;
  toSuspend: string;
  /** Suspended already. */
  toRestore: string;
  /** A pending region-staff invitation. */
  invitation: string;
};
const operatorOnly = (status: number) => ({ anonymous: 401, operator: status, others: 403 });

/** Saved searches of professional A: one to delete, one to unsubscribe from with its mail's token. */
type SearchFixtures = { toDelete: string; toUnsubscribe: string; token: string };

/** Teams of professional A, and of a fresh director, each set up so that both professionals' answers are known. */
type TeamFixtures = {
  /** Directed by professional A; professional B is invited. */
  invitedB: string;
  /** Directed by professional A; professional B has joined. */
  memberB: string;
  /** Directed by another professional; A and B are invited. */
  toJoin: string;
  /** Directed by another professional; A and B have joined. */
  toLeave: string;
  /** Firm A's engagement of the team `memberB` (directed by A, B a member). */
  engagement: string;
};

/** Events of staff X's region (Tottori, 31), each set up so that every caller's answer is known in advance. */
type EventFixtures = {
  /** A draft: its staff see it, nobody else knows it exists. */
  draft: string;
  toEdit: string;
  toPublish: string;
  toCancel: string;
  /** Published, nobody signed up: each professional and firm signs up once. */
  open: string;
  /** Published, with professional A, B and firm A, B signed up (their calendars, its staff's list). */
  registered: string;
  /** Published, with professional A, B and firm A, B signed up: each cancels once. */
  toLeave: string;
  /** Professional A, B and firm A, B have each been offered a seat freed by a cancellation. */
  offering: string;
  /** Starts within the hour (check-in is open), with one confirmed code. */
  soon: string;
  code: string;
  /** A lottery, drawn. */
  drawn: string;
};

/** An engagement between firm A and professional A: both parties may, firm B and professional B are told it does not exist. */
const partiesOf = (status: number) => ({
  anonymous: 401,
  firmA: status,
  proA: status,
  firmB: 404,
  proB: 404,
  others: 403,
});
const prosOnly = (status: number) => ({ anonymous: 401, proA: status, proB: status, others: 403 });
/** An event of staff X's region: its staff may, staff of another region and every other role may not. */
const itsStaff = (status: number) => ({ anonymous: 401, staffX: status, others: 403 });
/** Sign-ups are for professionals and firms; staff and the operator run events, they do not attend them. */
const attendees = (status: number) => ({
  anonymous: 401,
  proA: status,
  proB: status,
  firmA: status,
  firmB: status,
  others: 403,
});

const matrix = (
  f: Fixtures,
  e = f.events ?? ({} as EventFixtures),
  t = f.teams ?? ({} as TeamFixtures),
  s = f.searches ?? ({} as SearchFixtures),
  a = f.admin ?? ({} as AdminFixtures),
): Record<string, Case> => ({
  'GET /v1/health': { path: '/v1/health', expect: everyone(200) },
  'GET /v1/config': { path: '/v1/config', expect: everyone(200) },
  'GET /v1/openapi.json': { path: '/v1/openapi.json', expect: everyone(200) },
  'GET /v1/regions/prefectures': { path: '/v1/regions/prefectures', expect: everyone(200) },
  'GET /v1/regions/groups': { path: '/v1/regions/groups', expect: everyone(200) },
  'GET /v1/regions/prefectures/{code}/municipalities': {
    path: '/v1/regions/prefectures/31/municipalities',
    expect: everyone(200),
  },
  'GET /v1/me': { path: '/v1/me', expect: { anonymous: 401, others: 200 } },
  'PUT /v1/me': { path: '/v1/me', json: 'own-profile', expect: { anonymous: 401, others: 200 } },
  'POST /v1/admin/region-staff': {
    path: '/v1/admin/region-staff',
    json: invite,
    expect: { anonymous: 401, operator: 201, others: 403 },
  },
  'POST /v1/projects': { path: '/v1/projects', json: projectBody(), expect: firmsOnly(201) },
  'GET /v1/projects': { path: '/v1/projects?prefecture=31', expect: everyone(200) },
  'GET /v1/projects/{id}': { path: `/v1/projects/${f.draft}`, expect: { firmA: 200, others: 404 } },
  'PATCH /v1/projects/{id}': {
    path: `/v1/projects/${f.draft}`,
    json: { monthlyFeeJpy: 70_000 },
    expect: firmAOwns(200),
  },
  'POST /v1/projects/{id}/publish': { path: `/v1/projects/${f.toPublish}/publish`, expect: firmAOwns(200) },
  'POST /v1/projects/{id}/close': { path: `/v1/projects/${f.toClose}/close`, expect: firmAOwns(200) },
  'GET /v1/me/projects': { path: '/v1/me/projects', expect: firmsOnly(200) },
  'POST /v1/projects/{id}/applications': {
    path: `/v1/projects/${f.open}/applications`,
    json: { proposal: 'matrix' },
    expect: { anonymous: 401, proA: 201, proB: 201, others: 403 },
  },
  'GET /v1/projects/{id}/applications': {
    path: `/v1/projects/${f.withApplication}/applications`,
    expect: firmAOwns(200),
  },
  'GET /v1/me/applications': {
    path: '/v1/me/applications',
    expect: { anonymous: 401, proA: 200, proB: 200, others: 403 },
  },
  // Recommendations are for professionals: a firm, staff and the operator get 403.
  'GET /v1/me/recommendations': { path: '/v1/me/recommendations?limit=5', expect: prosOnly(200) },
  'POST /v1/applications/{id}/decision': {
    path: `/v1/applications/${f.applicationA}/decision`,
    json: { decision: 'shortlist' },
    expect: firmAOwns(200),
  },
  'POST /v1/applications/{id}/withdraw': {
    path: `/v1/applications/${f.toWithdraw}/withdraw`,
    expect: { anonymous: 401, proA: 200, proB: 404, others: 403 },
  },
  'GET /v1/engagements': {
    path: '/v1/engagements',
    expect: { anonymous: 401, firmA: 200, firmB: 200, proA: 200, proB: 200, others: 403 },
  },
  'GET /v1/engagements/{id}': { path: `/v1/engagements/${f.awaitingPayment}`, expect: partiesOf(200) },
  'GET /v1/engagements/{id}/invoices': {
    path: `/v1/engagements/${f.toPause}/invoices`,
    expect: partiesOf(200),
  },
  'GET /v1/engagements/{id}/invoices/{invoiceId}/documents': {
    path: `/v1/engagements/${f.toPause}/invoices/${f.paidInvoice}/documents`,
    expect: partiesOf(200),
  },
  // The firm's document for the fee: the firm, and the professional its copy.
  'GET /v1/engagements/{id}/invoices/{invoiceId}/documents/{kind}': {
    path: `/v1/engagements/${f.toPause}/invoices/${f.paidInvoice}/documents/fee`,
    expect: partiesOf(200),
  },
  'GET /v1/engagements/{id}/terms': {
    path: `/v1/engagements/${f.awaitingPayment}/terms`,
    expect: partiesOf(200),
  },
  'GET /v1/engagements/{id}/terms/{version}': {
    path: `/v1/engagements/${f.awaitingPayment}/terms/1`,
    expect: partiesOf(200),
  },
  'POST /v1/engagements/{id}/checkout': {
    path: `/v1/engagements/${f.awaitingPayment}/checkout`,
    expect: firmAOwns(200),
  },
  'POST /v1/engagements/{id}/pause': { path: `/v1/engagements/${f.toPause}/pause`, expect: firmAOwns(200) },
  'POST /v1/engagements/{id}/resume': {
    path: `/v1/engagements/${f.toResume}/resume`,
    expect: firmAOwns(200),
  },
  'POST /v1/engagements/{id}/cancel': {
    path: `/v1/engagements/${f.toCancel}/cancel`,
    expect: firmAOwns(200),
  },
  // Six months: the cancel above gave notice, so its professional may ask why, and its firm answer.
  'POST /v1/engagements/{id}/ending-reason-request': {
    path: `/v1/engagements/${f.toCancel}/ending-reason-request`,
    expect: { anonymous: 401, proA: 200, proB: 404, others: 403 },
  },
  'PUT /v1/engagements/{id}/ending-reason': {
    path: `/v1/engagements/${f.toCancel}/ending-reason`,
    json: { reason: '事業方針の変更のため。' },
    expect: firmAOwns(200),
  },
  // A request for consideration (13条): the professional side asks, the firm answers once; strangers get 404.
  'POST /v1/engagements/{id}/consideration-requests': {
    path: `/v1/engagements/${f.awaitingPayment}/consideration-requests`,
    json: { kind: 'childcare', request: '保育園の送迎のため16時以降の会議は避けたい' },
    expect: { anonymous: 401, proA: 201, proB: 404, others: 403 },
  },
  'GET /v1/engagements/{id}/consideration-requests': {
    path: `/v1/engagements/${f.awaitingPayment}/consideration-requests`,
    expect: partiesOf(200),
  },
  'PUT /v1/engagements/{id}/consideration-requests/{requestId}/answer': {
    path: `/v1/engagements/${f.awaitingPayment}/consideration-requests/${f.consideration}/answer`,
    json: { answer: '会議を午前に移します。', outcome: 'accommodated' },
    expect: firmAOwns(200),
  },
  // Firm B has never paid: nothing to manage yet.
  'POST /v1/billing/portal': { path: '/v1/billing/portal', expect: { ...firmsOnly(200), firmB: 409 } },
  'GET /v1/me/payouts': { path: '/v1/me/payouts', expect: prosOnly(200) },
  'POST /v1/me/payouts/onboarding': { path: '/v1/me/payouts/onboarding', expect: prosOnly(200) },
  'GET /v1/me/earnings': { path: '/v1/me/earnings?year=2026', expect: prosOnly(200) },
  // Stripe's route: nobody gets in without Stripe's signature, whoever they are.
  'POST /v1/webhooks/stripe': {
    path: '/v1/webhooks/stripe',
    json: { type: 'invoice.paid' },
    expect: everyone(400),
  },
  // A municipality of Tottori: staff X's region; staff Y (the Amami group) may not run events there.
  'POST /v1/events': { path: '/v1/events', json: eventBody(), expect: itsStaff(201) },
  'PATCH /v1/events/{id}': {
    path: `/v1/events/${e.toEdit}`,
    json: { venueCapacity: 30 },
    expect: itsStaff(200),
  },
  'POST /v1/events/{id}/publish': { path: `/v1/events/${e.toPublish}/publish`, expect: itsStaff(200) },
  'POST /v1/events/{id}/cancel': { path: `/v1/events/${e.toCancel}/cancel`, expect: itsStaff(200) },
  'GET /v1/events': { path: '/v1/events?prefecture=31', expect: everyone(200) },
  'GET /v1/events/{id}': { path: `/v1/events/${e.draft}`, expect: { staffX: 200, others: 404 } },
  'GET /v1/events/{id}/calendar.ics': {
    path: `/v1/events/${e.registered}/calendar.ics`,
    expect: everyone(200),
  },
  'GET /v1/me/events': {
    path: '/v1/me/events',
    expect: { anonymous: 401, staffX: 200, staffY: 200, others: 403 },
  },
  'POST /v1/events/{id}/registrations': {
    path: `/v1/events/${e.open}/registrations`,
    json: { attendance: 'venue' },
    expect: attendees(201),
  },
  'GET /v1/me/registrations': { path: '/v1/me/registrations', expect: attendees(200) },
  'DELETE /v1/events/{id}/registrations/me': {
    path: `/v1/events/${e.toLeave}/registrations/me`,
    expect: attendees(200),
  },
  'POST /v1/events/{id}/registrations/me/claim': {
    path: `/v1/events/${e.offering}/registrations/me/claim`,
    expect: attendees(200),
  },
  'GET /v1/events/{id}/registrations/me/calendar.ics': {
    path: `/v1/events/${e.registered}/registrations/me/calendar.ics`,
    expect: attendees(200),
  },
  'GET /v1/events/{id}/registrations': {
    path: `/v1/events/${e.registered}/registrations`,
    expect: itsStaff(200),
  },
  'POST /v1/events/{id}/checkins': {
    path: `/v1/events/${e.soon}/checkins`,
    json: { code: e.code },
    expect: itsStaff(200),
  },
  'GET /v1/events/{id}/draw': { path: `/v1/events/${e.drawn}/draw`, expect: itsStaff(200) },
  // 湯梨浜町 lies in staff X's prefecture; staff Y's group is elsewhere.
  'GET /v1/regions/{code}/relationship-population': {
    path: '/v1/regions/31370/relationship-population',
    expect: { anonymous: 401, staffX: 200, operator: 200, others: 403 },
  },
  // Only professionals can be members: a firm, staff and the operator may not call the teams' routes.
  'POST /v1/teams': { path: '/v1/teams', json: { name: 'matrix' }, expect: prosOnly(201) },
  'GET /v1/me/teams': { path: '/v1/me/teams?limit=5', expect: prosOnly(200) },
  'GET /v1/teams/{id}': { path: `/v1/teams/${t.invitedB}`, expect: prosOnly(200) },
  'POST /v1/teams/{id}/invitations': {
    path: `/v1/teams/${t.memberB}/invitations`,
    json: { email: 'matrix-team@test.kakehashi.jp' },
    expect: { ...prosOnly(201), proB: 403 },
  },
  'POST /v1/teams/{id}/join': { path: `/v1/teams/${t.toJoin}/join`, expect: prosOnly(200) },
  'POST /v1/teams/{id}/leave': { path: `/v1/teams/${t.toLeave}/leave`, expect: prosOnly(200) },
  // Saved searches are professionals' own: B is told A's does not exist; the unsubscribe link is anyone's who
  // holds its token (a second click is harmless).
  'GET /v1/me/saved-searches': { path: '/v1/me/saved-searches', expect: prosOnly(200) },
  'POST /v1/me/saved-searches': {
    path: '/v1/me/saved-searches',
    json: { q: 'matrix' },
    expect: prosOnly(201),
  },
  'DELETE /v1/me/saved-searches/{id}': {
    path: `/v1/me/saved-searches/${s.toDelete}`,
    expect: { anonymous: 401, proA: 204, proB: 404, others: 403 },
  },
  'POST /v1/saved-searches/{id}/unsubscribe': {
    path: `/v1/saved-searches/${s.toUnsubscribe}/unsubscribe`,
    json: { token: s.token },
    expect: everyone(200),
  },
  // A team engagement of firm A, directed by professional A with B as a member: only the director sets shares.
  'PUT /v1/engagements/{id}/shares': {
    path: `/v1/engagements/${t.engagement}/shares`,
    json: 'personas-shares',
    expect: { ...prosOnly(200), proB: 403 },
  },
  'GET /v1/admin/settings': {
    path: '/v1/admin/settings',
    expect: { anonymous: 401, operator: 200, others: 403 },
  },
  'PUT /v1/admin/settings': {
    path: '/v1/admin/settings',
    json: TEST_SETTINGS,
    expect: { anonymous: 401, operator: 200, others: 403 },
  },
  // The operators' console: nobody else may look at it or act through it.
  'GET /v1/admin/region-staff': { path: '/v1/admin/region-staff?limit=5', expect: operatorOnly(200) },
  'DELETE /v1/admin/region-staff/invitations/{email}': {
    path: `/v1/admin/region-staff/invitations/${encodeURIComponent(a.invitation)}`,
    expect: operatorOnly(200),
  },
  'POST /v1/admin/projects/{id}/hide': {
    path: `/v1/admin/projects/${a.toHide}/hide`,
    json: { reason: 'matrix' },
    expect: operatorOnly(200),
  },
  'POST /v1/admin/projects/{id}/unhide': {
    path: `/v1/admin/projects/${a.toUnhide}/unhide`,
    json: { reason: 'matrix' },
    expect: operatorOnly(200),
  },
  'GET /v1/admin/projects/hidden': { path: '/v1/admin/projects/hidden', expect: operatorOnly(200) },
  'GET /v1/admin/users': { path: '/v1/admin/users?email=pro%40demo.kakehashi.jp', expect: operatorOnly(200) },
  'POST /v1/admin/users/{id}/suspend': {
    path: `/v1/admin/users/${a.toSuspend}/suspend`,
    json: { reason: 'matrix' },
    expect: operatorOnly(200),
  },
  'POST /v1/admin/users/{id}/restore': {
    path: `/v1/admin/users/${a.toRestore}/restore`,
    json: { reason: 'matrix' },
    expect: operatorOnly(200),
  },
  'GET /v1/admin/audit': { path: '/v1/admin/audit?limit=5', expect: operatorOnly(200) },
  'GET /v1/admin/fees': { path: '/v1/admin/fees?year=2026', expect: operatorOnly(200) },
  'GET /v1/admin/mail': { path: '/v1/admin/mail?status=retrying', expect: operatorOnly(200) },
});

/** Firm A's projects to hide and show again, two fresh professionals to suspend and restore, an invitation. */
async function adminFixtures(who: Personas): Promise<AdminFixtures> {
  const operator = who.operator.token as string;
  const firmA = who.firmA.token as string;
  const professional = async () => {
    const { token } = await newUser('matrix-suspend');
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: '停止候補' } });
    return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;
  };
  const [toHide, toUnhide, toSuspend, toRestore] = await Promise.all([
    openProject(firmA),
    openProject(firmA),
    professional(),
    professional(),
  ]);
  const act = async (path: string) => {
    const done = await call('POST', path, { token: operator, json: { reason: 'matrix fixture' } });
    if (done.status !== 200) throw new Error(`${path}: ${done.status} ${JSON.stringify(done.body)}`);
  };
  await act(`/v1/admin/projects/${toUnhide.id}/hide`);
  await act(`/v1/admin/users/${toRestore}/suspend`);
  const invitation = `matrix-revoke-${Math.random().toString(36).slice(2, 8)}@test.kakehashi.jp`;
  await call('POST', '/v1/admin/region-staff', {
    token: operator,
    json: { email: invitation, regionCode: '31' },
  });
  return { toHide: toHide.id, toUnhide: toUnhide.id, toSuspend, toRestore, invitation };
}

/** Two searches saved by professional A; the unsubscribe token is read where only the mail would carry it. */
async function searchFixtures(who: Personas): Promise<SearchFixtures> {
  const saveOne = async () => {
    const saved = await call('POST', '/v1/me/saved-searches', {
      token: who.proA.token,
      json: { q: 'matrix' },
    });
    if (saved.status !== 201) throw new Error(`saved search: ${saved.status} ${JSON.stringify(saved.body)}`);
    return saved.body.id as string;
  };
  const [toDelete, toUnsubscribe] = await Promise.all([saveOne(), saveOne()]);
  const { doc, name } = table();
  const { Item } = await doc.send(
    new GetCommand({
      TableName: name,
      Key: savedSearchKeys.primary(who.proA.userId as string, toUnsubscribe),
    }),
  );
  return { toDelete, toUnsubscribe, token: Item?.unsubscribeToken as string };
}

/** A fresh professional, signed in with a profile, to fill seats and lines around the personas. */
async function attendee(): Promise<string> {
  const { token } = await newUser('matrix-attendee');
  await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: '参加者' } });
  return token;
}

async function eventFixtures(who: Personas): Promise<EventFixtures> {
  const staff = who.staffX.token as string;
  const personas = (['proA', 'proB', 'firmA', 'firmB'] as const).map((p) => who[p].token as string);
  const must = (answer: { status: number; body: unknown }, status: number, what: string) => {
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { id: string; code?: string };
  };
  const draft = async () =>
    must(await call('POST', '/v1/events', { token: staff, json: eventBody() }), 201, 'draft').id;
  const withPersonas = async () => {
    const event = await publishedEvent(staff, { venueCapacity: 10 });
    for (const token of personas) must(await signUp(token, event.id), 201, 'sign-up');
    return event.id as string;
  };
  // Four seats taken by others, the personas waiting 1…4; the others cancel one by one, so each persona in turn
  // is offered a seat (for 48 hours: longer than any other test moves the job's clock).
  const offering = async () => {
    const [event, fillers] = await Promise.all([
      publishedEvent(staff, { venueCapacity: 4 }),
      Promise.all(Array.from({ length: 4 }, attendee)),
    ]);
    for (const token of fillers) must(await signUp(token, event.id), 201, 'filler');
    for (const token of personas) must(await signUp(token, event.id), 201, 'waitlisted persona');
    for (const token of fillers)
      must(await call('DELETE', `/v1/events/${event.id}/registrations/me`, { token }), 200, 'filler leaves');
    for (const token of personas) {
      const mine = await myRegistration(token, event.id);
      if (mine?.status !== 'offered') throw new Error(`offer fixture: ${JSON.stringify(mine)}`);
    }
    return event.id as string;
  };
  // Check-in opens two hours before the start; it ends days later, past any other test's no-show sweep.
  const soon = async () => {
    const [event, filler] = await Promise.all([
      publishedEvent(staff, {
        startsAt: jst(hours(1)),
        endsAt: jst(hours(1) + days(3)),
        signupDeadline: jst(hours(0.5)),
      }),
      attendee(),
    ]);
    return {
      soon: event.id as string,
      code: must(await signUp(filler, event.id), 201, 'soon').code as string,
    };
  };
  // A lottery whose deadline is seconds away, drawn by running the job just past it.
  const drawn = async () => {
    const deadline = jst(30_000);
    const [event, filler] = await Promise.all([
      publishedEvent(staff, { selection: 'lottery', signupDeadline: deadline }),
      attendee(),
    ]);
    must(await signUp(filler, event.id), 201, 'entry');
    await advanceEvents(new Date(Date.parse(deadline) + 1_000));
    must(await call('GET', `/v1/events/${event.id}/draw`, { token: staff }), 200, 'draw');
    return event.id as string;
  };
  const [d, toEdit, toPublish, open, toCancel, registered, toLeave, offered, checkin, lottery] =
    await Promise.all([
      draft(),
      draft(),
      draft(),
      publishedEvent(staff),
      publishedEvent(staff),
      withPersonas(),
      withPersonas(),
      offering(),
      soon(),
      drawn(),
    ]);
  return {
    draft: d,
    toEdit,
    toPublish,
    toCancel: toCancel.id,
    open: open.id,
    registered,
    toLeave,
    offering: offered,
    ...checkin,
    drawn: lottery,
  };
}

/** A fresh professional with their address, to stand in teams around the personas. */
async function teamPerson(): Promise<{ token: string; email: string; userId: string }> {
  const { token, email } = await newUser('matrix-team');
  await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: 'チーム員' } });
  return {
    token,
    email,
    userId: JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub,
  };
}

const newTeam = async (token: string) => {
  const created = await call('POST', '/v1/teams', { token, json: { name: 'matrix' } });
  if (created.status !== 201) throw new Error(`team: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id as string;
};
const teamInvite = async (token: string, id: string, email: string) => {
  const invited = await call('POST', `/v1/teams/${id}/invitations`, { token, json: { email } });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
};
const teamJoin = async (token: string, id: string) => {
  const joined = await call('POST', `/v1/teams/${id}/join`, { token });
  if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
};

/** The director applies for a new project of the firm as the team; the firm accepts. */
async function teamEngagement(firm: string, director: string, teamId: string): Promise<string> {
  const { id } = await openProject(firm, { welcomesTeams: true });
  const applied = await call('POST', `/v1/projects/${id}/applications`, {
    token: director,
    json: { proposal: 'チームで', teamId },
  });
  const accepted = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
    token: firm,
    json: { decision: 'accept' },
  });
  if (!accepted.body.engagementId)
    throw new Error(`team accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.body.engagementId as string;
}

async function teamFixtures(who: Personas): Promise<TeamFixtures> {
  const [proA, proB] = [who.proA.token as string, who.proB.token as string];
  const emailOf = async (token: string) => (await call('GET', '/v1/me', { token })).body.email as string;
  const [emailA, emailB, other] = await Promise.all([emailOf(proA), emailOf(proB), teamPerson()]);
  const [invitedB, memberB, toJoin, toLeave] = await Promise.all([
    newTeam(proA),
    newTeam(proA),
    newTeam(other.token),
    newTeam(other.token),
  ]);
  await teamInvite(proA, invitedB, emailB);
  await teamInvite(proA, memberB, emailB);
  await teamJoin(proB, memberB);
  for (const id of [toJoin, toLeave]) {
    await teamInvite(other.token, id, emailA);
    await teamInvite(other.token, id, emailB);
  }
  await teamJoin(proA, toLeave);
  await teamJoin(proB, toLeave);
  const engagement = await teamEngagement(who.firmA.token as string, proA, memberB);
  return { invitedB, memberB, toJoin, toLeave, engagement };
}

describe('authorization matrix', () => {
  let who: Personas;
  let f: Fixtures;
  beforeAll(async () => {
    who = await personas();
    // The events' fixtures need only the personas: they are set up while the marketplace's are.
    const events = eventFixtures(who);
    events.catch(() => {}); // a failure is thrown where it is awaited, below, not as an unhandled rejection
    const teams = teamFixtures(who);
    teams.catch(() => {});
    const searches = searchFixtures(who);
    searches.catch(() => {});
    const admin = adminFixtures(who);
    admin.catch(() => {});
    const firmA = who.firmA.token as string;
    const draft = async () =>
      (await call('POST', '/v1/projects', { token: firmA, json: projectBody() })).body.id as string;
    const withApplication = (await openProject(firmA)).id;
    const toWithdraw = (await openProject(firmA)).id;
    const apply = async (project: string) =>
      (
        await call('POST', `/v1/projects/${project}/applications`, {
          token: who.proA.token,
          json: { proposal: 'A' },
        })
      ).body.id as string;
    await onboardPayouts(who.proA.token as string);
    const engagement = () => acceptedEngagement(firmA, who.proA.token as string);
    const paid = async () => {
      const id = await engagement();
      await payCheckout(firmA, id);
      await engagementIn(firmA, id, 'active');
      return id;
    };
    const [awaitingPayment, toPause, toResume, toCancel] = await Promise.all([
      engagement(),
      paid(),
      paid(),
      paid(),
    ]);
    await call('POST', `/v1/engagements/${toResume}/pause`, { token: firmA });
    const paidInvoice = await eventually(async () => {
      const months = await call('GET', `/v1/engagements/${toPause}/invoices`, { token: firmA });
      const month = months.body.items.find((m: { status: string }) => m.status === 'paid');
      const docs =
        month &&
        (await call('GET', `/v1/engagements/${toPause}/invoices/${month.invoiceId}/documents`, {
          token: firmA,
        }));
      if (docs?.status !== 200) throw new Error('no documents yet');
      return month.invoiceId as string;
    });
    const consideration = await call('POST', `/v1/engagements/${awaitingPayment}/consideration-requests`, {
      token: who.proA.token,
      json: { kind: 'care', request: '介護のため水曜は稼働できません' },
    });
    f = {
      consideration: consideration.body.id as string,
      events: await events,
      teams: await teams,
      searches: await searches,
      admin: await admin,
      awaitingPayment,
      toPause,
      toResume,
      toCancel,
      paidInvoice,
      draft: await draft(),
      toPublish: await draft(),
      toClose: (await openProject(firmA)).id,
      open: (await openProject(firmA)).id,
      withApplication,
      applicationA: await apply(withApplication),
      toWithdraw: await apply(toWithdraw),
    };
  }, 120_000);

  it('covers every route of the route table', () => {
    expect(Object.keys(matrix({} as Fixtures)).sort()).toEqual([...routeKeys].sort());
  });

  for (const key of Object.keys(matrix({} as Fixtures))) {
    it(`${key}: each caller gets what is theirs, nobody else's`, async () => {
      const c = matrix(f)[key] as Case;
      const method = key.split(' ')[0] as string;
      for (const persona of PERSONAS) {
        const token = who[persona].token;
        let json = c.json;
        // Shares name the personas by their ids.
        if (json === 'personas-shares')
          json = {
            shares: [
              { userId: who.proA.userId, percent: 60 },
              { userId: who.proB.userId, percent: 40 },
            ],
          };
        if (json === 'own-profile') {
          // Each caller re-sends their own profile: a PUT can only ever touch the caller's own item.
          const mine = token ? (await call('GET', '/v1/me', { token })).body : undefined;
          const { userId, email, regionCode, createdAt, updatedAt, ...profile } = mine ?? {
            role: 'professional',
            displayName: 'x',
          };
          json = profile;
        }
        const answer = await call(method, c.path, { token, json });
        expect(answer.status, `${key} as ${persona}`).toBe(c.expect[persona] ?? c.expect.others);
      }
    });
  }

  it('GET /v1/me gives each caller their own profile, never another’s', async () => {
    const seen = new Set<string>();
    for (const persona of PERSONAS.filter((p) => p !== 'anonymous')) {
      const me = await call('GET', '/v1/me', { token: who[persona].token });
      expect(me.body.userId, persona).toBe(who[persona].userId);
      seen.add(me.body.userId);
    }
    expect(seen.size).toBe(PERSONAS.length - 1);
  });

  it('lists only the caller’s own applications and projects', async () => {
    const mineA = (await call('GET', '/v1/me/applications', { token: who.proA.token })).body.items.map(
      (a: { id: string }) => a.id,
    );
    const mineB = (await call('GET', '/v1/me/applications', { token: who.proB.token })).body.items.map(
      (a: { id: string }) => a.id,
    );
    expect(mineA).toContain(f.applicationA);
    expect(mineB).not.toContain(f.applicationA);
    const firmB = (await call('GET', '/v1/me/projects', { token: who.firmB.token })).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect(firmB).not.toContain(f.draft);
    // Firm B cannot read firm A's applicants, and a professional cannot read another's application through the project.
    expect(
      (await call('GET', `/v1/projects/${f.withApplication}/applications`, { token: who.firmB.token }))
        .status,
    ).toBe(404);
  });

  it('shows a published event and its calendar to everyone, a draft’s calendar to nobody', async () => {
    for (const persona of PERSONAS) {
      const token = who[persona].token;
      expect((await call('GET', `/v1/events/${f.events.registered}`, { token })).status, persona).toBe(200);
      expect(
        (await call('GET', `/v1/events/${f.events.draft}/calendar.ics`, { token })).status,
        persona,
      ).toBe(404);
    }
  });

  it('lets staff of the Amami group run events in Amami only, and see only their own region’s events', async () => {
    const amami = eventBody({ municipalityCode: '46222', venueName: 'アマホームPLAZA 中多目的室' });
    expect((await call('POST', '/v1/events', { token: who.staffX.token, json: amami })).status).toBe(403);
    const created = await call('POST', '/v1/events', { token: who.staffY.token, json: amami });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', municipalityCode: '46222', regionCode: 'amami' });
    const idsOf = async (token?: string) =>
      (await everyPage(token ?? '', '/v1/me/events')).items.map((e: { id: string }) => e.id);
    const mineY = await idsOf(who.staffY.token);
    expect(mineY).toContain(created.body.id);
    expect(mineY).not.toContain(f.events.draft);
    const mineX = await idsOf(who.staffX.token);
    expect(mineX).toContain(f.events.draft);
    expect(mineX).not.toContain(created.body.id);
    // Staff Y's refused edit changed nothing of staff X's draft.
    const edited = await call('GET', `/v1/events/${f.events.toEdit}`, { token: who.staffX.token });
    expect(edited.body.venueCapacity).toBe(30);
  });

  it('answers an unknown check-in code with 404 to the event’s staff, 403 to another region’s', async () => {
    const json = { code: 'ZZZZZZZZ' };
    const path = `/v1/events/${f.events.soon}/checkins`;
    expect((await call('POST', path, { token: who.staffX.token, json })).status).toBe(404);
    expect((await call('POST', path, { token: who.staffY.token, json })).status).toBe(403);
  });

  it('tells a person who is not signed up that there is nothing of theirs to cancel, claim or download', async () => {
    const event = await publishedEvent(who.staffX.token as string);
    for (const persona of ['proA', 'proB', 'firmA', 'firmB'] as const) {
      const token = who[persona].token;
      for (const [method, path] of [
        ['DELETE', `/v1/events/${event.id}/registrations/me`],
        ['POST', `/v1/events/${event.id}/registrations/me/claim`],
        ['GET', `/v1/events/${event.id}/registrations/me/calendar.ics`],
      ] as const)
        expect((await call(method, path, { token })).status, `${method} ${path} as ${persona}`).toBe(404);
    }
    // Each person's list holds their own registrations only.
    const staffList = await call('GET', `/v1/events/${f.events.registered}/registrations`, {
      token: who.staffX.token,
    });
    const ofEvent = new Map(
      staffList.body.items.map((r: { userId: string; id: string }) => [r.userId, r.id] as const),
    );
    for (const persona of ['proA', 'proB', 'firmA', 'firmB'] as const) {
      const mine = await call('GET', '/v1/me/registrations?limit=100', { token: who[persona].token });
      const ids = mine.body.items.map((r: { id: string }) => r.id);
      expect(ids, persona).toContain(ofEvent.get(who[persona].userId));
      for (const [userId, id] of ofEvent) if (userId !== who[persona].userId) expect(ids).not.toContain(id);
    }
  });

  it('teams: the director, a member, an invited person and a stranger each get what is theirs; a firm nothing', async () => {
    const [director, member, invited, stranger] = await Promise.all([
      teamPerson(),
      teamPerson(),
      teamPerson(),
      teamPerson(),
    ]);
    // One team per route, the same people standing in each the same way.
    const ids = await Promise.all([1, 2, 3, 4].map(() => newTeam(director.token)));
    for (const id of ids) {
      await teamInvite(director.token, id, member.email);
      await teamJoin(member.token, id);
      await teamInvite(director.token, id, invited.email);
    }
    const [get, invite, join, leave] = ids as [string, string, string, string];
    const firm = who.firmA.token as string;
    // The team `get` takes firm A's work: its parties see it, only its director sets the shares.
    const engagement = await teamEngagement(firm, director.token, get);
    const cases: [
      string,
      string,
      unknown,
      Record<'stranger' | 'firm' | 'invited' | 'member' | 'director', number>,
    ][] = [
      [
        'GET',
        `/v1/teams/${get}`,
        undefined,
        { stranger: 404, firm: 403, invited: 200, member: 200, director: 200 },
      ],
      [
        'GET',
        `/v1/engagements/${engagement}`,
        undefined,
        { stranger: 404, firm: 200, invited: 404, member: 200, director: 200 },
      ],
      [
        'GET',
        `/v1/engagements/${engagement}/invoices`,
        undefined,
        { stranger: 404, firm: 200, invited: 404, member: 200, director: 200 },
      ],
      [
        'PUT',
        `/v1/engagements/${engagement}/shares`,
        {
          shares: [
            { userId: director.userId, percent: 70 },
            { userId: member.userId, percent: 30 },
          ],
        },
        { stranger: 404, firm: 403, invited: 404, member: 403, director: 200 },
      ],
      [
        'POST',
        `/v1/teams/${invite}/invitations`,
        { email: 'matrix-team-2@test.kakehashi.jp' },
        { stranger: 404, firm: 403, invited: 403, member: 403, director: 201 },
      ],
      [
        'POST',
        `/v1/teams/${join}/join`,
        undefined,
        { stranger: 404, firm: 403, member: 200, director: 200, invited: 200 },
      ],
      [
        'POST',
        `/v1/teams/${leave}/leave`,
        undefined,
        { stranger: 404, firm: 403, invited: 404, director: 409, member: 200 },
      ],
    ];
    const tokens = {
      stranger: stranger.token,
      firm,
      invited: invited.token,
      member: member.token,
      director: director.token,
    };
    for (const [method, path, json, expected] of cases) {
      for (const [caller, status] of Object.entries(expected)) {
        const answer = await call(method, path, { token: tokens[caller as keyof typeof tokens], json });
        expect(answer.status, `${method} ${path} as ${caller}`).toBe(status);
      }
    }
    // Each list holds the caller's own teams only, each with how they stand in it.
    const listOf = async (token: string) =>
      new Map(
        (await call('GET', '/v1/me/teams', { token })).body.items.map(
          (t: { id: string; yourRole: string }) => [t.id, t.yourRole] as const,
        ),
      );
    expect((await listOf(director.token)).get(get)).toBe('director');
    expect((await listOf(member.token)).get(get)).toBe('member');
    expect((await listOf(invited.token)).get(get)).toBe('invited');
    expect((await listOf(stranger.token)).has(get)).toBe(false);
    expect((await call('GET', '/v1/me/teams', { token: firm })).status).toBe(403);
  });

  it('staff of one region are tied to their own region only', async () => {
    expect((await call('GET', '/v1/me', { token: who.staffX.token })).body.regionCode).toBe('31');
    expect((await call('GET', '/v1/me', { token: who.staffY.token })).body.regionCode).toBe('amami');
    // A staff member cannot move themselves to another region through their profile.
    const moved = await call('PUT', '/v1/me', {
      token: who.staffX.token,
      json: { role: 'region_staff', displayName: 'x', regionCode: 'amami' },
    });
    expect(moved.status).toBe(400);
    expect((await call('GET', '/v1/me', { token: who.staffX.token })).body.regionCode).toBe('31');
  });
});
