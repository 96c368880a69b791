import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { call, mailTo, newUser } from '../support/api.ts';
import { openProject } from '../support/projects.ts';
import { expectAccessible, screenshot, seen, signedIn, watchedBrowser } from './browser.ts';

/**
 * Team work in Debian's Chromium against the local cloud: a director creates a team and invites a member by
 * e-mail; the member opens the mail's link, signs up, creates a profile and lands back on the team to join it;
 * the director applies for a project that welcomes teams as the team; the firm reads both members' profiles
 * and accepts; the director changes the shares and sees next month's split in yen as they type. The firm, the
 * director and the project are made through the API; the tests run in order and share them.
 */
const { url } = inject('cloud');
const PASSWORD = 'test-password-1';
const FEE = 50_000;
/** The phone the team pages are checked on. */
const PHONE_390 = { width: 390, height: 844 };

const openWatched = watchedBrowser();
const token = Math.random().toString(36).slice(2, 8);
const firm = { email: '', token: '', org: `はわい梨園 ${token}` };
const director = { email: '', token: '', name: '佐々木 遥' };
const member = { email: `member-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`, name: '小林 翔太' };
const teamName = `とっとりEC支援チーム ${token}`;
const title = `梨園のEC立ち上げ支援 ${token}`;
let projectId = '';
let teamId = '';
let engagementId = '';

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  Object.assign(firm, await newUser('firm'));
  Object.assign(director, await newUser('director'));
  const firmProfile = await call('PUT', '/v1/me', {
    token: firm.token,
    json: { role: 'firm', displayName: '松本 直樹', organizationName: firm.org, municipalityCode: '31370' },
  });
  expect(firmProfile.status).toBeLessThan(300);
  const directorProfile = await call('PUT', '/v1/me', {
    token: director.token,
    json: {
      role: 'professional',
      displayName: director.name,
      headline: 'ECサイトの構築を10年。地方の小売を支援しています。',
      skills: ['ec', 'marketing'],
    },
  });
  expect(directorProfile.status).toBeLessThan(300);
  const project = await openProject(firm.token, {
    title,
    monthlyFeeJpy: FEE,
    skills: ['ec', 'marketing'],
    welcomesTeams: true,
  });
  projectId = project.id;
  expect(project.welcomesTeams).toBe(true);
});

describe('teams', () => {
  test('a director creates a team and invites a member, who signs up from the mail’s link and joins', async () => {
    const page = await signedIn(await openWatched(), director.email, '/teams');
    // The professional's menu leads to the teams.
    await page.getByRole('banner').getByRole('link', { name: 'チーム' }).click();
    await page.getByRole('heading', { level: 1, name: 'チーム' }).waitFor();
    await page.getByText('まだチームはありません。').waitFor();
    const create = page.getByRole('region', { name: 'チームを作る' });
    // Checked with the contract before anything is sent.
    await create.getByRole('button', { name: 'チームを作成' }).click();
    await create.getByText('入力してください。').waitFor();
    await expectAccessible(page, 'teams, the create form with an error');
    await create.getByLabel('チーム名').fill(teamName);
    await create.getByLabel('チームの紹介').fill('EC構築と広告運用を分担して、地方の小売をお手伝いします。');
    await create.getByRole('button', { name: 'チームを作成' }).click();

    await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    teamId = new URL(page.url()).pathname.split('/')[2] as string;
    await page.getByRole('heading', { level: 1, name: teamName }).waitFor();
    await page.getByRole('status').getByText(`チーム「${teamName}」を作成しました。`).waitFor();
    const members = page.getByRole('region', { name: 'メンバー', exact: true });
    expect(await seen(members)).toContain('メンバー 1 人（最大 20 人）');
    expect(await seen(members)).toContain(director.name);
    await page.getByText('チームとして応募するには、2人以上のメンバーが必要です。').waitFor();

    const invite = page.getByRole('region', { name: 'メンバーを招待する' });
    await invite.getByLabel('メールアドレス').fill('not-an-address');
    await invite.getByRole('button', { name: '招待する' }).click();
    await invite.getByText('メールアドレスの形式で入力してください。').waitFor();
    await invite.getByLabel('メールアドレス').fill(member.email);
    await invite.getByRole('button', { name: '招待する' }).click();
    await page.getByRole('status').getByText(`${member.email} に招待メールを送りました。`).waitFor();
    const pending = page.getByRole('region', { name: '招待中の人' });
    await expect.poll(() => seen(pending)).toContain(member.email);
    expect(await seen(pending)).toContain('招待中');
    await screenshot(page, '60-team-director');
    await expectAccessible(page, 'team page (director)');

    // The invitation mail links to the team page, which offers to join once signed in.
    const mails = await mailTo(member.email);
    const mail = mails.find((m) => m.subject.includes(teamName));
    expect(mail).toBeDefined();
    const link = new RegExp(`${url}/teams/${teamId}\\?join=1`).exec(mail?.text ?? '')?.[0];
    expect(link).toBeDefined();

    const memberPage = (await openWatched({ viewport: PHONE_390 })).page;
    await memberPage.goto(link as string);
    await memberPage.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    expect(memberPage.url()).toBe(`${url}/signin?next=${encodeURIComponent(`/teams/${teamId}?join=1`)}`);
    await memberPage.getByRole('main').getByRole('link', { name: '新規登録' }).click();
    await memberPage.getByRole('heading', { level: 1, name: '新規登録' }).waitFor();
    await memberPage.getByLabel('メールアドレス').fill(member.email);
    await memberPage.getByRole('textbox', { name: 'パスワード' }).fill(PASSWORD);
    await memberPage.getByRole('button', { name: '登録する' }).click();
    await memberPage.getByRole('heading', { level: 1, name: 'はじめに' }).waitFor();
    await memberPage.getByRole('radio', { name: 'プロ人材として' }).check();
    await memberPage.getByRole('button', { name: '次へ' }).click();
    await memberPage.getByLabel('表示名').fill(member.name);
    await memberPage.getByLabel('ひとこと紹介').fill('Web広告の運用が得意です。');
    await memberPage.getByRole('button', { name: 'プロフィールを作成' }).click();

    // Back where the mail led: the invitation, and the button to take it up.
    await memberPage.getByRole('heading', { level: 1, name: teamName }).waitFor();
    expect(memberPage.url()).toBe(`${url}/teams/${teamId}?join=1`);
    const join = memberPage.getByRole('region', { name: 'チームに招待されています' });
    await join.getByText(`チーム「${teamName}」から招待が届いています。`).waitFor();
    expect(await noHorizontalScroll(memberPage)).toBe(true);
    await screenshot(memberPage, '61-team-invited-phone');
    await expectAccessible(memberPage, 'team page (invited, phone)');
    await join.getByRole('button', { name: 'このチームに参加する' }).click();
    await memberPage.getByRole('status').getByText(`チーム「${teamName}」に参加しました。`).waitFor();
    expect(await join.count()).toBe(0);
    const joined = memberPage.getByRole('region', { name: 'メンバー', exact: true });
    await expect.poll(() => seen(joined)).toContain(member.name);
    expect(await seen(joined)).toContain('メンバー 2 人');

    // Leaving asks first, and says it takes effect from the next paid month; keeping it changes nothing.
    const leave = memberPage.getByRole('region', { name: 'チームを抜ける' });
    await leave.getByRole('button', { name: 'チームを抜ける' }).click();
    const dialog = memberPage.getByRole('dialog', { name: 'チームを抜けますか？' });
    await dialog.getByText('次回のお支払い分からあなたの配分がほかのメンバーに移り').waitFor();
    await expectAccessible(memberPage, 'leave confirmation (phone)');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(memberPage, '62-team-member-phone');

    // The director sees the member, and no invitation left.
    await page.reload();
    await expect.poll(() => seen(members)).toContain(member.name);
    await page.getByRole('region', { name: '招待中の人' }).getByText('招待中の人はいません。').waitFor();
  });

  test('the director applies as the team for a project that welcomes teams; the firm reads both profiles and accepts', async () => {
    const page = await signedIn(await openWatched(), director.email, '/projects');
    // The search's filter keeps to projects that welcome teams, as the address says.
    await page.goto(`${url}/projects?teams=true&q=${encodeURIComponent(token)}`);
    expect(await page.getByLabel('チームでの応募を歓迎する案件のみ').isChecked()).toBe(true);
    const card = page.getByRole('article').filter({ hasText: title });
    await expect.poll(() => seen(card)).toContain('チーム歓迎');
    await card.getByRole('link', { name: title }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await seen(page.getByRole('region', { name: '募集条件' }))).toContain('チームでの応募');
    const apply = page.getByRole('region', { name: 'この案件に応募する' });
    const asTeam = apply.getByRole('radio', { name: `チーム「${teamName}」（2人）` });
    expect(await apply.getByRole('radio', { name: '自分（個人）' }).isChecked()).toBe(true);
    await asTeam.check();
    await apply
      .getByLabel('提案内容')
      .fill('EC構築と広告運用をチームで分担し、3か月で自社ECを開店させます。');
    await expectAccessible(page, 'project page, applying as a team');
    await apply.getByRole('button', { name: '応募する' }).click();
    await apply.getByText(`チーム「${teamName}」として応募済み`).waitFor();
    await screenshot(page, '63-project-applied-as-team');

    const firmPage = await signedIn(await openWatched(), firm.email, `/my/projects/${projectId}/applicants`);
    const application = firmPage.getByRole('article', { name: teamName });
    await expect
      .poll(() => seen(application))
      .toContain(`代表 ${director.name} さんのチーム（2人）からの応募です。`);
    const team = application.getByRole('region', { name: 'チームのメンバー（2人）' });
    for (const expected of [
      director.name,
      'ECサイトの構築を10年。',
      member.name,
      'Web広告の運用が得意です。',
    ])
      expect(await seen(team)).toContain(expected);
    await screenshot(firmPage, '64-applicants-team');
    await expectAccessible(firmPage, 'applicants with a team');
    await application.getByRole('button', { name: '採用する' }).click();
    const dialog = firmPage.getByRole('dialog', { name: `チーム「${teamName}」を採用しますか？` });
    await dialog.getByRole('button', { name: '採用する' }).click();
    await firmPage.getByRole('status').getByText(`チーム「${teamName}」を採用しました。`).waitFor();
    await firmPage.getByRole('status').getByRole('link', { name: '契約のページへ（お支払い）' }).click();
    await firmPage.waitForURL(/\/engagements\/[0-9a-f-]{36}$/);
    engagementId = new URL(firmPage.url()).pathname.split('/')[2] as string;

    // The firm sees the team and how the month is shared, and why it cannot pay yet.
    await firmPage.getByRole('heading', { level: 1, name: title }).waitFor();
    const terms = firmPage.getByRole('region', { name: '契約内容' });
    await expect.poll(() => seen(terms)).toContain(`${teamName}（代表：${director.name}）`);
    const shares = firmPage.getByRole('region', { name: '現在の配分' });
    await expect.poll(() => seen(shares)).toContain(member.name);
    expect(await seen(shares)).toMatch(/50%[\s\S]*50%/);
    expect(await seen(shares)).toContain('未設定');
    expect(await firmPage.getByRole('region', { name: '配分を変更する' }).count()).toBe(0);
    const actions = firmPage.getByRole('region', { name: 'お支払いと契約の変更' });
    await actions
      .getByText(`${director.name} さん、${member.name} さんが報酬の受け取り設定をまだ終えていない`)
      .waitFor();
    await expectAccessible(firmPage, 'team engagement (firm)');
  });

  test('the director edits the shares and sees next month’s split in yen as they type', async () => {
    const page = await signedIn(await openWatched(), director.email, `/engagements/${engagementId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const editor = page.getByRole('region', { name: '配分を変更する' });
    const mine = editor.getByLabel(`${director.name} さんの配分（%）`);
    const theirs = editor.getByLabel(`${member.name} さんの配分（%）`);
    await expect.poll(() => mine.inputValue()).toBe('50');
    expect(await theirs.inputValue()).toBe('50');
    const preview = editor.getByRole('region', { name: '来月の内訳（見込み）' });
    const row = (name: string) => preview.getByRole('row').filter({ hasText: name });
    // Equal shares: ¥50,000 less the 10 % fee, half each.
    await expect.poll(() => seen(row(member.name))).toContain('¥22,500');

    // Not adding up to 100: the total says so, the amounts wait, saving is refused before sending.
    await mine.fill('60');
    await editor.getByText('合計 110%').waitFor();
    await preview.getByText('配分の合計が 100% になると、金額の見込みが表示されます。').waitFor();
    expect(await seen(row(member.name))).not.toContain('¥');
    await editor.getByRole('button', { name: '配分を保存' }).click();
    await editor.getByText('配分の合計を 100% にしてください（現在 110%）。').waitFor();
    await theirs.fill('');
    await editor.getByRole('button', { name: '配分を保存' }).click();
    await editor.getByText('0〜100 の数値（小数第1位まで）で入力してください。').waitFor();

    // 60 / 40: the month's gross, fee, its tax and the net, each divided exactly.
    await theirs.fill('40');
    await editor.getByText('合計 100%').waitFor();
    await expect.poll(() => seen(row(director.name))).toContain('¥30,000');
    for (const expected of ['60%', '¥30,000', '¥3,000', '¥272', '¥27,000'])
      expect(await seen(row(director.name))).toContain(expected);
    for (const expected of ['40%', '¥20,000', '¥2,000', '¥182', '¥18,000'])
      expect(await seen(row(member.name))).toContain(expected);
    expect(await seen(row('月の合計'))).toContain('¥454');
    await screenshot(page, '65-shares-editor');
    await expectAccessible(page, 'shares editor with the preview');

    await editor.getByRole('button', { name: '配分を保存' }).click();
    await page
      .getByRole('region', { name: 'チームと配分' })
      .getByRole('status')
      .getByText('配分を保存しました。')
      .waitFor();
    // Before the first payment, the new shares are the ones the first month is paid by.
    const current = page.getByRole('region', { name: '現在の配分' });
    await expect.poll(() => seen(current)).toMatch(/60%[\s\S]*40%/);

    // In English, and on a phone: the editor and its preview fit (the preview table scrolls sideways).
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Change the shares' });
    await english.getByLabel(`Share of ${member.name} (%)`).fill('45.5');
    await english.getByLabel(`Share of ${director.name} (%)`).fill('54.5');
    await english.getByText('Total 100%').waitFor();
    await expect
      .poll(() => seen(english.getByRole('region', { name: 'Next month’s split (estimate)' })))
      .toContain('¥20,475');
    await page.setViewportSize(PHONE_390);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, '66-shares-editor-en-phone');
    await expectAccessible(page, 'shares editor in English on a phone');
    await page.getByRole('button', { name: '日本語' }).click();

    // The member sees the shares, not the editor.
    const memberPage = await signedIn(await openWatched(), member.email, `/engagements/${engagementId}`);
    await expect.poll(() => seen(memberPage.getByRole('region', { name: '現在の配分' }))).toContain('40%');
    expect(await memberPage.getByRole('region', { name: '配分を変更する' }).count()).toBe(0);
  });

  test('each member sets up payouts, the firm pays, and each member sees their own first paid month', async () => {
    // Both set up payouts on the local Stripe's onboarding page.
    for (const person of [director.email, member.email]) {
      const page = await signedIn(await openWatched(), person, '/payouts');
      const status = page.getByRole('region', { name: '現在の状態' });
      await status.getByRole('button', { name: 'Stripe で受け取り設定をする' }).click();
      await page.waitForURL((u) => u.origin !== url);
      await page.getByRole('heading', { level: 1, name: /報酬の受け取り設定/ }).waitFor();
      await page.getByRole('button', { name: /テストデータで完了する/ }).click();
      await page.waitForURL(`${url}/payouts?onboarding=done`);
      await status.getByText('受取可能', { exact: true }).waitFor();
    }

    // The firm pays the first month on the local Stripe's Checkout.
    const firmPage = await signedIn(await openWatched(), firm.email, `/engagements/${engagementId}`);
    await firmPage.getByRole('button', { name: 'カードで支払う（Stripe）' }).click();
    await firmPage.waitForURL((u) => u.origin !== url);
    await firmPage.getByText('¥50,000').first().waitFor();
    const email = firmPage.getByLabel(/メールアドレス/);
    if (await email.count()) await email.fill(firm.email);
    await firmPage.getByRole('button', { name: /4242 4242 4242 4242 で支払う/ }).click();
    await firmPage.waitForURL(`${url}/engagements/${engagementId}?checkout=success`);
    const terms = firmPage.getByRole('region', { name: '契約内容' });
    await expect.poll(() => seen(terms), { timeout: 20_000 }).toContain('稼働中');

    // Each member: the month on the engagement, its split (60 / 40 of ¥45,000), paid out to them.
    for (const [person, net, name] of [
      [member.email, '¥18,000', member.name],
      [director.email, '¥27,000', director.name],
    ] as const) {
      const page = await signedIn(await openWatched(), person, `/engagements/${engagementId}`);
      const invoices = page.getByRole('region', { name: '請求と支払い' });
      await expect.poll(() => seen(invoices), { timeout: 20_000 }).toContain('支払済み');
      await invoices.getByRole('button', { name: /内訳/ }).first().click();
      const part = invoices.getByRole('row').filter({ hasText: name });
      await expect.poll(() => seen(part), { timeout: 20_000 }).toContain('送金済み');
      expect(await seen(part)).toContain(net);
      await screenshot(page, person === member.email ? '67-first-month-member' : '68-first-month-director');
      await expectAccessible(page, 'a team’s first paid month');

      // Their own statement: only their part of the month.
      await page.goto(`${url}/earnings`);
      const main = page.getByRole('main');
      await expect.poll(() => seen(main), { timeout: 10_000 }).toContain(title);
      expect(await seen(main)).toContain(net);
      expect(await seen(main)).not.toContain(person === member.email ? '¥27,000' : '¥18,000');
    }
  });
  test('my teams, more than a page: the first 20, the rest on もっと見る, each once and the invitation last', async () => {
    const many = await newUser('many-teams');
    await call('PUT', '/v1/me', {
      token: many.token,
      json: { role: 'professional', displayName: '多田 結' },
    });
    const names = Array.from(
      { length: 21 },
      (_, i) => `ページ送り ${token} ${String(i + 1).padStart(2, '0')}`,
    );
    for (const name of names)
      expect((await call('POST', '/v1/teams', { token: many.token, json: { name } })).status).toBe(201);
    const inviting = `招待してくれたチーム ${token}`;
    const invitingId = (await call('POST', '/v1/teams', { token: director.token, json: { name: inviting } }))
      .body.id;
    const invited = await call('POST', `/v1/teams/${invitingId}/invitations`, {
      token: director.token,
      json: { email: many.email },
    });
    expect(invited.status).toBe(201);

    const page = await signedIn(await openWatched(), many.email, '/teams');
    const list = page.getByRole('region', { name: '参加しているチーム' });
    const cards = list.getByRole('article');
    await expect.poll(() => cards.count()).toBe(20);
    // The newest first: the last one made leads.
    expect(await seen(cards.first())).toContain(names[20]);
    const more = page.getByRole('button', { name: 'もっと見る' });
    await more.click();
    await expect.poll(() => cards.count()).toBe(22);
    await expect.poll(() => more.count()).toBe(0);
    const titles = await cards.getByRole('heading').allInnerTexts();
    expect([...titles].sort()).toEqual([...names, inviting].sort());
    expect(titles.at(-1)).toBe(inviting);
    expect(await seen(cards.last())).toContain('招待中');
    await expectAccessible(page, 'my teams, two pages read');
  });
});
