import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { call, DEMO_PASSWORD, mailTo, newUser, signIn } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { freshParties } from '../support/payments.ts';
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
 * The operators' console in Debian's Chromium against the local cloud: the operator hides a posting from its
 * page with a reason (a visitor no longer finds it and its page is not found; the firm's mailbox has the
 * reason), finds it among the hidden postings and shows it again; every console page passes axe in Japanese
 * and English, on a desktop and on a 390 px phone, without sideways scrolling. The firm and its project are made
 * through the API.
 */
const { url } = inject('cloud');
const OPERATOR = 'operator@demo.kakehashi.jp';
const PHONE_390 = { width: 390, height: 844 };
const CONSOLE = [
  '/admin',
  '/admin/staff',
  '/admin/postings',
  '/admin/accounts',
  '/admin/audit',
  '/admin/fees',
  '/admin/mail',
];

const openWatched = watchedBrowser();
const token = `t${Math.random().toString(36).slice(2, 8)}`;
const title = `梨の選果場の人手募集 ${token}`;
const reason = '掲載内容と実際の募集条件が異なるとの通報があり、確認中です。';
let firmEmail = '';
let projectId = '';

const signedIn = (watched: Watched, path: string, email = OPERATOR, password = DEMO_PASSWORD) =>
  signInPage(watched, email, path, password);

/** What a visitor's keyword search shows, asked again until it says `found` (listings follow the stream). */
async function visitorSearch(page: Page, found: boolean) {
  await expect
    .poll(
      async () => {
        await page.goto(`${url}/projects?q=${token}`);
        const results = page.getByRole('region', { name: '検索結果' });
        await results.and(page.locator('[aria-busy="false"]')).waitFor();
        return (await results.getByRole('link', { name: title }).count()) > 0;
      },
      { timeout: 30_000 },
    )
    .toBe(found);
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  const { firm } = await freshParties('console');
  firmEmail = firm.email;
  projectId = (await openProject(firm.token, { title })).id;
  await eventually(async () => {
    const listed = await call('GET', `/v1/projects?q=${token}`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(projectId);
  }, 30_000); // a loaded machine's stream poller may take a while
});

describe('the operators’ console', () => {
  test('the operator hides a posting with a reason: visitors lose it, the firm is told; then shows it again', async () => {
    const page = await signedIn(await openWatched(), `/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const moderation = page.getByRole('region', { name: '運営の操作' });
    await moderation.getByRole('button', { name: '非公開にする' }).click();
    const dialog = page.getByRole('dialog', { name: 'この案件を非公開にしますか？' });
    // No reason, no hiding: the dialog says so.
    await dialog.getByRole('button', { name: '非公開にする' }).click();
    await expect.poll(() => seen(dialog)).toContain('理由を入力してください。');
    await dialog.getByRole('textbox', { name: '理由' }).fill(reason);
    await expectAccessible(page, 'the hide dialog');
    await dialog.getByRole('button', { name: '非公開にする' }).click();
    await expect
      .poll(() => seen(page.getByRole('status').filter({ hasText: '非公開にしました' })))
      .toContain('事業者にメールで伝えました');
    await expect.poll(() => seen(page.getByRole('main'))).toContain(`理由: ${reason}`);
    await screenshot(page, 'console-project-hidden');

    // A visitor: not in the keyword search, and its page is not found.
    const visitor = await openWatched();
    visitor.expectFailure(`/v1/projects/${projectId}`, 404);
    await visitorSearch(visitor.page, false);
    await visitor.page.goto(`${url}/projects/${projectId}`);
    await visitor.page.getByRole('heading', { level: 1, name: 'この案件は見つかりませんでした' }).waitFor();

    // The firm's mail says why.
    await eventually(async () => {
      const mail = (await mailTo(firmEmail)).find((m) => m.subject.includes('非公開にしました'));
      expect(mail?.text).toContain(reason);
    });

    // Among the hidden postings, with its reason; from there back to its page to show it again.
    await page.goto(`${url}/admin/postings`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect.poll(() => seen(row)).toContain(reason);
    await expectAccessible(page, 'the hidden postings');
    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await moderation.getByRole('button', { name: '再公開する' }).click();
    const again = page.getByRole('dialog', { name: 'この案件を再び公開しますか？' });
    await again
      .getByRole('textbox', { name: '理由' })
      .fill('事業者に確認し、募集条件が正しいことがわかりました。');
    await again.getByRole('button', { name: '再公開する' }).click();
    await expect
      .poll(() => seen(page.getByRole('status').filter({ hasText: '再び公開しました' })))
      .toContain('再び公開しました');
    await visitorSearch(visitor.page, true);

    // The trail has both, newest first, with who did it.
    await page.goto(`${url}/admin/audit`);
    const entries = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect.poll(() => entries.count()).toBe(2);
    expect(await seen(entries.first())).toContain('案件を再公開');
    expect(await seen(entries.last())).toContain(reason);
  });

  test('a suspended account signs in and is told why nothing goes through, in Japanese and English', async () => {
    const { email, token } = await newUser('suspended');
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: '停止 花子' } });
    const sub = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;
    const operator = await signIn(OPERATOR);
    const suspended = await call('POST', `/v1/admin/users/${sub}/suspend`, {
      token: operator,
      json: { reason: '迷惑な応募を繰り返しています。' },
    });
    expect(suspended.status).toBe(200);
    const watched = await openWatched({ viewport: PHONE_390 });
    watched.expectFailure('/v1/me', 403);
    watched.expectFailure('/v1/me/applications', 403);
    const page = await signedIn(watched, '/my/applications', email, 'test-password-1');
    const notice = page.getByRole('main').getByRole('alert').first();
    const settled = () => expect.poll(() => page.locator('main .mantine-Loader-root').count()).toBe(0);
    await expect.poll(() => seen(notice)).toContain('このアカウントは運営により利用停止されています');
    await settled();
    await expectAccessible(page, 'a suspended account’s page');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => seen(notice)).toContain('This account is suspended by the Kakehashi operators');
    await settled();
    await expectAccessible(page, 'a suspended account’s page in English');
    await screenshot(page, 'console-suspended-en-phone');
  });

  test('mail SES refused is listed for the operators: to whom, what and why; nothing waits to be retried', async () => {
    const { email, token } = await newUser('bounced');
    await fetch(`${url}/_local/mailbox/refusals/${encodeURIComponent(email)}`, {
      method: 'PUT',
      body: JSON.stringify({ reason: 'rejected' }),
    });
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: '届かない 花子' } });
    const page = await signedIn(await openWatched(), '/admin/mail');
    const row = page.getByRole('row').filter({ hasText: email });
    await expect.poll(() => seen(row)).toContain('MessageRejected');
    expect(await seen(row)).toContain('架け橋へようこそ');
    await expectAccessible(page, 'the undelivered mail');
    await screenshot(page, 'console-mail-undelivered');
    await page.getByRole('main').getByText('再送待ち', { exact: true }).click();
    await expect.poll(() => page.locator('main .mantine-Loader-root').count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: email }).count()).toBe(0);
  });

  test('region staff and invitations, more than a page: もっと見る reads on until every one is there, once', async () => {
    const operator = await signIn(OPERATOR);
    const emails = Array.from({ length: 21 }, (_, i) => `more-${i}-${token}@e2e.kakehashi.jp`);
    for (const email of emails)
      expect(
        (
          await call('POST', '/v1/admin/region-staff', {
            token: operator,
            json: { email, regionCode: '20383' },
          })
        ).status,
      ).toBe(201);
    try {
      const page = await signedIn(await openWatched(), '/admin/staff');
      const invitations = page.getByRole('region', { name: '未承諾の招待' });
      const emailsShown = () => invitations.getByRole('rowheader').allInnerTexts();
      // The first page: 20 invitations (soonest expiry first), and a button for the rest.
      await expect.poll(async () => (await emailsShown()).length).toBe(20);
      const more = page.getByRole('button', { name: 'もっと見る' });
      const state = () =>
        page.evaluate(() => {
          const button = [...document.querySelectorAll('main button')].find(
            (b) => b.textContent === 'もっと見る',
          );
          return !button ? 'none' : button.hasAttribute('data-loading') ? 'loading' : 'ready';
        });
      for (let i = 0; i < 20; i++) {
        await expect.poll(state).not.toBe('loading');
        if ((await state()) === 'none') break;
        await Promise.all([
          page.waitForResponse((r) => r.url().includes('/v1/admin/region-staff?')),
          more.click(),
        ]);
      }
      expect(await state()).toBe('none');
      const shown = await emailsShown();
      expect(shown).toHaveLength(new Set(shown).size);
      for (const email of emails) expect(shown, email).toContain(email);
      // The staff table grew with it: the demo's staff there once each.
      const staff = await page.getByRole('region', { name: '自治体担当者' }).getByRole('row').allInnerTexts();
      expect(
        staff.filter((row) => row.includes('staff@demo.kakehashi.jp') && !row.includes('-staff@')),
      ).toHaveLength(1);
      await expectAccessible(page, 'region staff, every page read');
    } finally {
      for (const email of emails)
        await call('DELETE', `/v1/admin/region-staff/invitations/${encodeURIComponent(email)}`, {
          token: operator,
        });
    }
  });

  for (const [label, viewport] of [
    ['desktop', undefined],
    ['a 390 px phone', PHONE_390],
  ] as const) {
    test(`every console page passes axe in Japanese and English on ${label}`, async () => {
      const page = await signedIn(await openWatched(viewport ? { viewport } : {}), '/admin');
      for (const language of ['ja', 'en'] as const) {
        if (language === 'en') {
          await page.getByRole('button', { name: 'English' }).click();
          await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
        }
        for (const path of CONSOLE) {
          await page.goto(`${url}${path}`);
          // The menu shows once the profile is read; then the page's own figures load.
          const menu = language === 'ja' ? '運営メニュー' : 'Operator menu';
          await page.getByRole('navigation', { name: menu }).waitFor();
          await expect.poll(() => page.locator('main .mantine-Loader-root').count()).toBe(0);
          if (path === '/admin/accounts') {
            await page
              .getByLabel(language === 'ja' ? 'メールアドレスまたはユーザーID' : 'E-mail address or user id')
              .fill(firmEmail);
            await page.getByRole('button', { name: language === 'ja' ? '探す' : 'Find' }).click();
            await page.getByRole('heading', { level: 2, name: /担当 花子/ }).waitFor();
          }
          await expectAccessible(page, `${path} in ${language} on ${label}`);
          expect(await noHorizontalScroll(page), `${path} in ${language} on ${label}`).toBe(true);
          const name = path.split('/')[2] ?? 'invite';
          await screenshot(page, `console-${name}-${language}-${viewport ? 'phone' : 'desktop'}`);
          if (language === 'en')
            expect(await seen(page.getByRole('heading', { level: 1 }))).toMatch(/^[\x20-\x7e]+$/);
        }
      }
    });
  }
});
