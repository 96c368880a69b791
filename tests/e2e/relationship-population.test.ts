import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { METRICS_TABLES, type RelationshipPopulationOut } from '#shared/metrics/contract.ts';
import { webContentSecurityPolicy } from '../../infra/web-csp.ts';
import { call, DEMO_PASSWORD, newUser, signIn } from '../support/api.ts';
import { expectAccessible, PHONE, screenshot, seen, type Watched, watchedBrowser } from './browser.ts';

/**
 * The relationship population page (関係人口, issue 10) in Debian's Chromium against the whole local cloud:
 * Tottori's prefecture staff read their prefecture's figures, then Yurihama's, in Japanese and in English, on
 * a desktop and a phone; download a table as CSV; print the summary. The demo history is someone else's to
 * write, so no figure is asserted as such: the page must show what the API answers for the same region and
 * period, with the same token.
 */
const { url, cognitoEndpoint } = inject('cloud');
const STAFF = 'staff@demo.kakehashi.jp';
const PATH = '/regions/relationship-population';
const openWatched = watchedBrowser();

/**
 * The web app's Content-Security-Policy as the local gateway sends it: CloudFront's (infra/web-csp.ts), with
 * cognito-local where it names Cognito and without upgrade-insecure-requests (the local cloud is plain http).
 * A violation on any watched page fails its test (tests/e2e/browser.ts).
 */
const CSP = webContentSecurityPolicy({ cognitoOrigin: new URL(cognitoEndpoint).origin, https: false });

async function signedIn(watched: Watched, path: string): Promise<Page> {
  const { page } = watched;
  const response = await page.goto(`${url}/signin?next=${encodeURIComponent(path)}`);
  expect(response?.headers()['content-security-policy']).toBe(CSP);
  await page.getByLabel('メールアドレス').fill(STAFF);
  await page.getByRole('textbox', { name: 'パスワード' }).fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path.split('?')[0]);
  return page;
}

/** What the API answers the staff member for a region and the period the page's pickers show. */
async function apiFigures(page: Page, region: string, lang: 'ja' | 'en'): Promise<RelationshipPopulationOut> {
  const from = await page.getByLabel(lang === 'ja' ? '開始月' : 'From', { exact: true }).inputValue();
  const to = await page.getByLabel(lang === 'ja' ? '終了月' : 'To', { exact: true }).inputValue();
  expect(from).toMatch(/^\d{4}-\d{2}$/);
  const answer = await call<RelationshipPopulationOut>(
    'GET',
    `/v1/regions/${region}/relationship-population?from=${from}&to=${to}`,
    { token: await signIn(STAFF) },
  );
  expect(answer.status).toBe(200);
  return answer.body;
}

/** This month in Japan, and the 12 months ending with it: the page's default period. */
function defaultPeriod(): { from: string; to: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric' })
      .formatToParts(new Date())
      .map((p) => [p.type, Number(p.value)]),
  );
  const index = (parts.year as number) * 12 + (parts.month as number) - 1;
  const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  return { from: month(index - 11), to: month(index) };
}

/**
 * Waits until the API's figures for a region stop changing: the local cloud feeds the demo history through
 * the stream after it starts, so the figures grow for a while. Three equal answers a second apart will do.
 */
async function settled(region: string, timeoutMs = 60_000): Promise<void> {
  const { from, to } = defaultPeriod();
  const token = await signIn(STAFF);
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let same = 0;
  for (;;) {
    const answer = await call('GET', `/v1/regions/${region}/relationship-population?from=${from}&to=${to}`, {
      token,
    });
    expect(answer.status).toBe(200);
    const body = JSON.stringify(answer.body);
    same = body === last ? same + 1 : 0;
    last = body;
    if (same >= 2) return;
    if (Date.now() > deadline) throw new Error(`the figures of ${region} kept changing for ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .figure-value`);

/** The page shows the API's headline figures, types, funnel and tables, formatted in the page's language. */
async function expectSameFigures(page: Page, api: RelationshipPopulationOut, lang: 'ja' | 'en') {
  const number = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB');
  const yen = `¥${new Intl.NumberFormat('ja-JP').format(api.feesPaidJpy)}`;
  await expect
    .poll(() => seen(figure(page, 'relationshipPeople')))
    .toBe(number.format(api.relationshipPeople));
  expect(await seen(figure(page, 'activeRelationshipPeople'))).toBe(
    number.format(api.activeRelationshipPeople),
  );
  expect(await seen(figure(page, 'homeUnknown'))).toBe(number.format(api.homeUnknown));
  expect(await seen(figure(page, 'matches'))).toBe(number.format(api.matches));
  expect(await seen(figure(page, 'postings'))).toBe(number.format(api.postings));
  expect(await seen(figure(page, 'feesPaidJpy'))).toBe(yen);
  const funnel = page.locator('[data-step="tourAttendees"] strong');
  expect(await seen(funnel)).toContain(number.format(api.funnel.tourAttendees));
  // The tables: one row per cell the API answers, "X" in each hidden one.
  for (const [table, cells] of [
    ['byHomePrefecture', api.byHomePrefecture],
    ['bySkill', api.bySkill],
  ] as const) {
    const rows = page.locator(`section[data-table="${table}"] tbody tr`);
    expect(await rows.count()).toBe(cells.length);
    const hidden = page.locator(`section[data-table="${table}"] tbody tr[data-suppressed]`);
    expect(await hidden.count()).toBe(cells.filter((c) => c.suppressed).length);
    for (const row of await hidden.all()) expect(await seen(row.locator('td'))).toContain('X');
  }
}

/** The charts drew: a line per series in the monthly chart, the four MLIT types as bars. */
async function expectCharts(page: Page, types: string[]) {
  const monthly = page.locator('section[data-table="monthly"] .metrics-chart');
  await monthly.locator('svg.recharts-surface').waitFor();
  await expect.poll(() => monthly.locator('.recharts-line').count()).toBe(2);
  const bars = page.locator('section[data-table="byType"] .metrics-chart');
  await bars.locator('svg.recharts-surface').waitFor();
  // Recharts wraps a long tick label in lines of its own: compare without the breaks.
  const ticks = (await seen(bars)).replace(/\s+/g, '');
  for (const type of types) expect(ticks).toContain(type.replace(/\s+/g, ''));
}

describe('the relationship population page', () => {
  test('prefecture staff read Tottori and Yurihama in Japanese, download a CSV and print the summary', async () => {
    await settled('31');
    const watched = await openWatched();
    const page = await signedIn(watched, PATH);
    // The menu leads here for staff.
    await expect
      .poll(() =>
        page.getByRole('banner').getByRole('link', { name: '関係人口' }).getAttribute('aria-current'),
      )
      .toBe('page');
    await page.getByRole('heading', { level: 1, name: '関係人口' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '鳥取県の関係人口' }).waitFor();
    // The default period: the 12 months ending this month (in Japan).
    const api = await apiFigures(page, '31', 'ja');
    expect(api.region).toMatchObject({ code: '31', kind: 'prefecture' });
    expect({ from: api.from, to: api.to }).toEqual(defaultPeriod());
    expect(api.monthly).toHaveLength(12);
    await expectSameFigures(page, api, 'ja');
    await expectCharts(page, ['就労型（テレワーク）', '就労型（現地就労）', '参加・交流型', '非訪問型']);
    expect(await seen(page.getByRole('main'))).toContain('「X」は秘匿です');
    // Every table of the contract has its section and its CSV button.
    for (const table of METRICS_TABLES)
      expect(
        await page.locator(`section[data-table="${table}"]`).getByRole('button', { name: /CSV/ }).count(),
      ).toBe(1);
    await expectAccessible(page, 'the relationship population page (Tottori, Japanese)');
    await screenshot(page, 'relationship-population-ja');

    // Only the prefecture, its groups and its municipalities are offered.
    const region = page.getByLabel('地域', { exact: true });
    const offered = await region
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered[0]).toBe('31');
    expect(offered).toContain('31370');
    expect(offered.every((code) => code === '31' || code.startsWith('31') || !/^\d+$/.test(code))).toBe(true);

    // Yurihama (湯梨浜町), a municipality of Tottori.
    await region.selectOption('31370');
    await page.getByRole('heading', { level: 2, name: '鳥取県 湯梨浜町の関係人口' }).waitFor();
    expect(new URL(page.url()).searchParams.get('region')).toBe('31370');
    const yurihama = await apiFigures(page, '31370', 'ja');
    expect(yurihama.region).toMatchObject({ code: '31370', kind: 'municipality' });
    await expectSameFigures(page, yurihama, 'ja');
    await expectCharts(page, ['就労型（テレワーク）', '非訪問型']);
    await expectAccessible(page, 'the relationship population page (Yurihama, Japanese)');
    await screenshot(page, 'relationship-population-yurihama-ja');

    // A table as the API's CSV, fetched with the token and saved under the API's name.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^CSV\s*：居住地（都道府県）別$/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `kakehashi-31370-byHomePrefecture-${yurihama.from}-${yurihama.to}.csv`,
    );
    const csv = readFileSync((await file.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('都道府県コード code,居住地 home prefecture,prefecture,人数 people');
    expect(lines).toHaveLength(yurihama.byHomePrefecture.length + 1);

    // The summary prints alone: the period and the headline figures, without pickers, charts or tables.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '概要を印刷' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const summary = page.locator('.print-summary');
    await summary.waitFor();
    expect(await page.locator('.metrics-report').isVisible()).toBe(false);
    expect(await page.getByLabel('地域', { exact: true }).isVisible()).toBe(false);
    const printed = await seen(summary);
    expect(printed).toContain('鳥取県 湯梨浜町 関係人口の概要');
    expect(printed).toContain(
      `関係人口\t${new Intl.NumberFormat('ja-JP').format(yurihama.relationshipPeople)}人`,
    );
    await screenshot(page, 'relationship-population-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('in English on a phone, the page reads in English, stays accessible, and a too-long period is refused', async () => {
    const watched = await openWatched({ viewport: PHONE });
    const page = await signedIn(watched, PATH);
    await page.getByRole('heading', { level: 2, name: '鳥取県の関係人口' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Relationship population' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Relationship population of Tottori' }).waitFor();
    const api = await apiFigures(page, '31', 'en');
    await expectSameFigures(page, api, 'en');
    await expectCharts(page, [
      'Work (telework)',
      'Work (on site)',
      'Participation and exchange',
      'Non-visiting',
    ]);
    const main = await seen(page.getByRole('main'));
    for (const text of [
      'Key figures',
      'Month by month',
      'From tour to work',
      'By home prefecture',
      'By skill',
    ])
      expect(main).toContain(text);
    // The page fits the phone: nothing but the tables' own scrolling boxes is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'the relationship population page (English, phone)');
    await screenshot(page, 'relationship-population-en-phone');

    // Yurihama in English.
    await page.getByLabel('Region', { exact: true }).selectOption('31370');
    await page
      .getByRole('heading', { level: 2, name: 'Relationship population of Yurihama-cho, Tottori' })
      .waitFor();
    await expectSameFigures(page, await apiFigures(page, '31370', 'en'), 'en');

    // 37 months is more than the API answers: the page says so and asks for nothing. (The page keeps its own
    // copy of the limit: the rules module it lives in carries the whole regions table.)
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const [y, m] = to.split('-').map(Number) as [number, number];
    const back = (y * 12 + m - 1 - 36) as number;
    const from = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}`;
    await page.getByLabel('From', { exact: true }).selectOption(from);
    await page.getByText('A period is at most 36 months.').waitFor();
    expect(await page.locator('[data-figure]').count()).toBe(0);
    await expectAccessible(page, 'the relationship population page with a too-long period');
    await page.getByRole('button', { name: 'Last 12 months' }).click();
    await page.locator('[data-figure="relationshipPeople"]').waitFor();
  });

  test('a professional gives their home municipality in the profile form, among their home prefecture’s', async () => {
    // Where people live decides whether they count for a region ("outside it"): the profile keeps it.
    const user = await newUser('home');
    await call('PUT', '/v1/me', {
      token: user.token,
      json: { role: 'professional', displayName: '川口 真司', homePrefectureCode: '13' },
    });
    // Under the production CSP too: the app sets z.config({ jitless: true }), so zod never probes `new Function`.
    const { page } = await openWatched();
    await page.goto(`${url}/signin?next=${encodeURIComponent('/me')}`);
    await page.getByLabel('メールアドレス').fill(user.email);
    await page.getByRole('textbox', { name: 'パスワード' }).fill('test-password-1');
    await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { level: 1, name: 'プロフィール' }).waitFor();
    await page.getByRole('button', { name: '編集する' }).click();
    const home = page.getByLabel('居住地（市区町村）');
    // The municipalities of the home prefecture (Tokyo) are offered; a change of prefecture clears the choice.
    await expect.poll(() => home.locator('option').count()).toBeGreaterThan(50);
    await home.selectOption({ label: '千代田区' });
    await page.getByLabel('居住地（都道府県）').selectOption('31');
    await expect.poll(() => home.inputValue()).toBe('');
    await home.selectOption({ label: '湯梨浜町' });
    await expectAccessible(page, 'the profile form with a home municipality');
    await screenshot(page, 'relationship-population-profile-home');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('プロフィールを保存しました。').waitFor();
    await expect.poll(() => seen(page.locator('dl.fields'))).toContain('鳥取県 湯梨浜町');
    const me = await call('GET', '/v1/me', { token: user.token });
    expect(me.body).toMatchObject({ homePrefectureCode: '31', homeMunicipalityCode: '31370' });
  });

  test('an operator picks any prefecture, then a wide-area group in it; the menu still fits one line', async () => {
    const { page } = await openWatched({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${url}/signin?next=${encodeURIComponent(PATH)}`);
    await page.getByLabel('メールアドレス').fill('operator@demo.kakehashi.jp');
    await page.getByRole('textbox', { name: 'パスワード' }).fill(DEMO_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { level: 1, name: '関係人口' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Choose the region whose figures you want to see.').waitFor();
    // The widest menu there is (an operator's, in English, locally) stays on the header's one line.
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await nav.getByRole('link', { name: 'Relationship population' }).waitFor();
    const fits = await nav.evaluate((el) => {
      const list = el.querySelector('ul') as HTMLElement;
      const header = document.querySelector('.app-header') as HTMLElement;
      return { overflow: list.scrollWidth - list.clientWidth, header: header.getBoundingClientRect().height };
    });
    expect(fits.overflow).toBeLessThanOrEqual(0);
    expect(fits.header).toBeLessThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1200);

    await page.getByLabel('Prefecture', { exact: true }).selectOption('46');
    await page.getByRole('heading', { level: 2, name: 'Relationship population of Kagoshima' }).waitFor();
    await page.getByLabel('Municipality or area', { exact: true }).selectOption('amami');
    await page.getByRole('heading', { level: 2, name: 'Relationship population of Amami Islands' }).waitFor();
    const from = await page.getByLabel('From', { exact: true }).inputValue();
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const api = await call<RelationshipPopulationOut>(
      'GET',
      `/v1/regions/amami/relationship-population?from=${from}&to=${to}`,
      { token: await signIn('operator@demo.kakehashi.jp') },
    );
    expect(api.status).toBe(200);
    await expectSameFigures(page, api.body, 'en');
    await expectAccessible(page, 'the relationship population page for an operator');
    await screenshot(page, 'relationship-population-operator-en');
  });
});
