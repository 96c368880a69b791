import { randomUUID } from 'node:crypto';
import { describe, expect, inject, test } from 'vitest';
import { call, newUser, signIn } from '../support/api.ts';
import { expectAccessible, PHONE, screenshot, seen, signedIn, watchedBrowser } from './browser.ts';

/**
 * A regional seminar in Debian's Chromium against the whole local cloud: Tottori's staff create and publish it
 * in the editor, a professional signs up and is waitlisted, a cancellation offers them the seat, they claim
 * it, and staff check their code in at the door. The tests run in order and share the event.
 */
const { url } = inject('cloud');
const PASSWORD = 'kakehashi-e2e-1';
const openWatched = watchedBrowser();
const title = `湯梨浜 ワーケーション説明会 ${randomUUID().slice(0, 6)}`;
let eventId = '';
let code = '';
const first = { email: '', token: '' };
const pro = { email: `pro-${randomUUID().slice(0, 8)}@e2e.kakehashi.jp`, name: '岡田 由紀' };

/** A datetime-local value in Japan time, `ms` from now (the editor reads what people in Japan type). */
function japanInput(msFromNow: number): string {
  return new Date(Date.now() + msFromNow + 9 * 3_600_000).toISOString().slice(0, 16);
}

describe('tours and seminars in the browser', () => {
  test('staff create a seminar in the editor and publish it', async () => {
    const page = await signedIn(
      await openWatched(),
      'staff@demo.kakehashi.jp',
      '/staff/events/new',
      'kakehashi-demo-2026',
    );
    await page.getByRole('radio', { name: 'セミナー' }).check();
    await page.getByLabel('イベント名').fill(title);
    await page
      .getByRole('textbox', { name: '内容' })
      .fill('湯梨浜町で働きながら暮らす方法を、町の担当者と先輩移住者がお話しします。');
    await page.getByLabel('開催市区町村').selectOption('31370');
    await page.getByLabel('会場名').fill('湯梨浜町中央公民館');
    // It starts within the hour, so check-in (open from two hours before) works in the last step.
    await page.getByLabel('開始日時').fill(japanInput(60 * 60_000));
    await page.getByLabel('終了日時').fill(japanInput(3 * 60 * 60_000));
    await page.getByLabel('申込締切').fill(japanInput(45 * 60_000));
    await page.getByLabel('会場の定員').fill('1');
    await expectAccessible(page, 'the event editor');
    await screenshot(page, 'events-editor');
    await page.getByRole('button', { name: '保存して公開' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: '公開する' })
      .click()
      .catch(() => undefined);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/events\/[0-9a-f-]{36}$/);
    eventId = new URL(page.url()).pathname.split('/').at(-1) as string;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect.poll(async () => (await call('GET', `/v1/events/${eventId}`)).body.status).toBe('published');
  });

  test('a professional finds it, signs up when it is full, and is waitlisted', async () => {
    // Someone else takes the one seat first.
    const u = await newUser('ev-first');
    await call('PUT', '/v1/me', { token: u.token, json: { role: 'professional', displayName: '先着 一郎' } });
    Object.assign(first, u);
    expect(
      (
        await call('POST', `/v1/events/${eventId}/registrations`, {
          token: u.token,
          json: { attendance: 'venue' },
        })
      ).body.status,
    ).toBe('confirmed');

    const watched = await openWatched({ viewport: PHONE });
    const { page } = watched;
    await page.goto(`${url}/signup`);
    await page.getByLabel('メールアドレス').fill(pro.email);
    await page.getByRole('textbox', { name: 'パスワード' }).fill(PASSWORD);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { level: 1, name: 'はじめに' }).waitFor();
    // Onboarding has its own browser test: the profile is saved through the API here.
    await call('PUT', '/v1/me', {
      token: await signIn(pro.email, PASSWORD),
      json: { role: 'professional', displayName: pro.name },
    });

    await page.goto(`${url}/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('満席').first().waitFor();
    await page.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
    await page.getByText('キャンセル待ちに登録しました。').waitFor();
    await expectAccessible(page, 'the event page after a waitlisted sign-up');
    await screenshot(page, 'events-waitlisted-phone');

    await page.goto(`${url}/me/registrations`);
    const card = page.getByRole('article').filter({ hasText: title });
    await expect.poll(() => seen(card)).toContain('キャンセル待ち 1 番目');
    await expectAccessible(page, 'my registrations, waitlisted');
  });

  test('a cancellation offers the seat; the claim confirms it with a code and a QR code', async () => {
    const cancelled = await call('DELETE', `/v1/events/${eventId}/registrations/me`, { token: first.token });
    expect(cancelled.status).toBe(200);
    const page = await signedIn(await openWatched(), pro.email, '/me/registrations', PASSWORD);
    const card = page.getByRole('article').filter({ hasText: title });
    await expect.poll(() => seen(card)).toContain('空きが出ました');
    await expect.poll(() => seen(card)).toMatch(/残り \d+/);
    await screenshot(page, 'events-offered');
    await card.getByRole('button', { name: 'この席に申し込む' }).click();
    await expect.poll(() => seen(card)).toContain('参加が確定しています');
    const qr = card.getByRole('img', { name: /チェックインコード [A-Z2-9]{8} のQRコード/ });
    await qr.waitFor();
    code = /([A-Z2-9]{8})/.exec((await qr.getAttribute('alt')) ?? '')?.[1] as string;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await expectAccessible(page, 'my registrations, confirmed');
    await screenshot(page, 'events-confirmed');
  });

  test('staff check the code in at the door, once', async () => {
    const page = await signedIn(
      await openWatched(),
      'staff@demo.kakehashi.jp',
      `/staff/events/${eventId}/checkin`,
      'kakehashi-demo-2026',
    );
    await page.getByLabel('チェックインコード').fill(code);
    await page.getByRole('button', { name: '受付する' }).click();
    await page.getByText('受付しました').first().waitFor();
    await expect.poll(async () => seen(page.getByRole('main'))).toContain(pro.name);
    await page.getByLabel('チェックインコード').fill(code);
    await page.getByRole('button', { name: '受付する' }).click();
    await page.getByText('受付済みです').first().waitFor();
    await expectAccessible(page, 'the check-in page');
    await screenshot(page, 'events-checkin');

    const list = await call('GET', `/v1/events/${eventId}/registrations`, {
      token: await signIn('staff@demo.kakehashi.jp'),
    });
    const row = list.body.items.find((r: { displayName: string }) => r.displayName === pro.name);
    expect(row.status).toBe('confirmed');
    expect(row.checkedInAt).toBeTruthy();
  });

  test('in English the events pages read in English and stay accessible', async () => {
    const page = await signedIn(await openWatched(), pro.email, `/events/${eventId}`, PASSWORD);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => seen(page.getByRole('main'))).toContain('Yurihama');
    await expectAccessible(page, 'the event page in English');
    await page.goto(`${url}/events`);
    await expect.poll(() => seen(page.getByRole('main'))).toContain(title);
    await expectAccessible(page, 'the events list in English');
    await page.goto(`${url}/me/registrations`);
    await expect.poll(() => seen(page.getByRole('main'))).toContain(title);
    await expectAccessible(page, 'my registrations in English');
    await screenshot(page, 'events-mine-en');
  });
});
