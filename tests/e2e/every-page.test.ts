import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { savedSearchKeys } from '#shared/searches/saved-search.entity.ts';
import { call, DEMO_PASSWORD, newUser, signIn, table } from '../support/api.ts';
import { advanceEvents, jst, publishedEvent, signUp } from '../support/events.ts';
import { newProfessional } from '../support/teams.ts';
import { expectAccessible, signedIn as signInPage, type Watched, watchedBrowser } from './browser.ts';

/**
 * The accessibility sweep: every page of the web app (every `<Route>` of web/src/App.tsx, a guard test keeps the
 * table complete) opened by someone who may see it, with real demo data in its parameters, passes axe in
 * Japanese and then in English. One browser context per persona, signed in once through the sign-in page; the
 * language is switched once with the header's button. Desktop only: the phone layouts have their own tests.
 */
const { url } = inject('cloud');
const FRESH_PASSWORD = 'test-password-1';

/** Who opens a page. `anonymous` is not signed in; every other persona signs in once. */
type Persona =
  | 'anonymous'
  | 'newcomer'
  | 'professional'
  | 'paidProfessional'
  | 'searcher'
  | 'firm'
  | 'director'
  | 'staff'
  | 'operator';

const ACCOUNTS: Record<
  Exclude<Persona, 'anonymous'>,
  { email: () => string; password: string; is: string }
> = {
  newcomer: { email: () => fresh.newcomer, password: FRESH_PASSWORD, is: 'a new account, no profile yet' },
  professional: { email: () => 'pro@demo.kakehashi.jp', password: DEMO_PASSWORD, is: '佐藤 美咲 (demo)' },
  paidProfessional: {
    email: () => 'pro2@demo.kakehashi.jp',
    password: DEMO_PASSWORD,
    is: '高橋 健太 (demo): the running retainer with the Yurihama firm, paid months',
  },
  searcher: {
    email: () => fresh.searcher,
    password: FRESH_PASSWORD,
    is: 'a fresh professional with one saved search (the demo has none)',
  },
  firm: { email: () => 'firm@demo.kakehashi.jp', password: DEMO_PASSWORD, is: '株式会社ゆりはま梨園 (demo)' },
  director: {
    email: () => 'minowa-director@demo.kakehashi.jp',
    password: DEMO_PASSWORD,
    is: 'the director of the 箕輪クラウドチーム (demo)',
  },
  staff: {
    email: () => 'staff@demo.kakehashi.jp',
    password: DEMO_PASSWORD,
    is: 'Tottori prefecture staff (demo)',
  },
  operator: { email: () => 'operator@demo.kakehashi.jp', password: DEMO_PASSWORD, is: 'the operator (demo)' },
};

/** What the routes' parameters are filled with: read from the demo data, or made in beforeAll. */
type Ids = {
  /** An open demo project of the Yurihama firm, with applicants. */
  project: string;
  /** The running demo retainer between the Yurihama firm and 高橋 健太. */
  engagement: string;
  /** The first paid month of that retainer (its documents issued at payment). */
  invoice: string;
  /** The 箕輪クラウドチーム. */
  team: string;
  /** A published demo event (the Yurihama tour, a lottery not drawn yet). */
  event: string;
  /** A lottery of Tottori's staff made here, with two entries, drawn. */
  drawn: string;
  /** The searcher's saved search and its unsubscribe token (as the digest's link has it). */
  search: { id: string; token: string };
};

type Visit = {
  as: Persona;
  /** The address, with the route's parameters filled. */
  to: (ids: Ids) => string;
  /** Responses that are part of the page (e.g. the API's 404 on a page that is not found). */
  failures?: (ids: Ids) => [url: string, status: number][];
  /** Text the page shows once it has loaded what it is about, in each language. */
  shows?: { ja: string | RegExp; en: string | RegExp };
  /**
   * A page whose violations are known and being fixed in files another change owns: still opened and checked,
   * its violations reported as a warning instead of failing the sweep. Remove the mark once it passes.
   */
  knownIssues?: string;
};

/** Every route of web/src/App.tsx (`/` is the index route) and who opens it. */
const ROUTES: Record<string, Visit[]> = {
  '/': [
    { as: 'anonymous', to: () => '/' },
    { as: 'professional', to: () => '/' }, // a professional's home page adds recommendations
  ],
  signin: [{ as: 'anonymous', to: () => '/signin' }],
  signup: [{ as: 'anonymous', to: () => '/signup' }],
  onboarding: [{ as: 'newcomer', to: () => '/onboarding' }],
  me: [
    { as: 'professional', to: () => '/me' },
    { as: 'firm', to: () => '/me' },
  ],
  admin: [{ as: 'operator', to: () => '/admin' }],
  'admin/staff': [{ as: 'operator', to: () => '/admin/staff' }],
  'admin/postings': [{ as: 'operator', to: () => '/admin/postings' }],
  'admin/accounts': [{ as: 'operator', to: () => '/admin/accounts' }],
  'admin/audit': [{ as: 'operator', to: () => '/admin/audit' }],
  'admin/fees': [{ as: 'operator', to: () => '/admin/fees' }],
  'admin/mail': [{ as: 'operator', to: () => '/admin/mail' }],
  projects: [{ as: 'anonymous', to: () => '/projects' }],
  'projects/:id': [
    { as: 'anonymous', to: (ids) => `/projects/${ids.project}` },
    { as: 'operator', to: (ids) => `/projects/${ids.project}` }, // with the operators' moderation panel
  ],
  'my/applications': [{ as: 'professional', to: () => '/my/applications' }],
  'my/projects': [{ as: 'firm', to: () => '/my/projects' }],
  'my/projects/new': [{ as: 'firm', to: () => '/my/projects/new' }],
  'my/projects/:id/edit': [{ as: 'firm', to: (ids) => `/my/projects/${ids.project}/edit` }],
  'my/projects/:id/applicants': [{ as: 'firm', to: (ids) => `/my/projects/${ids.project}/applicants` }],
  engagements: [{ as: 'firm', to: () => '/engagements' }],
  'engagements/:id': [
    { as: 'firm', to: (ids) => `/engagements/${ids.engagement}` },
    { as: 'paidProfessional', to: (ids) => `/engagements/${ids.engagement}` },
  ],
  'engagements/:id/terms': [{ as: 'paidProfessional', to: (ids) => `/engagements/${ids.engagement}/terms` }],
  'engagements/:id/terms/:version': [{ as: 'firm', to: (ids) => `/engagements/${ids.engagement}/terms/1` }],
  'engagements/:id/invoices/:invoiceId/:kind': [
    {
      as: 'firm',
      to: (ids) => `/engagements/${ids.engagement}/invoices/${ids.invoice}/fee`,
      shows: { ja: '適格請求書の対象', en: 'Qualified invoice' },
    },
    {
      as: 'paidProfessional',
      to: (ids) => `/engagements/${ids.engagement}/invoices/${ids.invoice}/platform_fee`,
      shows: { ja: 'プラットフォーム利用料', en: 'Consumption tax' },
    },
  ],
  payouts: [{ as: 'paidProfessional', to: () => '/payouts' }],
  earnings: [{ as: 'paidProfessional', to: () => '/earnings' }],
  teams: [{ as: 'director', to: () => '/teams' }],
  'teams/:id': [{ as: 'director', to: (ids) => `/teams/${ids.team}` }],
  'saved-searches': [{ as: 'searcher', to: () => '/saved-searches' }],
  unsubscribe: [
    {
      as: 'anonymous',
      to: (ids) => `/unsubscribe?${new URLSearchParams({ search: ids.search.id, token: ids.search.token })}`,
    },
  ],
  recommendations: [{ as: 'professional', to: () => '/recommendations' }],
  events: [{ as: 'anonymous', to: () => '/events' }],
  'events/:id': [{ as: 'anonymous', to: (ids) => `/events/${ids.event}` }],
  'me/registrations': [{ as: 'professional', to: () => '/me/registrations' }],
  'staff/events': [{ as: 'staff', to: () => '/staff/events' }],
  'staff/events/new': [{ as: 'staff', to: () => '/staff/events/new' }],
  'staff/events/:id/edit': [{ as: 'staff', to: (ids) => `/staff/events/${ids.event}/edit` }],
  'staff/events/:id/registrations': [
    { as: 'staff', to: (ids) => `/staff/events/${ids.drawn}/registrations` },
  ],
  'staff/events/:id/checkin': [{ as: 'staff', to: (ids) => `/staff/events/${ids.drawn}/checkin` }],
  'staff/events/:id/draw': [{ as: 'staff', to: (ids) => `/staff/events/${ids.drawn}/draw` }],
  'regions/relationship-population': [{ as: 'staff', to: () => '/regions/relationship-population' }],
  'dev/mailbox': [{ as: 'anonymous', to: () => '/dev/mailbox' }],
  'docs/api': [{ as: 'anonymous', to: () => '/docs/api' }],
  '*': [{ as: 'anonymous', to: () => '/no-such-page' }],
};

const ids = {} as Ids;
const fresh = { newcomer: '', searcher: '' };
const openWatched = watchedBrowser();

const signedIn = (watched: Watched, as: Exclude<Persona, 'anonymous'>, path: string) =>
  signInPage(watched, ACCOUNTS[as].email(), path, ACCOUNTS[as].password);

/** Loaded: the page's h1 is shown, no spinner or busy region is left in the main content. */
async function loaded(page: Page, visit: Visit, language: 'ja' | 'en') {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await expect.poll(() => page.locator('main .mantine-Loader-root').count()).toBe(0);
  await expect.poll(() => page.locator('main [aria-busy="true"]').count()).toBe(0);
  if (visit.shows) await page.getByRole('main').getByText(visit.shows[language]).first().waitFor();
}

beforeAll(async () => {
  const firm = await signIn('firm@demo.kakehashi.jp');
  const mine = await call('GET', '/v1/me/projects', { token: firm });
  const project = mine.body.items.find(
    (p: { status: string; applicantCount: number }) => p.status === 'open' && p.applicantCount > 0,
  );
  ids.project = project.id;
  const engagements = await call('GET', '/v1/engagements', { token: firm });
  ids.engagement = engagements.body.items.find(
    (e: { professional: { displayName: string } }) => e.professional.displayName === '高橋 健太',
  ).id;
  const months = await call('GET', `/v1/engagements/${ids.engagement}/invoices`, { token: firm });
  ids.invoice = months.body.items.find((m: { status: string }) => m.status === 'paid').invoiceId;

  const director = await signIn('minowa-director@demo.kakehashi.jp');
  ids.team = (await call('GET', '/v1/me/teams', { token: director })).body.items[0].id;

  const staff = await signIn('staff@demo.kakehashi.jp');
  const staffEvents = await call('GET', '/v1/me/events', { token: staff });
  ids.event = staffEvents.body.items.find(
    (e: { status: string; selection: string }) => e.status === 'published' && e.selection === 'lottery',
  ).id;
  // A lottery whose deadline is a minute away, two entries, drawn by running the job just past it.
  const deadline = jst(60_000);
  const lottery = await publishedEvent(staff, {
    title: `湯梨浜 移住相談会（抽選） ${randomUUID().slice(0, 6)}`,
    selection: 'lottery',
    venueCapacity: 1,
    signupDeadline: deadline,
  });
  ids.drawn = lottery.id;
  for (const name of ['抽選 一郎', '抽選 花子']) {
    const entrant = await newProfessional(name);
    expect((await signUp(entrant.token, lottery.id)).status).toBe(201);
  }
  await advanceEvents(new Date(Date.parse(deadline) + 1_000));
  expect((await call('GET', `/v1/events/${lottery.id}/draw`, { token: staff })).status).toBe(200);

  const searcher = await newUser('sweep-searcher');
  fresh.searcher = searcher.email;
  await call('PUT', '/v1/me', {
    token: searcher.token,
    json: { role: 'professional', displayName: '検索 太郎' },
  });
  // Two saved searches: one stays mailed in the searcher's list, the other is unsubscribed from its link.
  const save = (json: Record<string, unknown>) =>
    call('POST', '/v1/me/saved-searches', { token: searcher.token, json });
  expect((await save({ name: '鳥取のEC', prefecture: '31', skill: 'ec' })).status).toBe(201);
  const toStop = await save({ q: '梨', remote: 'full' });
  expect(toStop.status).toBe(201);
  const searcherId = JSON.parse(
    Buffer.from(searcher.token.split('.')[1] as string, 'base64url').toString(),
  ).sub;
  const { doc, name } = table();
  const { Item } = await doc.send(
    new GetCommand({ TableName: name, Key: savedSearchKeys.primary(searcherId, toStop.body.id) }),
  );
  ids.search = { id: toStop.body.id, token: Item?.unsubscribeToken as string };

  fresh.newcomer = (await newUser('sweep-newcomer')).email;
});

describe('every page passes axe in Japanese and English', () => {
  test('every route of the web app is in the sweep', () => {
    const app = readFileSync(new URL('../../web/src/App.tsx', import.meta.url), 'utf8');
    const paths = [...app.matchAll(/<Route\b[^>]*?\bpath="([^"]+)"/g)].map((m) => m[1] as string);
    if (/<Route\s+index\b/.test(app)) paths.unshift('/');
    expect(Object.keys(ROUTES).sort(), 'routes of web/src/App.tsx missing from (or stale in) ROUTES').toEqual(
      [...new Set(paths)].sort(),
    );
    for (const [route, visits] of Object.entries(ROUTES)) expect(visits.length, route).toBeGreaterThan(0);
  });

  const personas = [...new Set(Object.values(ROUTES).flatMap((visits) => visits.map((v) => v.as)))];
  for (const persona of personas) {
    const visits = Object.entries(ROUTES).flatMap(([route, vs]) =>
      vs.filter((v) => v.as === persona).map((visit) => ({ route, visit })),
    );
    const who = persona === 'anonymous' ? 'a visitor not signed in' : ACCOUNTS[persona].is;
    test(
      `${persona} (${who}): ${visits.map((v) => v.route).join(', ')}`,
      async ({ annotate }) => {
        const watched = await openWatched();
        for (const { visit } of visits)
          for (const [failing, status] of visit.failures?.(ids) ?? []) watched.expectFailure(failing, status);
        const { page } = watched;
        const first = visits[0]?.visit.to(ids) ?? '/';
        if (persona !== 'anonymous') await signedIn(watched, persona, first);
        const failed: string[] = [];
        for (const language of ['ja', 'en'] as const) {
          if (language === 'en') {
            await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
            await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
          }
          for (const { route, visit } of visits) {
            const address = visit.to(ids);
            await page.goto(`${url}${address}`);
            await loaded(page, visit, language);
            expect(await page.locator('html').getAttribute('lang'), address).toBe(language);
            const label = `${route} (${address}) as ${persona} in ${language}`;
            try {
              await expectAccessible(page, label);
            } catch (error) {
              const message = (error as Error).message;
              if (!visit.knownIssues) failed.push(message);
              else await annotate(`known, not failed (${visit.knownIssues}): ${message}`, 'warning');
            }
          }
        }
        expect(failed, failed.join('\n\n')).toEqual([]);
      },
      60_000 + visits.length * 2 * 15_000,
    );
  }
});
