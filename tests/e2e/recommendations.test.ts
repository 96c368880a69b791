import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { call, newUser } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { openProject } from '../support/projects.ts';
import { expectAccessible, screenshot, seen, signedIn, watchedBrowser } from './browser.ts';

/**
 * "Recommended for you" in Debian's Chromium against the local cloud: a professional from Kochi who gave to
 * 海士町 through ふるさと納税 sees the projects that fit first on the home page and on /recommendations, each with its
 * reasons as badges, in Japanese and English, on a desktop and a 390 px phone; a profile naming nothing gets the
 * newest projects and is told how to get better ones; a profile that fits nothing gets an empty state saying so.
 */
const _PASSWORD = 'test-password-1';
const PHONE_390 = { width: 390, height: 844 };
const openWatched = watchedBrowser();
const tag = Math.random().toString(36).slice(2, 8);
const [craft, story] = [`e${tag}-craft`, `e${tag}-story`];
const best = `馬路村のゆず加工品の販路開拓 ${tag}`;
const second = `海士町の定期便のEC ${tag}`;
const people = { pro: '', blank: '', lonely: '' };

/** The contrast of a badge's text on its own background (WCAG's formula), as the browser paints them. */
const contrastOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css: string) => {
        const [r, g, b] = rgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const style = getComputedStyle(el);
      const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x) as [
        number,
        number,
      ];
      return (a + 0.05) / (b + 0.05);
    });

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  const firm = await newUser('reco-e2e-firm');
  await call('PUT', '/v1/me', {
    token: firm.token,
    json: {
      role: 'firm',
      displayName: '山本 ゆず',
      organizationName: `馬路ゆず工房 ${tag}`,
      municipalityCode: '39306',
    },
  });
  const pro = await newUser('reco-e2e-pro');
  people.pro = pro.email;
  await call('PUT', '/v1/me', {
    token: pro.token,
    json: {
      role: 'professional',
      displayName: '高橋 海',
      skills: [craft, story],
      hoursPerMonth: 30,
      workStyle: 'remote',
      regionsOfInterest: [
        { regionCode: '39', ties: ['hometown'] },
        { regionCode: '32525', ties: ['furusato_donor'] },
      ],
    },
  });
  const blank = await newUser('reco-e2e-blank');
  people.blank = blank.email;
  await call('PUT', '/v1/me', {
    token: blank.token,
    json: { role: 'professional', displayName: '白紙 さん' },
  });
  const lonely = await newUser('reco-e2e-lonely');
  people.lonely = lonely.email;
  await call('PUT', '/v1/me', {
    token: lonely.token,
    json: { role: 'professional', displayName: '孤高 さん', skills: [`e${tag}-nothing`] },
  });
  await openProject(firm.token, {
    title: second,
    municipalityCode: '32525',
    skills: [craft],
    hoursPerMonth: 20,
  });
  await openProject(firm.token, {
    title: best,
    municipalityCode: '39306',
    skills: [craft, story],
    hoursPerMonth: 20,
  });
  // Listings follow the projects through the stream: wait until both are recommended.
  await eventually(async () => {
    const answer = await call('GET', '/v1/me/recommendations', { token: pro.token });
    expect(answer.body.items.slice(0, 2).map((i: { project: { title: string } }) => i.project.title)).toEqual(
      [best, second],
    );
  }, 20_000);
});

describe('recommended for you', () => {
  test('a professional sees the best fits on the home page, reasons as badges, and opens the whole list', async () => {
    const page = await signedIn(await openWatched(), people.pro, '/');
    const home = page.getByRole('region', { name: 'あなたへのおすすめ' });
    const homeCards = home.getByRole('article');
    await expect.poll(() => seen(homeCards.first().getByRole('heading', { level: 3 }))).toBe(best);
    await expect.poll(() => seen(homeCards.nth(1).getByRole('heading', { level: 3 }))).toBe(second);
    expect(await homeCards.count()).toBeLessThanOrEqual(4);
    await expect
      .poll(() => seen(homeCards.first().getByRole('list', { name: 'おすすめの理由' })))
      .toContain('出身地: 高知県');
    await expectAccessible(page, 'the home page with recommendations');
    await screenshot(page, 'recommendations-home-desktop');
    await page.setViewportSize(PHONE_390);
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page, 'the home page with recommendations at 390 px');
    await screenshot(page, 'recommendations-home-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await home.getByRole('link', { name: 'おすすめをすべて見る' }).click();
    await page.getByRole('heading', { level: 1, name: 'あなたへのおすすめ' }).waitFor();
    const cards = page.getByRole('main').getByRole('article');
    await expect.poll(() => seen(cards.first().getByRole('heading'))).toBe(best);
    await expect.poll(() => seen(cards.nth(1).getByRole('heading'))).toBe(second);
    const reasons = cards.first().getByRole('list', { name: 'おすすめの理由' }).getByRole('listitem');
    expect(await reasons.allInnerTexts()).toEqual([
      `スキル: ${craft}、${story} が一致`,
      '出身地: 高知県',
      '時間: 月 20 時間（月 30 時間まで）',
      '働き方: フルリモート',
    ]);
    await expect
      .poll(() => seen(cards.nth(1).getByRole('list', { name: 'おすすめの理由' })))
      .toContain('ふるさと納税で寄附: 海士町');
    // axe leaves text on a tinted badge unjudged: the reasons must be readable (4.5:1).
    expect(await contrastOf(page, 'main ul[aria-label="おすすめの理由"] > li')).toBeGreaterThanOrEqual(4.5);
    await expectAccessible(page, 'recommendations');
    await screenshot(page, 'recommendations-desktop');

    await page.setViewportSize(PHONE_390);
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page, 'recommendations at 390 px');
    await screenshot(page, 'recommendations-390');

    // The title leads to the project.
    await cards.first().getByRole('link', { name: best }).click();
    await page.getByRole('heading', { level: 1, name: best }).waitFor();
  });

  test('in English the reasons read in English, and the page stays accessible on a phone', async () => {
    const page = await signedIn(await openWatched(), people.pro, '/recommendations');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Recommended for you' }).waitFor();
    const first = page.getByRole('main').getByRole('article').first();
    await expect
      .poll(() =>
        first.getByRole('list', { name: 'Why we recommend it' }).getByRole('listitem').allInnerTexts(),
      )
      .toEqual([
        `Skills: ${craft}, ${story} match`,
        'Hometown: Kochi',
        'Hours: 20 a month, within your 30',
        'Work style: fully remote',
      ]);
    await expectAccessible(page, 'recommendations in English');
    await screenshot(page, 'recommendations-en-desktop');
    await page.setViewportSize(PHONE_390);
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page, 'recommendations in English at 390 px');
    await screenshot(page, 'recommendations-en-390');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  test('a profile naming no skill and no region gets the newest projects and is told how to get better ones', async () => {
    const page = await signedIn(await openWatched(), people.blank, '/recommendations');
    await page.getByText('新着の案件を表示しています').waitFor();
    await expect.poll(() => page.getByRole('main').getByRole('article').count()).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'おすすめの理由' }).count()).toBe(0);
    await expectAccessible(page, 'recommendations, newest');
    await page.getByRole('main').getByRole('link', { name: 'プロフィールを編集する' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/me');
  });

  test('a profile that fits no open project gets an empty state that says what to fill in', async () => {
    const page = await signedIn(await openWatched(), people.lonely, '/recommendations');
    await page.getByText('いまは、あなたのプロフィールに合う募集中の案件がありません。').waitFor();
    expect(await seen(page.getByRole('main'))).toContain('プロフィールにスキルと地域とのつながり');
    await expect
      .poll(() => page.getByRole('main').getByRole('link', { name: 'すべての案件を見る' }).count())
      .toBe(1);
    await expectAccessible(page, 'recommendations, empty');
    await page.setViewportSize(PHONE_390);
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'recommendations-empty-390');
  });
});
