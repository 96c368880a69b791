import { beforeAll, describe, expect, test } from 'vitest';
import { call } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  acceptedEngagement,
  engagementIn,
  freshParties,
  onboardPayouts,
  payCheckout,
} from '../support/payments.ts';
import { expectAccessible, PHONE, screenshot, seen, signedIn, watchedBrowser } from './browser.ts';

/**
 * The freelance act in Debian's Chromium (issue 14): the professional opens the terms issued at acceptance from
 * the engagement's page, in Japanese; after the firm ends the 6-month engagement, the professional asks for the
 * reason on the page, the firm answers it on its page, and both see it, the terms listing each version.
 */
const _PASSWORD = 'test-password-1';
const openWatched = watchedBrowser();
let parties: Awaited<ReturnType<typeof freshParties>>;
let id = '';

beforeAll(async () => {
  parties = await freshParties('明示');
  await onboardPayouts(parties.pro.token);
  id = await acceptedEngagement(parties.firm.token, parties.pro.token, {
    durationMonths: 6,
    startMonth: '2027-01',
  });
  await payCheckout(parties.firm.token, id);
  await engagementIn(parties.firm.token, id, 'active');
});

describe('the terms of an engagement', () => {
  test('the professional opens the terms from the engagement, in Japanese, printable, every item there', async () => {
    const page = await signedIn(await openWatched(), parties.pro.email, `/engagements/${id}`);
    await page.getByRole('link', { name: '取引条件（明示書）' }).click();
    await page.getByRole('heading', { level: 1, name: /取引条件明示書/ }).waitFor();
    for (const heading of [
      '当事者',
      '業務委託をした日',
      '給付の内容',
      '役務の提供を受ける期間',
      '報酬の額',
      '支払期日',
      '支払方法',
      '契約の解除・不更新',
    ])
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }).waitFor();
    const main = await seen(page.getByRole('main'));
    expect(main).toContain('月額 50,000円（税込）');
    expect(main).toContain('2027年1月分: 2027年3月31日まで');
    expect(main).toContain('第1版');
    await page.getByRole('button', { name: '印刷・PDFで保存' }).waitFor();
    await expectAccessible(page, 'the terms');
    await screenshot(page, 'terms-document-ja');
  });

  test('after notice, the professional asks for the reason, the firm gives it, and the terms record each step', async () => {
    const cancelled = await call('POST', `/v1/engagements/${id}/cancel`, { token: parties.firm.token });
    expect(cancelled.status).toBe(200);
    await engagementIn(parties.firm.token, id, 'ending');

    const pro = await signedIn(
      await openWatched({ viewport: PHONE }),
      parties.pro.email,
      `/engagements/${id}`,
    );
    const section = pro.getByRole('region', { name: '契約の終了（30日前予告）' });
    await expect.poll(() => seen(section)).toContain('終了の予告がありました');
    await section.getByRole('button', { name: '終了の理由を求める' }).click();
    await expect.poll(() => seen(section)).toContain('理由の開示を求めました');
    await expectAccessible(pro, 'the ending notice, asked');

    const firm = await signedIn(await openWatched(), parties.firm.email, `/engagements/${id}`);
    const firmSection = firm.getByRole('region', { name: '契約の終了（30日前予告）' });
    await expect.poll(() => seen(firmSection)).toContain('理由の開示を求められました');
    await firmSection.getByRole('button', { name: '理由を示す' }).click();
    await expect.poll(() => seen(firmSection)).toContain('理由を入力してください。');
    const reason = '来期からEC運営を社内の担当者に引き継ぐためです。';
    await firmSection.getByRole('textbox', { name: '終了の理由' }).fill(reason);
    await firmSection.getByRole('button', { name: '理由を示す' }).click();
    await expect.poll(() => seen(firmSection)).toContain(reason);
    await screenshot(firm, 'terms-ending-reason-firm');

    await eventually(async () => {
      await pro.reload();
      expect(await seen(pro.getByRole('region', { name: '契約の終了（30日前予告）' }))).toContain(reason);
    });
    await pro.getByRole('link', { name: '取引条件（明示書）' }).click();
    const versions = pro.getByRole('navigation', { name: 'すべての版' });
    await expect.poll(() => versions.getByRole('listitem').count()).toBe(4);
    expect(await seen(pro.getByRole('main'))).toContain(reason);
    await versions.getByRole('link', { name: /第1版/ }).click();
    await expect.poll(() => seen(pro.getByRole('main'))).toContain('第1版');
    expect(await seen(pro.getByRole('main'))).not.toContain(reason);
    await expectAccessible(pro, 'the first version on a phone');
    await screenshot(pro, 'terms-version-1-phone');
  });
});
