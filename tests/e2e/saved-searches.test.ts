import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { DIGEST_SETTLE_MS } from '#shared/searches/rules.ts';
import { call, mailTo, newUser } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { openProject } from '../support/projects.ts';
import {
  expectAccessible,
  screenshot,
  seen,
  signedIn as signInPage,
  type Watched,
  watchedBrowser,
} from './browser.ts';

/**
 * Saved searches in Debian's Chromium against the local cloud: a professional saves the search the search page
 * shows, finds it in their list, opens it and deletes it; in English on a 390 px phone they save another, the
 * morning digest mails it, and its unsubscribe link works in a browser that is not signed in. The firm, the
 * professional and the projects are made through the API; the tests run in order and share them.
 */
const { url } = inject('cloud');
const PASSWORD = 'test-password-1';
const PHONE_390 = { width: 390, height: 844 };

const openWatched = watchedBrowser();
const word = `sv${randomUUID().slice(0, 6)}`;
const firm = { email: '', token: '' };
const pro = { email: '', token: '' };
const title = (what: string) => `梨園のEC立ち上げ支援 ${word} ${what}`;
const searchPath = `/projects?q=${word}&prefecture=31`;

const signedIn = (watched: Watched, path: string) => signInPage(watched, pro.email, path, PASSWORD);

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The search page, reloaded until the project shows (its listing follows the DB stream a moment later). */
async function searchShowing(page: Page, projectTitle: string) {
  await eventually(async () => {
    await page.goto(`${url}${searchPath}`);
    await page
      .getByRole('region', { name: /検索結果|Results/ })
      .getByRole('link', { name: projectTitle })
      .waitFor({ timeout: 2_000 });
  }, 20_000);
}

beforeAll(async () => {
  Object.assign(firm, await newUser('search-firm'));
  Object.assign(pro, await newUser('search-pro'));
  const firmProfile = await call('PUT', '/v1/me', {
    token: firm.token,
    json: {
      role: 'firm',
      displayName: '松本 直樹',
      organizationName: 'はわい梨園',
      municipalityCode: '31370',
    },
  });
  expect(firmProfile.status).toBeLessThan(300);
  const proProfile = await call('PUT', '/v1/me', {
    token: pro.token,
    json: { role: 'professional', displayName: '佐々木 遥' },
  });
  expect(proProfile.status).toBeLessThan(300);
  await openProject(firm.token, { title: title('公開中') });
});

describe('saved searches', () => {
  test('a professional saves the search shown, sees it in the list, opens it and deletes it', async () => {
    const page = await signedIn(await openWatched(), '/projects');
    await searchShowing(page, title('公開中'));
    await page.getByRole('button', { name: 'この条件を保存' }).click();
    const form = page.getByRole('region', { name: 'この条件を保存' });
    await form.getByText('条件に合う案件が新しく公開されると、翌朝メールでお知らせします').waitFor();
    await expectAccessible(page, 'search page, the save form open');
    await form.getByLabel('名前（任意）').fill('鳥取のEC');
    await form.getByRole('button', { name: '保存する' }).click();
    const notice = page.getByRole('status').getByText('検索条件を保存しました。');
    await notice.waitFor();
    await screenshot(page, '70-search-saved');
    await expectAccessible(page, 'search page, the search saved');

    await page.getByRole('status').getByRole('link', { name: '保存した検索を見る' }).click();
    await page.getByRole('heading', { level: 1, name: '保存した検索' }).waitFor();
    const card = page.getByRole('article', { name: '鳥取のEC' });
    await expect.poll(() => seen(card)).toContain(`「${word}」、鳥取県`);
    expect(await seen(card)).toContain('毎朝メールでお知らせ');
    expect(await seen(page.getByRole('main'))).toContain('1 件（最大 20 件）');
    await screenshot(page, '71-saved-searches');
    await expectAccessible(page, 'saved searches');
    expect(await noHorizontalScroll(page)).toBe(true);

    // Open: the search page with the same filters, and what they find.
    await card.getByRole('link', { name: '開く' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?q=${word}&prefecture=31`);
    expect(await page.getByLabel('キーワード').inputValue()).toBe(word);
    expect(await page.getByLabel('都道府県').inputValue()).toBe('31');
    await page
      .getByRole('region', { name: '検索結果' })
      .getByRole('link', { name: title('公開中') })
      .waitFor();

    // The profile leads to the list too. Delete asks first, then the list says so and is empty.
    await page.getByRole('banner').getByRole('link', { name: 'プロフィール' }).click();
    await page
      .getByRole('region', { name: '保存した検索' })
      .getByRole('link', { name: '保存した検索を見る' })
      .click();
    await page.getByRole('heading', { level: 1, name: '保存した検索' }).waitFor();
    await card.getByRole('button', { name: '削除' }).click();
    const dialog = page.getByRole('dialog', { name: 'この検索を削除しますか？' });
    await dialog.getByText('「鳥取のEC」を削除します。').waitFor();
    await expectAccessible(page, 'delete confirmation');
    await dialog.getByRole('button', { name: '削除' }).click();
    await page.getByRole('status').getByText('「鳥取のEC」を削除しました。').waitFor();
    await page.getByText('まだ保存した検索はありません。').waitFor();
    expect(await card.count()).toBe(0);
    expect((await call('GET', '/v1/me/saved-searches', { token: pro.token })).body.items).toEqual([]);
  });

  test('in English on a phone: saved without a name, mailed the next morning, and unsubscribed from the mail’s link', async () => {
    const page = await signedIn(await openWatched({ viewport: PHONE_390 }), '/projects');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await searchShowing(page, title('公開中'));
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page
      .getByRole('region', { name: 'Save this search' })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByRole('status').getByText('Search saved.').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page, 'search page in English on a phone, the search saved');

    await page.goto(`${url}/saved-searches`);
    const card = page.getByRole('article', { name: `"${word}", Tottori` });
    await expect.poll(() => seen(card)).toContain('Mailed each morning');
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, '72-saved-searches-en-phone');
    await expectAccessible(page, 'saved searches in English on a phone');

    // A project published after the saving; the morning job mails it with the unsubscribe link.
    const fresh = await openProject(firm.token, { title: title('新着') });
    await searchShowing(page, title('新着'));
    const run = await fetch(`${url}/_local/schedules/send-search-digests/run`, {
      method: 'POST',
      body: JSON.stringify({
        time: new Date(Date.parse(fresh.publishedAt) + 1 + DIGEST_SETTLE_MS).toISOString(),
      }),
    });
    expect(run.status).toBe(200);
    const mail = (await mailTo(pro.email)).find((m) => m.subject.includes(`"${word}", Tottori`));
    expect(mail?.text).toContain(fresh.id);
    const link = /http:\/\/\S+\/unsubscribe\?\S+/.exec(mail?.text ?? '')?.[0] as string;
    expect(link.startsWith(`${url}/unsubscribe?search=`)).toBe(true);

    // Opened where nobody is signed in, in Japanese, then again in English: the same answer.
    const watchedOutside = await openWatched({ viewport: PHONE_390 });
    const outside = watchedOutside.page;
    await outside.goto(link);
    await outside.getByRole('heading', { level: 1, name: '新着メールの配信停止' }).waitFor();
    await outside
      .getByRole('status')
      .getByText(`保存した検索「「${word}」、鳥取県」の新着メールは`)
      .waitFor();
    expect(await noHorizontalScroll(outside)).toBe(true);
    await screenshot(outside, '73-unsubscribed-phone');
    await expectAccessible(outside, 'unsubscribed, in Japanese on a phone');
    await outside.getByRole('button', { name: 'English' }).click();
    await outside.reload();
    await outside.getByRole('status').getByText('Mails stopped').waitFor();
    await expectAccessible(outside, 'unsubscribed, in English on a phone');

    // A link that is not right says so, and changes nothing.
    const unknown = randomUUID();
    watchedOutside.expectFailure(`/v1/saved-searches/${unknown}/unsubscribe`, 404);
    await outside.goto(`${url}/unsubscribe?search=${unknown}&token=${'A'.repeat(43)}`);
    await outside.getByRole('alert').getByText('This link does not work').waitFor();
    await expectAccessible(outside, 'a wrong unsubscribe link');

    // Back in the professional's list: the search stays, its mails stopped.
    await page.goto(`${url}/saved-searches`);
    await expect.poll(() => seen(card)).toContain('Mails stopped');
    expect(await seen(card)).toContain('To get them again, open the search and save it anew.');
    await expectAccessible(page, 'saved searches in English, mails stopped');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => seen(page.getByRole('main'))).toContain('メール停止中');
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page, 'saved searches in Japanese on a phone, mails stopped');
  });

  test('on a desktop in English the search page’s save form and the list stay accessible', async () => {
    const page = await signedIn(await openWatched(), '/saved-searches');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saved searches' }).waitFor();
    await expect.poll(() => seen(page.getByRole('main'))).toContain('1 of 20');
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page, 'saved searches in English on a desktop');
    await page.getByRole('article').getByRole('link', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.getByRole('region', { name: 'Save this search' }).getByLabel('Name (optional)').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, '74-save-form-en');
    await expectAccessible(page, 'the save form in English on a desktop');
  });
});
