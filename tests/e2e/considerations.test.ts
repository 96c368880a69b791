import { beforeAll, describe, expect, test } from 'vitest';
import { acceptedEngagement, freshParties } from '../support/payments.ts';
import { expectAccessible, PHONE, screenshot, seen, signedIn, watchedBrowser } from './browser.ts';

/**
 * Requests for consideration in Debian's Chromium (freelance act 13条, issue 14): on a 6-month engagement's page
 * the professional asks, on a phone, to move late meetings for the nursery run; the firm sees it on its page, is
 * told to explain a refusal, answers, and the professional sees the answer.
 */
const _PASSWORD = 'test-password-1';
const openWatched = watchedBrowser();
let parties: Awaited<ReturnType<typeof freshParties>>;
let id = '';

beforeAll(async () => {
  parties = await freshParties('配慮');
  id = await acceptedEngagement(parties.firm.token, parties.pro.token, { durationMonths: 6 });
});

describe('requests for consideration', () => {
  test('the professional asks, the firm answers with its reasons, the professional sees the answer', async () => {
    const request = '保育園の送迎のため、平日16時以降の定例会議を午前に移していただけますか。';
    const pro = await signedIn(
      await openWatched({ viewport: PHONE }),
      parties.pro.email,
      `/engagements/${id}`,
    );
    const section = pro.getByRole('region', { name: '配慮の申出' });
    await expect.poll(() => seen(section)).toContain('まだ申出はありません。');
    expect(await seen(section)).toContain('第13条第1項');
    await section.getByRole('button', { name: '申し出る' }).click();
    await expect.poll(() => seen(section)).toContain('申出の内容を選んでください。');
    expect(await seen(section)).toContain('配慮してほしいことを入力してください');
    await section.getByRole('combobox', { name: '申出の内容' }).selectOption('childcare');
    await section.getByRole('textbox', { name: '配慮してほしいこと' }).fill(request);
    await section.getByRole('button', { name: '申し出る' }).click();
    await expect.poll(() => seen(section)).toContain('申出を記録し、企業に伝えました。');
    await expect.poll(() => seen(section)).toContain(request);
    expect(await seen(section)).toContain('企業の回答を待っています。');
    await expectAccessible(pro, 'a request for consideration on a phone');
    await screenshot(pro, 'consideration-requested-phone');

    const firm = await signedIn(await openWatched(), parties.firm.email, `/engagements/${id}`);
    const firmSection = firm.getByRole('region', { name: '配慮の申出' });
    await expect.poll(() => seen(firmSection)).toContain(request);
    expect(await seen(firmSection)).toContain('配慮 太郎さん');
    await firmSection.getByRole('combobox', { name: '回答' }).selectOption('not_possible');
    await firmSection.getByRole('textbox', { name: '回答の内容' }).fill('無理です');
    await firmSection.getByRole('button', { name: '回答する' }).click();
    await expect.poll(() => seen(firmSection)).toContain('配慮できない理由を20文字以上で説明してください。');
    const answer = '定例会議は毎週火曜の10時に移します。16時以降の連絡はチャットで翌朝の返信で構いません。';
    await firmSection.getByRole('combobox', { name: '回答' }).selectOption('accommodated');
    await firmSection.getByRole('textbox', { name: '回答の内容' }).fill(answer);
    await firmSection.getByRole('button', { name: '回答する' }).click();
    await expect.poll(() => seen(firmSection)).toContain(answer);
    expect(await seen(firmSection)).toContain('申出のとおり配慮します');
    await expect.poll(() => firmSection.getByRole('button', { name: '回答する' }).count()).toBe(0);
    await expectAccessible(firm, 'the firm’s answered request');
    await screenshot(firm, 'consideration-answered-firm');

    await pro.reload();
    const again = pro.getByRole('region', { name: '配慮の申出' });
    await expect.poll(() => seen(again)).toContain(answer);
    expect(await seen(again)).toContain('申出のとおり配慮します');
    await screenshot(pro, 'consideration-answer-seen-phone');
  });
});
