import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, everyPage, mailTo, newUser, table } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  acceptedEngagement,
  engagementIn,
  freshParties,
  onboardPayouts,
  payCheckout,
} from '../support/payments.ts';
import { openProject, projectBody } from '../support/projects.ts';
import { expectRefused } from '../support/refused.ts';
import { lastEventId, webhooksSettled } from '../support/stripe.ts';

/**
 * The freelance act on a retainer (issue 14): the terms are issued as a document at acceptance (3条), kept as
 * issued, readable by the engagement's parties only; a start month that could not be paid within 60 days of
 * each month's end is refused (4条).
 */
type Section = {
  key: string;
  ja: { heading: string; body: string[] };
  en: { heading: string; body: string[] };
};
const text = (sections: Section[], key: string) => {
  const s = sections.find((x) => x.key === key);
  return `${s?.ja.heading}\n${s?.ja.body.join('\n')}\n${s?.en.heading}\n${s?.en.body.join('\n')}`;
};

let firm: { token: string };
let pro: { token: string };

beforeAll(async () => {
  ({ firm, pro } = await freshParties('terms'));
});

async function accept(projectOverrides: Record<string, unknown> = {}) {
  const project = await openProject(firm.token, projectOverrides);
  const applied = await call('POST', `/v1/projects/${project.id}/applications`, {
    token: pro.token,
    json: { proposal: '月に20時間、リモートで伴走します。' },
  });
  expect(applied.status).toBe(201);
  const accepted = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
    token: firm.token,
    json: { decision: 'accept' },
  });
  return { project, application: applied.body, accepted };
}

describe('written terms at acceptance (3条通知)', () => {
  it('issues version 1 with every item the act asks for, in Japanese and English, to both parties', async () => {
    const { project, accepted } = await accept({
      monthlyFeeJpy: 80_000,
      hoursPerMonth: 24,
      durationMonths: 6,
      startMonth: '2027-01',
      remote: 'hybrid',
      deliverables: '月次のEC運用レポートと改善提案',
    });
    expect(accepted.status).toBe(200);
    const id = accepted.body.engagementId as string;

    for (const token of [firm.token, pro.token]) {
      const terms = await call('GET', `/v1/engagements/${id}/terms`, { token });
      expect(terms.status).toBe(200);
      expect(terms.body.versions).toEqual([{ version: 1, reason: 'accepted', issuedAt: expect.any(String) }]);
      const doc = terms.body.current;
      expect(doc.title.ja).toContain('第3条');
      expect(doc.sections.map((s: Section) => s.key)).toEqual([
        'parties',
        'commissioned',
        'work',
        'period',
        'place',
        'fee',
        'paymentDate',
        'paymentMethod',
        'ending',
      ]);
      const all = doc.sections as Section[];
      expect(text(all, 'parties')).toContain('委託事業者: terms 株式会社');
      expect(text(all, 'parties')).toContain('特定受託事業者: terms 太郎');
      expect(text(all, 'work')).toContain(project.title);
      expect(text(all, 'work')).toContain('月次のEC運用レポート');
      expect(text(all, 'period')).toContain('2027年1月から6か月（2027年6月まで）。月24時間程度。');
      expect(text(all, 'place')).toContain('鳥取県湯梨浜町');
      expect(text(all, 'fee')).toContain('月額 80,000円（税込）');
      expect(text(all, 'fee')).toContain('¥80,000 a month');
      // Each month's deadline: 60 days from its last day (January: 01-31 + 59 days = 03-31; June: 06-30 + 59 = 08-28).
      expect(text(all, 'paymentDate')).toContain('2027年1月分: 2027年3月31日まで');
      expect(text(all, 'paymentDate')).toContain('2027-06: by 2027-08-28');
      expect(text(all, 'paymentMethod')).toContain('Stripe');
      // Six months: the 30 days' notice and the reason on request are stated.
      expect(text(all, 'ending')).toContain('30日前までに予告');
    }
  });

  it('keeps the issued version as it was when the project changes later, and shows it to nobody else', async () => {
    const { project, accepted } = await accept({ durationMonths: 3 });
    const id = accepted.body.engagementId as string;
    const before = await call('GET', `/v1/engagements/${id}/terms/1`, { token: pro.token });
    expect(before.status).toBe(200);
    // Three months: no notice section.
    expect(before.body.sections.map((s: Section) => s.key)).not.toContain('ending');
    const edited = await call('PATCH', `/v1/projects/${project.id}`, {
      token: firm.token,
      json: { monthlyFeeJpy: 90_000, title: '別の案件名' },
    });
    expect(edited.status).toBe(200);
    const after = await call('GET', `/v1/engagements/${id}/terms/1`, { token: firm.token });
    expect(after.body).toEqual(before.body);
    expect(text(after.body.sections, 'fee')).toContain('月額 50,000円');

    const stranger = await newUser('terms-stranger');
    await call('PUT', '/v1/me', { token: stranger.token, json: { role: 'professional', displayName: 'S' } });
    expect((await call('GET', `/v1/engagements/${id}/terms`, { token: stranger.token })).status).toBe(404);
    expect((await call('GET', `/v1/engagements/${id}/terms/1`, { token: stranger.token })).status).toBe(404);
    expect((await call('GET', `/v1/engagements/${id}/terms/2`, { token: pro.token })).status).toBe(404);
    expectRefused(
      await call('GET', `/v1/engagements/${id}/terms/first`, { token: pro.token }),
      'first',
      'path.version',
    );
  });
});

describe('payment within 60 days of each month’s end (4条)', () => {
  it('refuses a project whose start month could no longer be paid in time, naming the earliest month that can', async () => {
    const refused = await call('POST', '/v1/projects', {
      token: firm.token,
      json: projectBody({ startMonth: '2025-01' }),
    });
    expectRefused(refused, '2025-01', 'body.startMonth');
    expect(refused.body.error.message).toContain('within 60 days');
    const { id } = await openProject(firm.token);
    expectRefused(
      await call('PATCH', `/v1/projects/${id}`, { token: firm.token, json: { startMonth: '2024-11' } }),
      '2024-11',
      'body.startMonth',
    );
  });

  it('refuses to accept on a project saved long ago whose start month has passed its deadline, and writes nothing', async () => {
    const project = await openProject(firm.token);
    // As if saved months ago, when its start month was still ahead.
    const { doc, name } = table();
    await doc.send(
      new UpdateCommand({
        TableName: name,
        Key: { PK: `PROJECT#${project.id}`, SK: 'PROJECT' },
        UpdateExpression: 'SET startMonth = :m',
        ExpressionAttributeValues: { ':m': '2026-03' },
      }),
    );
    const applied = await call('POST', `/v1/projects/${project.id}/applications`, {
      token: pro.token,
      json: { proposal: '春から伴走します。' },
    });
    const refused = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
      token: firm.token,
      json: { decision: 'accept' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('payment_deadline');
    expect(refused.body.error.message).toContain('2026-03 would be paid');
    const mine = await everyPage<{ id: string; status: string; engagementId?: string }>(
      pro.token,
      '/v1/me/applications',
    );
    const still = mine.items.find((a) => a.id === applied.body.id);
    expect(still?.status).toBe('submitted');
    expect(still?.engagementId).toBeUndefined();
  });
  it('refuses checkout when paying only now would put a month past its deadline, and starts no payment', async () => {
    const { accepted } = await accept({ startMonth: '2027-01' });
    const id = accepted.body.engagementId as string;
    // As if accepted long ago and left unpaid: its start month is now past its deadline.
    const { doc, name } = table();
    await doc.send(
      new UpdateCommand({
        TableName: name,
        Key: { PK: `ENGAGEMENT#${id}`, SK: 'ENGAGEMENT' },
        UpdateExpression: 'SET startMonth = :m',
        ExpressionAttributeValues: { ':m': '2026-03' },
      }),
    );
    const refused = await call('POST', `/v1/engagements/${id}/checkout`, { token: firm.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('payment_deadline');
    expect(refused.body.error.message).toContain('2026-03 would be paid');
    const after = await call('GET', `/v1/engagements/${id}`, { token: firm.token });
    expect(after.body.state).toBe('awaiting_payment');
  });
});

describe('30 days’ notice and the reason on request (16条)', () => {
  it('ends a 6-month engagement no sooner than 30 days after the notice, records it in the terms, and discloses the reason once asked', async () => {
    const parties = await freshParties('notice');
    await onboardPayouts(parties.pro.token);
    const id = await acceptedEngagement(parties.firm.token, parties.pro.token, { durationMonths: 6 });
    const before = await lastEventId();
    await payCheckout(parties.firm.token, id);
    await engagementIn(parties.firm.token, id, 'active');
    // Every webhook of the payment answered first: a late one would write Stripe's period back over ours.
    await webhooksSettled(before);
    // As if 20 days into the month paid for: its period ends in 10 days.
    const periodEnd = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const { doc, name } = table();
    await doc.send(
      new UpdateCommand({
        TableName: name,
        Key: { PK: `ENGAGEMENT#${id}`, SK: 'ENGAGEMENT' },
        UpdateExpression: 'SET currentPeriodEnd = :end',
        ExpressionAttributeValues: { ':end': periodEnd },
      }),
    );
    const asked = Date.now();
    const cancelled = await call('POST', `/v1/engagements/${id}/cancel`, { token: parties.firm.token });
    expect(cancelled.status).toBe(200);
    const ending = await engagementIn(parties.pro.token, id, 'ending');
    expect(ending.long).toBe(true);
    expect(ending.ending).toMatchObject({ noticeExtended: true });
    const ends = Date.parse(ending.endsAt);
    expect(ends - asked).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
    expect(ends - asked).toBeLessThan(30 * 86_400_000 + 60_000);
    expect(ends).toBeGreaterThan(Date.parse(periodEnd));

    // The professional is told the last day.
    await eventually(async () => {
      const mail = (await mailTo(parties.pro.email)).find((m) => m.subject.includes('終了予定'));
      expect(mail?.text).toContain(`終了日: ${new Date(ends + 9 * 3_600_000).toISOString().slice(0, 10)}`);
    });

    // The terms record the notice as version 2.
    const terms = await call('GET', `/v1/engagements/${id}/terms`, { token: parties.pro.token });
    expect(terms.body.versions.map((v: { reason: string }) => v.reason)).toEqual([
      'accepted',
      'ending_notice',
    ]);
    expect(text(terms.body.current.sections, 'ending')).toContain('委託事業者が終了を予告しました');

    // The firm cannot ask itself; the professional asks once; the firm answers once.
    expect(
      (await call('POST', `/v1/engagements/${id}/ending-reason-request`, { token: parties.firm.token }))
        .status,
    ).toBe(403);
    const request = await call('POST', `/v1/engagements/${id}/ending-reason-request`, {
      token: parties.pro.token,
    });
    expect(request.status).toBe(200);
    expect(request.body.ending.reasonRequestedAt).toBeDefined();
    const again = await call('POST', `/v1/engagements/${id}/ending-reason-request`, {
      token: parties.pro.token,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('reason_requested');
    await eventually(async () => {
      expect((await mailTo(parties.firm.email)).map((m) => m.subject)).toContain(
        `契約「${ending.title}」：終了の理由の開示が求められました / Retainer "${ending.title}": the reason for ending it was requested`,
      );
    });
    expectRefused(
      await call('PUT', `/v1/engagements/${id}/ending-reason`, {
        token: parties.firm.token,
        json: { reason: '  ' },
      }),
      'blank',
      'body.reason',
    );
    const reason = '来期から事業の方針を変え、EC運営を社内で行うためです。';
    const given = await call('PUT', `/v1/engagements/${id}/ending-reason`, {
      token: parties.firm.token,
      json: { reason },
    });
    expect(given.status).toBe(200);
    expect(given.body.ending.reason).toBe(reason);
    expect(
      (
        await call('PUT', `/v1/engagements/${id}/ending-reason`, {
          token: parties.firm.token,
          json: { reason },
        })
      ).body.error.code,
    ).toBe('reason_given');
    const last = await call('GET', `/v1/engagements/${id}/terms`, { token: parties.firm.token });
    expect(last.body.versions.map((v: { reason: string }) => v.reason)).toEqual([
      'accepted',
      'ending_notice',
      'ending_reason_requested',
      'ending_reason',
    ]);
    expect(text(last.body.current.sections, 'ending')).toContain(reason);
    await eventually(async () => {
      expect((await mailTo(parties.pro.email)).some((m) => m.text.includes(reason))).toBe(true);
    });
  });

  it('ends a short engagement at its period end, without notice or reason steps', async () => {
    const parties = await freshParties('short');
    await onboardPayouts(parties.pro.token);
    const id = await acceptedEngagement(parties.firm.token, parties.pro.token, { durationMonths: 3 });
    await payCheckout(parties.firm.token, id);
    const active = await engagementIn(parties.firm.token, id, 'active');
    await call('POST', `/v1/engagements/${id}/cancel`, { token: parties.firm.token });
    const ending = await engagementIn(parties.firm.token, id, 'ending');
    expect(ending.long).toBe(false);
    expect(ending.ending).toBeUndefined();
    expect(ending.endsAt).toBe(active.currentPeriod.end);
    const asked = await call('POST', `/v1/engagements/${id}/ending-reason-request`, {
      token: parties.pro.token,
    });
    expect(asked.body.error.code).toBe('no_notice');
  });
});

describe('the fee’s consumption tax, an explicit project setting', () => {
  it('defaults to tax-inclusive, and a tax-exclusive fee is charged with 10 % on top and stated so in the terms', async () => {
    const inclusive = await openProject(firm.token);
    expect(inclusive.feeTax).toBe('inclusive');
    const { accepted } = await accept({ monthlyFeeJpy: 55_555, feeTax: 'exclusive', durationMonths: 2 });
    const id = accepted.body.engagementId as string;
    const e = await call('GET', `/v1/engagements/${id}`, { token: pro.token });
    // ¥55,555 plus 10 % (¥5,555.5, rounded down to ¥5,555): ¥61,110 a month.
    expect(e.body).toMatchObject({ monthlyFeeJpy: 55_555, feeTax: 'exclusive', monthlyChargeJpy: 61_110 });
    const terms = await call('GET', `/v1/engagements/${id}/terms`, { token: firm.token });
    expect(text(terms.body.current.sections, 'fee')).toContain(
      '月額 55,555円（税別。別途消費税10%を加えて支払います）',
    );
    expectRefused(
      await call('POST', '/v1/projects', { token: firm.token, json: projectBody({ feeTax: 'both' }) }),
      'both',
      'body.feeTax',
    );
  });
});
