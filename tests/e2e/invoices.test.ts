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
import { expectAccessible, screenshot, seen, signedIn, watchedBrowser } from './browser.ts';

/**
 * Qualified invoices in Debian's Chromium (issue 14): the professional says on their profile that they are a
 * registered issuer (the form asks for the number), the firm pays a month and opens its qualified invoice from the
 * engagement's page in Japanese, and the professional opens theirs for the platform fee.
 */
const _PASSWORD = 'test-password-1';
const openWatched = watchedBrowser();
let parties: Awaited<ReturnType<typeof freshParties>>;

beforeAll(async () => {
  parties = await freshParties('インボイス');
});

describe('qualified invoices', () => {
  let id = '';

  test('the professional records their registration on the profile; the number is asked for', async () => {
    const page = await signedIn(await openWatched(), parties.pro.email, '/me');
    await page.getByRole('button', { name: '編集する' }).click();
    await page.getByRole('checkbox', { name: '適格請求書発行事業者として登録しています' }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('登録している場合は、登録番号を入力してください。').waitFor();
    // Typed with a Japanese IME: full-width letters and digits are taken as their ASCII forms.
    await page
      .getByRole('textbox', { name: '適格請求書発行事業者登録番号' })
      .fill('Ｔ９８７６５４３２１０９８７');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('プロフィールを保存しました。').waitFor();
    await expect.poll(() => seen(page.getByRole('main'))).toContain('登録しています（T9876543210987）');
    await expectAccessible(page, 'the profile with a registration');
  });

  test('the firm opens the month’s qualified invoice from the engagement, in Japanese, every item there', async () => {
    await onboardPayouts(parties.pro.token);
    id = await acceptedEngagement(parties.firm.token, parties.pro.token, {
      monthlyFeeJpy: 100_000,
      feeTax: 'exclusive',
    });
    await payCheckout(parties.firm.token, id);
    await engagementIn(parties.firm.token, id, 'active');
    await eventually(async () => {
      const months = await call('GET', `/v1/engagements/${id}/invoices`, { token: parties.firm.token });
      const paid = months.body.items.find((m: { status: string }) => m.status === 'paid');
      const docs = await call('GET', `/v1/engagements/${id}/invoices/${paid?.invoiceId}/documents`, {
        token: parties.firm.token,
      });
      if (docs.status !== 200) throw new Error('documents not issued yet');
    });

    const page = await signedIn(await openWatched(), parties.firm.email, `/engagements/${id}`);
    // The payment schedule: each month's deadline (60 days from its last day), the first of six months paid.
    const schedule = page.getByRole('region', { name: '支払予定' });
    await expect.poll(() => schedule.getByRole('row').count()).toBe(1 + 6);
    expect(await seen(schedule.getByRole('row').nth(1))).toContain('支払済み');
    expect(await seen(schedule.getByRole('row').nth(2))).toContain('予定');
    await schedule.scrollIntoViewIfNeeded();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: 'tests/artifacts/screenshots/engagement-payment-schedule-ja.png' });
    await page
      .getByRole('link', { name: /の報酬の書類を開く$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: '適格請求書（媒介者交付特例）' }).waitFor();
    const main = await seen(page.getByRole('main'));
    for (const item of [
      'インボイス 株式会社 御中', // the recipient
      '架け橋 Kakehashi', // the issuer, in its own name
      'T1234567890123', // its registration number
      '取引年月日',
      '媒介者交付特例',
      '業務委託報酬（',
      '10%対象（税抜）',
      '¥100,000',
      '消費税（10%）',
      '¥10,000',
      '合計 ¥110,000（税込）',
    ])
      expect(main).toContain(item);
    expect(main).not.toContain('適格請求書ではありません');
    await page.getByRole('button', { name: '印刷・PDFで保存' }).waitFor();
    await expectAccessible(page, 'the firm’s qualified invoice');
    await screenshot(page, 'invoice-fee-qualified-ja');
  });

  test('the professional opens their qualified invoice for the platform fee', async () => {
    const page = await signedIn(await openWatched(), parties.pro.email, `/engagements/${id}`);
    await page
      .getByRole('link', { name: /の手数料の適格請求書を開く$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: '適格請求書（プラットフォーム利用料）' }).waitFor();
    const main = await seen(page.getByRole('main'));
    for (const item of [
      'インボイス 太郎 様',
      'T1234567890123',
      'プラットフォーム利用料（',
      '¥1,000',
      '合計 ¥11,000（税込）',
    ])
      expect(main).toContain(item);
    await screenshot(page, 'invoice-platform-fee-ja');
    // The copy of the firm's document is one link away.
    await page.getByRole('link', { name: '報酬の請求書（写し）' }).click();
    await page.getByRole('heading', { level: 1, name: '適格請求書（媒介者交付特例）' }).waitFor();
    await expectAccessible(page, 'the copy of the firm’s invoice');
  });
});
