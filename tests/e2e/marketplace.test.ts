import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { call, signIn } from '../support/api.ts';
import { openProject } from '../support/projects.ts';
import { expectAccessible, type openPage, PHONE, screenshot, seen, watchedBrowser } from './browser.ts';

/**
 * The marketplace in Debian's Chromium against the whole local cloud: a firm drafts and publishes a
 * project in the editor, a professional finds it by filters and by a Japanese keyword, applies, the
 * firm accepts. Listings follow the DB stream, so searches are repeated until the project shows.
 * The tests run in order and share the accounts and the project the first one creates.
 */
const { url } = inject('cloud');
const PASSWORD = 'kakehashi-e2e-1';

const openWatched = watchedBrowser();
type State = Awaited<ReturnType<BrowserContext['storageState']>>;
let firmState: State | undefined;
let proState: State | undefined;

/** A word no other project has: katakana from random bytes, so the keyword search finds only ours. */
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
const token = [...randomUUID().replace(/-/g, '').slice(0, 8)]
  .map((hex, i) => KANA[(Number.parseInt(hex, 16) * 3 + i * 7) % KANA.length])
  .join('');
const project = {
  title: `二十世紀梨の返礼品企画 ${token}`,
  summary:
    '湯梨浜町の梨園です。ふるさと納税の返礼品ページと、直販のECサイトを一緒に育ててくださる方を探しています。',
  challenge: '繁忙期に写真や商品説明を整える時間がなく、寄附額が伸び悩んでいます。',
};
const firm = {
  email: `firm-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`,
  org: `はわい梨園 ${token}`,
  name: '松本 直樹',
};
const pro = { email: `pro-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`, name: '高橋 美咲' };

async function open(opts: Parameters<typeof openPage>[1] = {}): Promise<Page> {
  if ('storageState' in opts && !opts.storageState) throw new Error('the first test did not sign these up');
  return (await openWatched(opts)).page;
}

/** Signs up in the browser; locally the account is confirmed at once and onboarding follows. */
async function signUp(page: Page, email: string) {
  await page.goto(`${url}/signup`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('textbox', { name: 'パスワード' }).fill(PASSWORD);
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByRole('heading', { level: 1, name: 'はじめに' }).waitFor();
}

const results = (page: Page) => page.getByRole('region', { name: '検索結果' });
const card = (page: Page, title: string) =>
  results(page)
    .getByRole('article')
    .filter({ has: page.getByRole('link', { name: title }) });

/** Submits the search form until the project shows (its listing is written from the DB stream). */
async function searchUntilFound(page: Page, title: string) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.getByRole('search').getByRole('button', { name: '検索する' }).click();
    await page.waitForTimeout(300);
    await results(page).and(page.locator('[aria-busy="false"]')).waitFor();
    if (await card(page, title).count()) return;
  }
  throw new Error(`"${title}" did not appear in the search results`);
}

describe('the marketplace', () => {
  test('a firm publishes a project from the editor; a professional finds it, applies; the firm accepts', async () => {
    // The firm signs up (in Kurayoshi) and drafts a project for Yurihama.
    const firmPage = await open();
    await signUp(firmPage, firm.email);
    await firmPage.getByRole('radio', { name: '企業・団体として' }).check();
    await firmPage.getByRole('button', { name: '次へ' }).click();
    await firmPage.getByLabel('組織名').fill(firm.org);
    await firmPage.getByRole('textbox', { name: '担当者名', exact: true }).fill(firm.name);
    const where = firmPage.getByRole('group', { name: '所在地' });
    await where.getByLabel('都道府県').selectOption('31');
    await where.getByLabel('市区町村').selectOption({ label: '倉吉市' });
    await firmPage.getByRole('button', { name: 'プロフィールを作成' }).click();
    await firmPage.getByText('プロフィールを保存しました。').waitFor();

    const banner = firmPage.getByRole('banner');
    await banner.getByRole('link', { name: '案件を探す' }).waitFor();
    await banner.getByRole('link', { name: 'マイ案件' }).click();
    await firmPage.getByRole('heading', { level: 1, name: 'マイ案件' }).waitFor();
    await firmPage.getByText('まだ案件はありません。').waitFor();
    expect(await banner.getByRole('link', { name: 'マイ応募' }).count()).toBe(0);
    await firmPage.getByRole('main').getByRole('link', { name: '新しい案件を作成' }).first().click();
    await firmPage.getByRole('heading', { level: 1, name: '新しい案件' }).waitFor();

    // Nothing filled in: every problem is shown next to its field, before anything is sent.
    await firmPage.getByLabel('都道府県').selectOption('');
    await firmPage.getByRole('button', { name: '下書きを保存' }).click();
    await firmPage
      .getByRole('alert')
      .getByText('保存できませんでした。入力内容を確認してください。')
      .waitFor();
    expect(await firmPage.getByText('入力してください。', { exact: true }).count()).toBe(2);
    await firmPage.getByText('スキルを1〜10個入力してください。').waitFor();
    await firmPage.getByText('5,000〜1,000,000 の整数（円）で入力してください。').waitFor();
    await expectAccessible(firmPage, 'project editor with errors');

    await firmPage.getByLabel('案件名').fill(project.title);
    await firmPage.getByLabel('概要').fill(project.summary);
    await firmPage.getByLabel('解決したい課題').fill(project.challenge);
    const skills = firmPage.getByRole('combobox', { name: '求めるスキル' });
    await skills.fill('furusato-nozei');
    await skills.press('Enter');
    await skills.fill('EC');
    await skills.press('Enter');
    const area = firmPage.getByRole('group', { name: '案件の地域' });
    await area.getByLabel('都道府県').selectOption({ label: '鳥取県' });
    await area.getByLabel('市区町村').selectOption({ label: '湯梨浜町' });
    await firmPage.getByLabel('月額報酬（円）').fill('50000');
    await firmPage.getByLabel('働き方').selectOption({ label: 'フルリモート' });
    await firmPage.getByLabel('業務の種類').selectOption({ label: 'マーケティング・運用代行' });
    await firmPage.getByLabel('報酬の消費税').selectOption({ label: '税別（別途消費税10%）' });
    await firmPage.getByLabel('期間（か月）').fill('6');
    await firmPage.getByLabel('開始月').fill('2027-07');
    await firmPage.getByRole('checkbox', { name: /短時間の案件にする/ }).check();
    // Short-time work is at most 43 hours a month: checked before sending.
    await firmPage.getByLabel('月の稼働時間').fill('60');
    await firmPage.getByRole('button', { name: '保存して公開' }).click();
    await firmPage.getByText('短時間の案件は、月43時間以内にしてください。').waitFor();
    await firmPage.getByLabel('月の稼働時間').fill('20');
    await screenshot(firmPage, '20-project-editor');
    await expectAccessible(firmPage, 'project editor');
    await firmPage.getByRole('button', { name: '保存して公開' }).click();

    await firmPage.getByRole('heading', { level: 1, name: project.title }).waitFor();
    await firmPage.getByText('案件を公開しました。').waitFor();
    const projectUrl = firmPage.url();
    expect(projectUrl).toMatch(new RegExp(`^${url}/projects/[0-9a-f-]{36}$`));
    const manage = firmPage.getByRole('region', { name: 'この案件の管理' });
    await manage.getByRole('link', { name: '応募者を見る（0 件）' }).waitFor();
    expect(await seen(firmPage.getByRole('main'))).toContain('募集中');
    firmState = await firmPage.context().storageState();

    // A professional signs up and searches by prefecture and skill.
    const page = await open();
    await signUp(page, pro.email);
    await page.getByRole('radio', { name: 'プロ人材として' }).check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('表示名').fill(pro.name);
    await page.getByLabel('ひとこと紹介').fill('ふるさと納税の返礼品ページ制作 8 年');
    const proSkills = page.getByRole('combobox', { name: 'スキル' });
    await proSkills.fill('furusato-nozei');
    await proSkills.press('Enter');
    await page.getByLabel('経験年数').fill('8');
    await page.getByRole('button', { name: 'プロフィールを作成' }).click();
    await page.getByText('プロフィールを保存しました。').waitFor();
    proState = await page.context().storageState();

    await page.getByRole('banner').getByRole('link', { name: 'マイ応募' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: '案件を探す' }).click();
    await page.getByRole('heading', { level: 1, name: '案件を探す' }).waitFor();
    const search = page.getByRole('search');
    await search.getByLabel('都道府県').selectOption('31');
    await search.getByLabel('スキル').fill('furusato-nozei');
    await searchUntilFound(page, project.title);
    expect(new URL(page.url()).search).toBe('?prefecture=31&skill=furusato-nozei');
    const found = await seen(card(page, project.title));
    for (const expected of [
      firm.org,
      '鳥取県 湯梨浜町',
      '¥50,000/月',
      '月 20 時間',
      'フルリモート',
      '短時間',
      'furusato-nozei',
      'ec',
      '応募 0 件',
    ]) {
      expect(found).toContain(expected);
    }

    // Then by a Japanese keyword from the title, with the filters cleared.
    await search.getByRole('button', { name: '条件をクリア' }).click();
    await expect.poll(() => page.url()).toBe(`${url}/projects`);
    // Clearing re-renders the form from the URL; fill the keyword only once that has settled, and check it stuck.
    await results(page).and(page.locator('[aria-busy="false"]')).waitFor();
    const keyword = search.getByLabel('キーワード');
    await expect.poll(() => keyword.inputValue()).toBe('');
    // Type the keyword and search until the address carries it: a re-render of the form from the address
    // (after clearing) can still wipe what was typed before the search is sent.
    await expect
      .poll(async () => {
        if ((await keyword.inputValue()) !== `返礼品 ${token}`) await keyword.fill(`返礼品 ${token}`);
        await search.getByRole('button', { name: '検索する' }).click();
        return new URL(page.url()).searchParams.get('q');
      })
      .toBe(`返礼品 ${token}`);
    await searchUntilFound(page, project.title);
    // The newest project can also show in an unfiltered list: wait for the keyword search itself.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(`返礼品 ${token}`);
    await expect.poll(() => results(page).getByRole('article').count()).toBe(1);
    await page.getByRole('status').getByText('1 件を表示しています。').waitFor();
    await screenshot(page, '21-project-search');
    await expectAccessible(page, 'project search');

    // The address is the search: back returns to the earlier ones, with the form showing them.
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${url}/projects`);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?prefecture=31&skill=furusato-nozei');
    await expect.poll(() => search.getByLabel('都道府県').inputValue()).toBe('31');
    expect(await search.getByLabel('スキル').inputValue()).toBe('furusato-nozei');
    await card(page, project.title).waitFor();
    await page.goForward();
    await page.goForward();
    await expect.poll(() => search.getByLabel('キーワード').inputValue()).toBe(`返礼品 ${token}`);

    // The project page, and applying.
    await card(page, project.title).getByRole('link', { name: project.title }).click();
    await page.getByRole('heading', { level: 1, name: project.title }).waitFor();
    const terms = await seen(page.getByRole('region', { name: '募集条件' }));
    for (const expected of [
      firm.org,
      '鳥取県 湯梨浜町',
      '¥50,000/月（税別）',
      '月 20 時間',
      'フルリモート',
      '6 か月',
      '2027年7月',
      '週10時間未満（月43時間以内）',
      '応募 0 件',
      '最終更新',
    ]) {
      expect(terms).toContain(expected);
    }
    // 12条: how current the posting is; no condition has changed since it was published.
    expect(terms).not.toContain('条件変更');
    expect(await seen(page.getByRole('main'))).toContain(project.challenge);
    const apply = page.getByRole('region', { name: 'この案件に応募する' });
    await apply.getByRole('button', { name: '応募する' }).click();
    await apply.getByText('入力してください。', { exact: true }).waitFor();
    await apply
      .getByLabel('提案内容')
      .fill(
        '返礼品ページの制作を8年続けてきました。\n写真の撮り方から商品説明まで、月20時間でお手伝いできます。',
      );
    await screenshot(page, '22-project-page');
    await expectAccessible(page, 'project page with the apply form');
    await apply.getByRole('button', { name: '応募する' }).click();
    await apply.getByText('応募しました。企業からの連絡をお待ちください。').waitFor();
    await apply.getByText('この案件には応募済みです（状態：応募済み）。').waitFor();
    await expect.poll(() => seen(page.getByRole('region', { name: '募集条件' }))).toContain('応募 1 件');

    // A reload knows it too: no form, "applied" with the way to My applications.
    await page.reload();
    await apply.getByText('この案件には応募済みです（状態：応募済み）。').waitFor();
    expect(await apply.getByRole('button', { name: '応募する' }).count()).toBe(0);
    await apply.getByRole('link', { name: 'マイ応募を見る' }).click();
    await page.getByRole('heading', { level: 1, name: 'マイ応募' }).waitFor();
    const mine = page.getByRole('article').filter({ hasText: project.title });
    await expect.poll(() => seen(mine)).toContain('応募済み');
    expect(await seen(mine)).toContain(firm.org);
    // The region's name arrives with the municipalities list, after the application itself.
    await expect.poll(() => seen(mine)).toContain('鳥取県 湯梨浜町');
    await mine.getByRole('button', { name: '応募を取り下げる' }).waitFor();
    await screenshot(page, '23-my-applications');
    await expectAccessible(page, 'my applications');

    // The firm reads the application and accepts, after confirming.
    const firmAgain = await open({ storageState: firmState });
    await firmAgain.goto(`${url}/my/projects`);
    const listed = firmAgain.getByRole('article').filter({ hasText: project.title });
    await expect.poll(() => seen(listed)).toContain('応募 1 件');
    expect(await seen(listed)).toContain('募集中');
    await listed.getByRole('link', { name: '応募者を見る（1 件）' }).click();
    await firmAgain.getByRole('heading', { level: 1, name: '応募者' }).waitFor();
    const applicant = firmAgain.getByRole('article', { name: pro.name });
    await expect.poll(() => seen(applicant)).toContain('返礼品ページの制作を8年続けてきました。');
    const text = await seen(applicant);
    for (const expected of ['ふるさと納税の返礼品ページ制作 8 年', 'furusato-nozei', '8 年', '応募済み']) {
      expect(text).toContain(expected);
    }
    await screenshot(firmAgain, '24-applicants');
    await expectAccessible(firmAgain, 'applicants');
    await applicant.getByRole('button', { name: '採用する' }).click();
    const dialog = firmAgain.getByRole('dialog', { name: `${pro.name} さんを採用しますか？` });
    await dialog.getByText('採用すると契約が作成され、お支払い待ちになります。').waitFor();
    await expectAccessible(firmAgain, 'accept confirmation');
    await dialog.getByRole('button', { name: '採用する' }).click();
    await firmAgain.getByRole('status').getByText(`${pro.name} さんを採用しました。`).waitFor();
    await expect.poll(() => seen(applicant)).toContain('契約作成済み・お支払い待ち');
    expect(await applicant.getByRole('button', { name: '採用する' }).count()).toBe(0);
    expect(await seen(applicant)).toContain('採用');
    await screenshot(firmAgain, '25-applicants-accepted');

    // The professional's list now says accepted, and nothing can be withdrawn any more.
    await page.reload();
    await expect.poll(() => seen(mine)).toContain('採用');
    expect(await seen(mine)).toContain('採用が決まりました。');
    expect(await mine.getByRole('button', { name: '応募を取り下げる' }).count()).toBe(0);
    await screenshot(page, '26-my-applications-accepted');
  });

  test('a professional withdraws an application after confirming', async () => {
    const demoFirm = await signIn('firm@demo.kakehashi.jp');
    const other = await openProject(demoFirm, { title: `古民家カフェの SNS 運用 ${token}` });
    const page = await open({ storageState: proState });
    await page.goto(`${url}/projects/${other.id}`);
    const apply = page.getByRole('region', { name: 'この案件に応募する' });
    await apply.getByLabel('提案内容').fill('SNS 運用の経験があります。');
    await apply.getByRole('button', { name: '応募する' }).click();
    await apply.getByText('応募しました。企業からの連絡をお待ちください。').waitFor();
    // The firm raises the fee after the application (12条): the page says the conditions changed, and so
    // does the applicant's list.
    const raised = await call('PATCH', `/v1/projects/${other.id}`, {
      token: demoFirm,
      json: { monthlyFeeJpy: 60_000 },
    });
    expect(raised.status).toBe(200);
    await page.reload();
    const terms = page.getByRole('region', { name: '募集条件' });
    await expect.poll(() => seen(terms)).toContain('¥60,000/月');
    expect(await seen(terms)).toContain('条件変更');
    await page.getByRole('banner').getByRole('link', { name: 'マイ応募' }).click();
    const item = page.getByRole('article').filter({ hasText: other.title });
    await expect
      .poll(() => seen(item))
      .toContain('応募のあとで、報酬・稼働時間・リモートなどの募集条件が変更されました');
    await item.getByRole('link', { name: '新しい条件を案件のページで確認する' }).waitFor();
    await screenshot(page, '23-my-applications-terms-changed');
    await expectAccessible(page, 'my applications, the terms changed after applying');
    await item.getByRole('button', { name: '応募を取り下げる' }).click();
    const dialog = page.getByRole('dialog', { name: '応募を取り下げますか？' });
    // Cancel keeps it; confirming withdraws it.
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await seen(item)).toContain('応募済み');
    await item.getByRole('button', { name: '応募を取り下げる' }).click();
    await dialog.getByRole('button', { name: '応募を取り下げる' }).click();
    await page.getByRole('status').getByText(`「${other.title}」への応募を取り下げました。`).waitFor();
    await expect.poll(() => item.getByRole('button', { name: '応募を取り下げる' }).count()).toBe(0);
    await item.getByText('取り下げ', { exact: true }).first().waitFor();
  });

  test('on a 375 px phone the search fits the screen; a visitor signs up from the project page and returns to it', async () => {
    const page = await open({ viewport: PHONE });
    await page.goto(`${url}/projects?q=${encodeURIComponent(token)}&prefecture=31`);
    await card(page, project.title).waitFor();
    const noHorizontalScroll = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(await noHorizontalScroll()).toBe(true);
    // The filters fold away behind a button on a phone; the keyword stays in view.
    const toggle = page.getByRole('button', { name: /ほかの条件/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('search').getByLabel('都道府県').isVisible()).toBe(false);
    await screenshot(page, '27-project-search-phone');
    await toggle.click();
    await page.getByRole('search').getByLabel('都道府県').waitFor();
    expect(await page.getByRole('search').getByLabel('都道府県').inputValue()).toBe('31');
    expect(await noHorizontalScroll()).toBe(true);
    await expectAccessible(page, 'project search on a phone');

    await card(page, project.title).getByRole('link', { name: project.title }).click();
    await page.getByRole('heading', { level: 1, name: project.title }).waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    const apply = page.getByRole('region', { name: 'この案件に応募する' });
    await apply.getByText('応募するには、プロ人材としてログインしてください。').waitFor();
    const signInLink = apply.getByRole('link', { name: 'ログインして応募する' });
    expect(await signInLink.getAttribute('href')).toMatch(/^\/signin\?next=%2Fprojects%2F[0-9a-f-]{36}$/);
    await screenshot(page, '28-project-page-phone');

    // Signing up from here comes back here once the profile exists, with the form to apply.
    const projectPath = new URL(page.url()).pathname;
    await apply.getByRole('link', { name: '新規登録（無料）' }).click();
    await page.getByRole('heading', { level: 1, name: '新規登録' }).waitFor();
    await page.getByLabel('メールアドレス').fill(`pro-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`);
    await page.getByRole('textbox', { name: 'パスワード' }).fill(PASSWORD);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { level: 1, name: 'はじめに' }).waitFor();
    expect(page.url()).toBe(`${url}/onboarding?next=${encodeURIComponent(projectPath)}`);
    await page.getByRole('radio', { name: 'プロ人材として' }).check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('表示名').fill('中村 陽介');
    await page.getByRole('button', { name: 'プロフィールを作成' }).click();
    await page.getByRole('heading', { level: 1, name: project.title }).waitFor();
    expect(page.url()).toBe(`${url}${projectPath}`);
    await apply.getByLabel('提案内容').waitFor();
  });

  test('in English the search shows English region names and fees; the firm cannot apply to a project', async () => {
    const page = await open({ storageState: firmState });
    await page.goto(`${url}/projects?q=${encodeURIComponent(token)}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find projects' }).waitFor();
    const result = page
      .getByRole('region', { name: 'Results' })
      .getByRole('article')
      .filter({ hasText: project.title });
    await expect.poll(() => seen(result)).toContain('Yurihama-cho, Tottori');
    const text = await seen(result);
    for (const expected of [
      '¥50,000 a month',
      '20 hours a month',
      'Fully remote',
      'Short hours',
      '1 applicant',
    ]) {
      expect(text).toContain(expected);
    }
    await screenshot(page, '29-project-search-en');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: '案件を探す' }).waitFor();

    // Its own project: managed, not applied for; closing asks first and ends the listing.
    await card(page, project.title).getByRole('link', { name: project.title }).click();
    await page.getByRole('heading', { level: 1, name: project.title }).waitFor();
    expect(await page.getByRole('region', { name: 'この案件に応募する' }).count()).toBe(0);
    const manage = page.getByRole('region', { name: 'この案件の管理' });
    await manage.getByRole('button', { name: '募集を終了する' }).click();
    const dialog = page.getByRole('dialog', { name: '募集を終了しますか？' });
    await dialog.getByRole('button', { name: '募集を終了する' }).click();
    await page.getByRole('status').getByText('募集を終了しました。').waitFor();
    await manage.getByText('募集を終了した案件です。').waitFor();
    expect(await manage.getByRole('link', { name: '編集する' }).count()).toBe(0);

    // Another firm's project: no form, a sentence instead.
    const other = await openProject(await signIn('firm@demo.kakehashi.jp'), {
      title: `酒蔵の海外向けEC ${token}`,
    });
    await page.goto(`${url}/projects/${other.id}`);
    await page
      .getByRole('region', { name: 'この案件に応募する' })
      .getByText('企業・団体、自治体担当者、運営のアカウントでは応募できません。')
      .waitFor();
  });
});
