import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { call, DEMO_PASSWORD, newUser } from '../support/api.ts';
import { openProject } from '../support/projects.ts';
import { expectAccessible, PHONE, screenshot, seen, signedIn, watchedBrowser } from './browser.ts';

/**
 * Monthly retainers in Debian's Chromium against the local cloud and its local Stripe: the
 * professional sets up payouts on the local onboarding page; the firm pays the first month on the
 * local Checkout page and sees the engagement turn active once the webhook has arrived; the
 * professional reads the first invoice and downloads the year's earnings as CSV. The engagement is
 * made through the API (a published project, an application, the firm's acceptance). The tests run
 * in order and share it.
 */
const { url } = inject('cloud');
const _PASSWORD = 'test-password-1';
const FEE = 50_000;

const openWatched = watchedBrowser();
const firm = { email: '', token: '', org: '', name: '松本 直樹' };
const pro = { email: '', token: '', name: '高橋 美咲' };
let engagementId = '';
let projectId = '';
let title = '';

const engagementPath = () => `/engagements/${engagementId}`;

beforeAll(async () => {
  const token = Math.random().toString(36).slice(2, 8);
  firm.org = `はわい梨園 ${token}`;
  const f = await newUser('firm');
  const p = await newUser('pro');
  Object.assign(firm, f);
  Object.assign(pro, p);
  const firmProfile = await call('PUT', '/v1/me', {
    token: firm.token,
    json: { role: 'firm', displayName: firm.name, organizationName: firm.org, municipalityCode: '31370' },
  });
  expect(firmProfile.status).toBeLessThan(300);
  const proProfile = await call('PUT', '/v1/me', {
    token: pro.token,
    json: { role: 'professional', displayName: pro.name, skills: ['design'] },
  });
  expect(proProfile.status).toBeLessThan(300);
  title = `二十世紀梨の返礼品ページ制作 ${token}`;
  const project = await openProject(firm.token, {
    title,
    monthlyFeeJpy: FEE,
    skills: ['design', 'ec'],
    workType: 'design',
  });
  projectId = project.id;
  const applied = await call('POST', `/v1/projects/${project.id}/applications`, {
    token: pro.token,
    json: { proposal: '返礼品ページの制作を8年続けてきました。月20時間でお手伝いできます。' },
  });
  expect(applied.status).toBe(201);
  const accepted = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
    token: firm.token,
    json: { decision: 'accept' },
  });
  expect(accepted.status).toBe(200);
  engagementId = accepted.body.engagementId;
  expect(engagementId).toMatch(/^[0-9a-f-]{36}$/);
});

describe('payments', () => {
  test('the firm cannot pay before the professional has set up payouts; the professional sets them up on the local Stripe', async () => {
    // The firm: the engagement awaits payment, and paying is refused with a clear reason.
    const firmWatched = await openWatched();
    firmWatched.expectFailure(`/v1/engagements/${engagementId}/checkout`, 409);
    // From the applicants page, the accepted applicant leads to the engagement.
    const firmPage = await signedIn(firmWatched, firm.email, `/my/projects/${projectId}/applicants`);
    await firmPage
      .getByRole('article', { name: pro.name })
      .getByRole('link', { name: '契約のページへ（お支払い）' })
      .click();
    await firmPage.waitForURL(`${url}${engagementPath()}`);
    await firmPage.getByRole('banner').getByRole('link', { name: '契約' }).click();
    await firmPage.getByRole('heading', { level: 1, name: '契約' }).waitFor();
    const card = firmPage.getByRole('article', { name: title });
    await expect.poll(() => seen(card)).toContain('支払い待ち');
    expect(await seen(card)).toContain(`プロ人材: ${pro.name}`);
    expect(await seen(card)).toContain('¥50,000');
    await card.getByRole('link', { name: '契約の詳細を見る' }).click();
    await firmPage.getByRole('heading', { level: 1, name: title }).waitFor();
    const actions = firmPage.getByRole('region', { name: 'お支払いと契約の変更' });
    await actions.getByRole('button', { name: 'カードで支払う（Stripe）' }).click();
    await actions
      .getByRole('alert')
      .getByText(`${pro.name} さんが報酬の受け取り設定をまだ終えていないため、現在はお支払いできません。`)
      .waitFor();
    expect(firmPage.url()).toBe(`${url}${engagementPath()}`);
    await expectAccessible(firmPage, 'engagement awaiting payment (firm)');

    // The professional: a hint on the engagement page leads to the payout setup.
    const proWatched = await openWatched();
    const proPage = await signedIn(proWatched, pro.email, engagementPath());
    await proPage.getByRole('heading', { level: 1, name: title }).waitFor();
    await proPage.getByText('お支払いと契約の変更は、企業・団体が行います。').waitFor();
    expect(await proPage.getByRole('button', { name: 'カードで支払う（Stripe）' }).count()).toBe(0);
    await proPage.getByRole('link', { name: '受け取り設定をする' }).click();
    await proPage.getByRole('heading', { level: 1, name: '報酬の受け取り設定' }).waitFor();
    const status = proPage.getByRole('region', { name: '現在の状態' });
    await status.getByText('未設定', { exact: true }).waitFor();
    await screenshot(proPage, '30-payouts-not-started');
    await expectAccessible(proPage, 'payouts, not started');

    await status.getByRole('button', { name: 'Stripe で受け取り設定をする' }).click();
    await proPage.waitForURL((u) => u.origin !== url);
    await completeOnboarding(proPage);

    // Back from Stripe: the page checks until the account is ready.
    await proPage.waitForURL(`${url}/payouts?onboarding=done`);
    await proPage.getByRole('status').getByText('受け取り設定が完了しました。').waitFor();
    await status.getByText('受取可能', { exact: true }).waitFor();
    expect(await status.getByRole('button').count()).toBe(0);
    await screenshot(proPage, '31-payouts-ready');
    await expectAccessible(proPage, 'payouts, ready');
  });

  test('the firm pays the first month on the local Stripe Checkout and sees the engagement active', async () => {
    const watched = await openWatched();
    const page = await signedIn(watched, firm.email, engagementPath());
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const terms = page.getByRole('region', { name: '契約内容' });
    await expect.poll(() => seen(terms)).toContain('支払い待ち');
    for (const expected of [
      '¥50,000',
      '月 20 時間',
      '6 か月',
      '月額報酬の 10%',
      '初月分のお支払い後に決まります',
    ])
      expect(await seen(terms)).toContain(expected);
    await screenshot(page, '32-engagement-awaiting-payment');

    await page.getByRole('button', { name: 'カードで支払う（Stripe）' }).click();
    await page.waitForURL((u) => u.origin !== url);
    await payOnCheckout(page);

    // Back on the engagement: a notice while the webhook is on its way, then active.
    await page.waitForURL(`${url}${engagementPath()}?checkout=success`);
    await page
      .getByRole('status')
      .getByText('お支払いが完了し、契約が始まりました。')
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => seen(terms)).toContain('稼働中');
    expect(await seen(terms)).toContain('現在の契約期間');
    expect(await seen(terms)).not.toContain('初月分のお支払い後に決まります');
    const actions = page.getByRole('region', { name: 'お支払いと契約の変更' });
    await actions.getByRole('button', { name: '一時停止する' }).waitFor();
    await actions.getByRole('button', { name: '期間の終わりで解約する' }).waitFor();
    await actions.getByRole('button', { name: 'カードと請求書の管理' }).waitFor();
    const invoices = page.getByRole('region', { name: '請求と支払い' });
    await expect.poll(() => seen(invoices), { timeout: 10_000 }).toContain('支払済み');
    await screenshot(page, '33-engagement-active-firm');
    await expectAccessible(page, 'engagement active (firm)');

    // Cancelling asks first; keeping it changes nothing.
    await actions.getByRole('button', { name: '期間の終わりで解約する' }).click();
    const dialog = page.getByRole('dialog', { name: '契約を解約しますか？' });
    await dialog.getByText(`「${title}」は現在の契約期間の終わり`).waitFor();
    await expectAccessible(page, 'cancel confirmation');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await seen(terms)).toContain('稼働中');

    // Paused and resumed: the state follows at once, with a notice each time.
    await actions.getByRole('button', { name: '一時停止する' }).click();
    await page.getByRole('status').getByText('契約を一時停止しました。').waitFor();
    await expect.poll(() => seen(terms)).toContain('一時停止中');
    await actions.getByRole('button', { name: '再開する' }).click();
    await page.getByRole('status').getByText('契約を再開しました。').waitFor();
    await expect.poll(() => seen(terms)).toContain('稼働中');

    // The card and invoices are managed on Stripe's portal, which leads back to the engagements.
    await actions.getByRole('button', { name: 'カードと請求書の管理' }).click();
    await page.waitForURL((u) => u.origin !== url);
    await page.getByRole('heading', { level: 1, name: /請求とお支払い/ }).waitFor();
    await page.getByRole('link', { name: /Kakehashi に戻る/ }).click();

    // The list shows it active with its next renewal.
    await page.waitForURL(`${url}/engagements`);
    const card = page.getByRole('article', { name: title });
    await expect.poll(() => seen(card)).toContain('稼働中');
    expect(await seen(card)).toMatch(/次回更新日\s*\d{4}\/\d{2}\/\d{2}/);
    await screenshot(page, '34-engagements-firm');
    await expectAccessible(page, 'engagements (firm)');
  });

  test('the professional sees the first invoice and downloads the year’s earnings as CSV', async () => {
    // My applications: the accepted one leads to its engagement.
    const page = await signedIn(await openWatched(), pro.email, '/my/applications');
    await page.getByRole('article', { name: title }).getByRole('link', { name: '契約を見る' }).click();
    await page.waitForURL(`${url}${engagementPath()}`);
    await page.getByRole('banner').getByRole('link', { name: '契約' }).click();
    const card = page.getByRole('article', { name: title });
    await expect.poll(() => seen(card)).toContain('稼働中');
    expect(await seen(card)).toContain(`企業・団体: ${firm.org}`);
    await card.getByRole('link', { name: '契約の詳細を見る' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const invoices = page.getByRole('region', { name: '請求と支払い' });
    const table = invoices.getByRole('table');
    await table.waitFor();
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    const first = await seen(rows.nth(1));
    for (const expected of ['¥50,000', '¥5,000', '¥454', '¥45,000', '支払済み'])
      expect(first).toContain(expected);
    const link = rows.nth(1).getByRole('link', { name: /の請求書を開く/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    await screenshot(page, '35-engagement-active-professional');
    await expectAccessible(page, 'engagement active (professional)');

    // The earnings statement of this year: the month, its amounts, the totals.
    await page.goto(`${url}/engagements`);
    await page.getByRole('navigation', { name: '報酬' }).getByRole('link', { name: '報酬明細' }).click();
    await page.getByRole('heading', { level: 1, name: '報酬明細' }).waitFor();
    const year = new Date().getFullYear();
    expect(await page.getByLabel('対象年').inputValue()).toBe(String(year));
    const statement = page.getByRole('region', { name: `${year}年 報酬の支払明細` });
    await expect.poll(() => seen(statement)).toContain(title);
    const text = await seen(statement);
    // The project's first skill, design, is a work type subject to withholding: 10.21 % of ¥50,000.
    for (const expected of [
      `${pro.name} 様`,
      '架け橋 Kakehashi',
      firm.org,
      '¥50,000',
      '¥45,000',
      '¥5,105',
      '年間合計',
    ])
      expect(text).toContain(expected);
    await screenshot(page, '36-earnings');
    await expectAccessible(page, 'earnings');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV をダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`kakehashi-earnings-${year}.csv`);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain(title);
    expect(csv).toMatch(/50,?000/);

    // Printed, it is a statement: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '印刷する' }).isVisible()).toBe(false);
    expect(await statement.isVisible()).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, '37-earnings-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('the firm cancels at the end of the period after confirming; both see it ending', async () => {
    const page = await signedIn(await openWatched(), firm.email, engagementPath());
    const terms = page.getByRole('region', { name: '契約内容' });
    await expect.poll(() => seen(terms)).toContain('稼働中');
    const actions = page.getByRole('region', { name: 'お支払いと契約の変更' });
    await actions.getByRole('button', { name: '期間の終わりで解約する' }).click();
    const dialog = page.getByRole('dialog', { name: '契約を解約しますか？' });
    await dialog.getByRole('button', { name: '期間の終わりで解約する' }).click();
    await page.getByRole('status').getByText('解約を受け付けました。').waitFor();
    await expect.poll(() => seen(terms)).toContain('終了予定');
    expect(await seen(terms)).toContain('終了日');
    expect(await actions.getByRole('button', { name: '一時停止する' }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: '期間の終わりで解約する' }).count()).toBe(0);
    await screenshot(page, '41-engagement-ending');

    const proPage = await signedIn(await openWatched(), pro.email, '/engagements');
    await expect.poll(() => seen(proPage.getByRole('article', { name: title }))).toContain('終了予定');
  });

  test('on a 375 px phone the engagement and the earnings fit the screen; tables scroll sideways', async () => {
    const page = await signedIn(await openWatched({ viewport: PHONE }), pro.email, engagementPath());
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('region', { name: '請求と支払い' }).getByRole('table').waitFor();
    const noHorizontalScroll = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(await noHorizontalScroll()).toBe(true);
    await screenshot(page, '38-engagement-phone');
    await page.goto(`${url}/earnings`);
    await page.getByRole('region', { name: /月別・契約別の報酬/ }).waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await expectAccessible(page, 'earnings on a phone');
    await screenshot(page, '39-earnings-phone');
  });

  test('the operator’s platform settings: checked before sending, saved, kept after a reload', async () => {
    const page = await signedIn(await openWatched(), 'operator@demo.kakehashi.jp', '/admin', DEMO_PASSWORD);
    const settings = page.getByRole('region', { name: 'プラットフォームの設定' });
    const fee = settings.getByLabel('プラットフォーム手数料（%）');
    const number = settings.getByLabel('適格請求書発行事業者登録番号');
    await expect.poll(() => fee.inputValue()).toMatch(/^\d/);
    const before = { fee: await fee.inputValue(), number: await number.inputValue() };
    await fee.fill('60');
    await number.fill('T123');
    await settings.getByRole('button', { name: '設定を保存' }).click();
    await settings.getByText('0〜50 の数値（小数第2位まで）で入力してください。').waitFor();
    await settings.getByText('T に続けて 13 桁の数字を入力してください。').waitFor();
    await expectAccessible(page, 'platform settings with errors');
    await screenshot(page, '40-admin-settings-errors');

    // Saved as they were: the settings are shared by every test running against this local cloud.
    await fee.fill(before.fee);
    await number.fill(before.number);
    await settings.getByRole('button', { name: '設定を保存' }).click();
    await page.getByRole('status').getByText('設定を保存しました。').waitFor();
    await page.reload();
    await expect.poll(() => fee.inputValue()).toBe(before.fee);
  });
});

/** The local Stripe's Connect onboarding page: completed with its test data, back to the return URL. */
async function completeOnboarding(page: Page) {
  await page.getByRole('heading', { level: 1, name: /報酬の受け取り設定/ }).waitFor();
  await page.getByRole('button', { name: /テストデータで完了する/ }).click();
}

/** The local Stripe's Checkout page: the monthly fee, paid with the test card that succeeds. */
async function payOnCheckout(page: Page) {
  await page.getByText('¥50,000').first().waitFor();
  const email = page.getByLabel(/メールアドレス/);
  if (await email.count()) await email.fill(firm.email);
  await page.getByRole('button', { name: /4242 4242 4242 4242 で支払う/ }).click();
}
