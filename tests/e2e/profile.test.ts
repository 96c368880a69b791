import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD } from '../support/api.ts';
import {
  expectAccessible,
  type openPage,
  PHONE,
  screenshot,
  seen,
  type Watched,
  watchedBrowser,
} from './browser.ts';

/**
 * The web app in Debian's Chromium against the whole local cloud: sign-up with cognito-local,
 * onboarding, the profile with the regions API, Japanese and English, accessibility, the mailbox.
 * The tests run in order and share the accounts they create.
 */
const { url, cognitoEndpoint } = inject('cloud');
const PASSWORD = 'kakehashi-e2e-1';

const openBrowserPage = watchedBrowser();
const professional = { email: `pro-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`, name: '佐藤 花子' };
const firm = { email: `firm-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`, name: '山本 健一' };
let professionalState: Awaited<ReturnType<BrowserContext['storageState']>>;

async function openWatched(opts: Parameters<typeof openPage>[1] = {}): Promise<Watched> {
  if ('storageState' in opts && !opts.storageState)
    throw new Error('the first test did not create the professional');
  return openBrowserPage(opts);
}

async function open(opts: Parameters<typeof openPage>[1] = {}): Promise<Page> {
  return (await openWatched(opts)).page;
}

/** Signs up in the browser; locally the account is confirmed at once and onboarding follows. */
async function signUp(page: Page, email: string) {
  await page.goto(`${url}/`);
  await page.getByRole('banner').getByRole('link', { name: '新規登録' }).click();
  await expect.poll(() => page.url()).toBe(`${url}/signup`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('textbox', { name: 'パスワード' }).fill(PASSWORD);
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByRole('heading', { level: 1, name: 'はじめに' }).waitFor();
  expect(page.url()).toBe(`${url}/onboarding`);
}

describe('the web app', () => {
  test('a professional and a firm sign up, fill their profiles from the region lists, and see them after a reload', async () => {
    const page = await open();
    await page.goto(`${url}/`);
    await page.getByRole('heading', { level: 1, name: '都市のプロ人材と、地域の企業をつなぐ' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await screenshot(page, '01-home-ja');

    await signUp(page, professional.email);
    await screenshot(page, '02-onboarding-role');
    await page.getByRole('radio', { name: 'プロ人材として' }).check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByRole('heading', { level: 1, name: 'プロフィールを作成' }).waitFor();

    await page.getByLabel('表示名').fill(professional.name);
    await page.getByLabel('ひとこと紹介').fill('EC 運営 10 年、地方の小売 DX を支援');
    const skills = page.getByRole('combobox', { name: 'スキル' });
    await skills.fill('web-marketing');
    await skills.press('Enter');
    await skills.fill('経理');
    await skills.press('Enter');
    await page.getByLabel('経験年数').fill('12');
    await page.getByLabel('月に使える時間').fill('20');
    await page.getByLabel('居住地（都道府県）').selectOption({ label: '東京都' });
    await page.getByLabel('働き方の希望').selectOption({ label: 'リモート＋ときどき現地' });
    const region = page.getByRole('group', { name: '地域 1' });
    await region.getByLabel('都道府県', { exact: true }).selectOption({ label: '鳥取県' });
    await region.getByLabel('市区町村').selectOption({ label: '湯梨浜町' });
    await region.getByRole('checkbox', { name: '関心がある' }).check();
    await region.getByRole('checkbox', { name: 'ふるさと納税で寄附' }).check();
    await screenshot(page, '03-onboarding-professional-form');
    await page.getByRole('button', { name: 'プロフィールを作成' }).click();

    await page.getByText('プロフィールを保存しました。').waitFor();
    expect(page.url()).toBe(`${url}/me`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'プロフィール' }).waitFor();
    const view = page.locator('dl.fields');
    await expect.poll(() => seen(view)).toContain('鳥取県 湯梨浜町');
    const text = await seen(view);
    for (const expected of [
      'プロ人材',
      professional.name,
      'EC 運営 10 年、地方の小売 DX を支援',
      'web-marketing',
      '経理',
      '12 年',
      '東京都',
      '月 20 時間',
      'リモート＋ときどき現地',
      'ふるさと納税で寄附',
      '関心がある',
      professional.email,
    ]) {
      expect(text).toContain(expected);
    }
    await screenshot(page, '04-profile-professional-ja');

    // Editing shows the saved values in the form, with the region picked from the lists.
    await page.getByRole('button', { name: '編集する' }).click();
    await expect.poll(() => page.getByLabel('居住地（都道府県）').inputValue()).toBe('13');
    const editRegion = page.getByRole('group', { name: '地域 1' });
    await expect.poll(() => editRegion.getByLabel('市区町村').inputValue()).toBe('31370');
    await page.getByLabel('月に使える時間').fill('24');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('プロフィールを保存しました。').waitFor();
    await expect.poll(() => seen(view)).toContain('月 24 時間');
    professionalState = await page.context().storageState();

    // Sign out, then a firm in Yurihama (prefecture 31 → 湯梨浜町).
    await page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).waitFor();
    await signUp(page, firm.email);
    await page.getByRole('radio', { name: '企業・団体として' }).check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('組織名').fill('湯梨浜なし園');
    await page.getByRole('textbox', { name: '担当者名', exact: true }).fill(firm.name);
    const location = page.getByRole('group', { name: '所在地' });
    await location.getByLabel('都道府県').selectOption('31');
    await location.getByLabel('市区町村').selectOption({ label: '湯梨浜町' });
    await page.getByLabel('業種').fill('農業・食品加工');
    await page.getByLabel('従業員数').selectOption({ label: '10〜49人' });
    await page.getByLabel('適格請求書発行事業者登録番号').fill('T1234567890123');
    await page.getByLabel('請求先 担当者名').fill(firm.name);
    await page.getByLabel('請求先 メールアドレス').fill('billing@yurihama.example.jp');
    await screenshot(page, '05-onboarding-firm-form');
    await page.getByRole('button', { name: 'プロフィールを作成' }).click();
    await page.getByText('プロフィールを保存しました。').waitFor();
    await page.reload();
    await expect.poll(() => seen(view)).toContain('鳥取県 湯梨浜町');
    const firmText = await seen(view);
    for (const expected of [
      '企業・団体',
      '湯梨浜なし園',
      firm.name,
      '農業・食品加工',
      '10〜49人',
      'T1234567890123',
    ]) {
      expect(firmText).toContain(expected);
    }
    expect(firmText).toContain('billing@yurihama.example.jp');
    await screenshot(page, '06-profile-firm-ja');
  });

  test('the same profile in English shows English labels and region names, and the choice is remembered', async () => {
    const page = await open({ storageState: professionalState });
    await page.goto(`${url}/me`);
    await page.getByRole('heading', { level: 1, name: 'プロフィール' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const view = page.locator('dl.fields');
    await expect.poll(() => seen(view)).toContain('Yurihama-cho, Tottori');
    const text = await seen(view);
    for (const expected of [
      'Role',
      'Professional',
      'Display name',
      'Home prefecture',
      'Tokyo',
      'Hours a month',
      '24 hours a month',
      'Remote with visits',
      'Regions of interest and ties',
      'Furusato nozei donor',
      'Interested',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('東京都');
    await screenshot(page, '07-profile-professional-en');

    // The edit form lists prefectures and municipalities by their English names.
    await page.getByRole('button', { name: 'Edit' }).click();
    const region = page.getByRole('group', { name: 'Region 1' });
    await expect
      .poll(() => seen(region.getByLabel('Municipality').locator('option:checked')))
      .toBe('Yurihama-cho');
    expect(await seen(page.getByLabel('Home prefecture').locator('option:checked'))).toBe('Tokyo');
    await screenshot(page, '08-profile-edit-en');

    // Remembered across a reload. The stored ID token is made to look about to expire first: the app
    // refreshes it with cognito-local (REFRESH_TOKEN_AUTH) before calling the API.
    const before = await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('kakehashi.session') ?? '{}');
      localStorage.setItem('kakehashi.session', JSON.stringify({ ...session, expiresAt: Date.now() + 1000 }));
      return session.idToken as string;
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('dl.fields').getByText('Yurihama-cho, Tottori').waitFor();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('kakehashi.session') ?? '{}'));
    expect(after.idToken).not.toBe(before);
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 10 * 60_000);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: 'プロフィール' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
  });

  test('home, sign-in, onboarding and profile pages have no serious or critical accessibility violations', async () => {
    const page = await open();
    await page.goto(`${url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'home');
    // Keyboard: the first Tab reaches the skip link, which moves on to the main content.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('本文へスキップ');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('はじめる（無料）');
    await page.goto(`${url}/signin`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await expectAccessible(page, 'sign-in');
    // Errors shown next to the fields stay accessible too.
    await page.getByRole('button', { name: 'ログイン' }).last().click();
    await page.getByText('メールアドレスの形式で入力してください。').waitFor();
    await expectAccessible(page, 'sign-in with errors');
    await screenshot(page, '09-sign-in-errors');

    await signUp(page, `a11y-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`);
    await expectAccessible(page, 'onboarding: role');
    await page.getByRole('radio', { name: 'プロ人材として' }).check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('表示名').waitFor();
    await expectAccessible(page, 'onboarding: professional form');
    await page.getByRole('button', { name: 'プロフィールを作成' }).click();
    await page.getByText('入力してください。').first().waitFor();
    await expectAccessible(page, 'onboarding: professional form with errors');

    const profile = await open({ storageState: professionalState });
    await profile.goto(`${url}/me`);
    await profile.locator('dl.fields').getByText('鳥取県 湯梨浜町').waitFor();
    await expectAccessible(profile, 'profile');
    await profile.getByRole('button', { name: '編集する' }).click();
    await profile.getByLabel('表示名').waitFor();
    await expectAccessible(profile, 'profile: edit');
  });

  test('on a 375 px phone the pages fit the screen and the menu opens', async () => {
    const visitor = await open({ viewport: PHONE });
    await visitor.goto(`${url}/signup`);
    await visitor.getByRole('heading', { level: 1, name: '新規登録' }).waitFor();
    await visitor.getByRole('banner').getByRole('link', { name: 'ログイン' }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(visitor, '10-sign-up-phone');

    const page = await open({ viewport: PHONE, storageState: professionalState });
    await page.goto(`${url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, '10-home-phone-signed-in');
    const noHorizontalScroll = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(await noHorizontalScroll()).toBe(true);
    await page.getByRole('button', { name: 'メニュー' }).click();
    const menu = page.getByRole('dialog', { name: 'メインメニュー' });
    await menu.getByRole('link', { name: 'プロフィール' }).click();
    await page.locator('dl.fields').getByText('鳥取県 湯梨浜町').waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await screenshot(page, '11-profile-phone');
    await page.getByRole('button', { name: '編集する' }).click();
    await page.getByLabel('表示名').waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await screenshot(page, '12-profile-edit-phone');
    await expectAccessible(page, 'profile edit on a phone');
  });

  test('the mailbox page lists the welcome mail the new professional got', async () => {
    const page = await open();
    await page.goto(`${url}/`);
    await page.getByRole('banner').getByRole('link', { name: 'メールボックス' }).click();
    await page.getByRole('heading', { level: 1, name: 'メールボックス（ローカル）' }).waitFor();
    await page.getByLabel('宛先で絞り込み').fill(professional.email);
    const mail = page.getByRole('article').filter({ hasText: professional.email });
    await expect.poll(() => mail.count()).toBe(1);
    await mail.getByRole('heading', { name: '架け橋へようこそ / Welcome to Kakehashi' }).waitFor();
    expect(await seen(mail)).toContain(`${professional.name} さん`);
    await screenshot(page, '13-mailbox');
    await expectAccessible(page, 'mailbox');
  });

  test('an operator signs in and invites staff for the Amami islands, who then sign up as region staff', async () => {
    const staffEmail = `amami-staff-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`;
    const { page, expectFailure } = await openWatched();
    expectFailure(`${cognitoEndpoint}/`, 400); // the wrong password below
    await page.goto(`${url}/admin`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    expect(page.url()).toBe(`${url}/signin?next=%2Fadmin`);
    await page.getByLabel('メールアドレス').fill('operator@demo.kakehashi.jp');
    await page.getByRole('textbox', { name: 'パスワード' }).fill('not-the-password-1');
    await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('alert').getByText('メールアドレスまたはパスワードが正しくありません。').waitFor();
    await page.getByRole('textbox', { name: 'パスワード' }).fill(DEMO_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { level: 1, name: '運営' }).waitFor();
    expect(page.url()).toBe(`${url}/admin`);
    await page.getByRole('banner').getByRole('link', { name: '運営' }).waitFor();

    await page.getByLabel('招待するメールアドレス').fill(staffEmail);
    await page.getByRole('radio', { name: '広域圏' }).check();
    await page.getByRole('combobox', { name: '広域圏' }).selectOption({ label: '奄美群島' });
    await expectAccessible(page, 'operator page');
    await page.getByRole('button', { name: '招待する' }).click();
    await page.getByText(`${staffEmail} を 奄美群島 の担当者として招待しました`).waitFor();
    await screenshot(page, '15-admin-invited');

    await page.getByRole('banner').getByRole('link', { name: 'メールボックス' }).click();
    await page.getByLabel('宛先で絞り込み').fill(staffEmail);
    await page.getByRole('heading', { name: /奄美群島の担当者として招待されました/ }).waitFor();

    // The invited address signs up and is region staff at once: no onboarding.
    await page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('banner').getByRole('link', { name: '新規登録' }).click();
    await page.getByLabel('メールアドレス').fill(staffEmail);
    await page.getByRole('textbox', { name: 'パスワード' }).fill(PASSWORD);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { level: 1, name: 'プロフィール' }).waitFor();
    const view = page.locator('dl.fields');
    await expect.poll(() => seen(view)).toContain('奄美群島');
    expect(await seen(view)).toContain('自治体担当者');
    await screenshot(page, '16-profile-region-staff');
  });

  test('the API reference renders the OpenAPI document', async () => {
    const page = await open();
    await page.goto(`${url}/docs/api`);
    await page.getByRole('heading', { level: 1, name: 'API リファレンス' }).waitFor();
    const put = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'PUT /v1/me' }) });
    await put.waitFor();
    expect(await seen(put)).toContain('regionsOfInterest');
    await screenshot(page, '14-api-reference');
    await expectAccessible(page, 'API reference');
  });
});
