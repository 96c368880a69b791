import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PutCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { userItem } from '#shared/accounts/user.entity.ts';
import { monthInJapan } from '#shared/billing/rules.ts';
import { call, cloud, mailTo, newUser, pagesOf, signIn, table } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  acceptedEngagement,
  engagementIn,
  freshParties,
  localStripe,
  onboardPayouts,
  payCheckout,
  stripeSdk,
  TEST_SETTINGS,
} from '../support/payments.ts';
import { openProject, projectBody } from '../support/projects.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * The operators' console against the local cloud: hiding a posting (gone from browse and search through the
 * listings' stream, its page 404 to all but its firm and the operators, no applications, the firm mailed, the
 * trail written), suspending an account (every request refused, a firm's open projects hidden, its paid
 * engagement still moved by Stripe's webhooks) and restoring it, region staff and invitations, and the fee
 * income per month against the ledger itself. Each test makes its own firm, professional and projects.
 */
type Entry = { action: string; target: { id: string }; reason?: string; operatorName: string };

let operator: string;
let operatorId: string;
const subOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;
const ids = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((p) => p.id);
/** A word found nowhere else: a keyword, and a skill tag, that only this project carries. */
const uniqueTag = () => `t${randomUUID().slice(0, 8)}`;
/** The operators' newest actions about one thing (other tests act meanwhile: look further than one page). */
const trailOf = async (targetId: string): Promise<Entry[]> =>
  ((await call('GET', '/v1/admin/audit?limit=100', { token: operator })).body.items as Entry[]).filter(
    (e) => e.target.id === targetId,
  );
const listedBy = async (tag: string) => [
  ...ids(await call('GET', `/v1/projects?q=${tag}`)),
  ...ids(await call('GET', `/v1/projects?skill=${tag}`)),
];
const hide = (id: string, reason: string, verb: 'hide' | 'unhide' = 'hide') =>
  call('POST', `/v1/admin/projects/${id}/${verb}`, { token: operator, json: { reason } });

beforeAll(async () => {
  operator = await signIn('operator@demo.kakehashi.jp');
  operatorId = subOf(operator);
});

describe('hiding a posting', () => {
  it('takes it out of browse, search and its page, refuses applications, mails the firm and records who did it', async () => {
    const { firm, pro } = await freshParties('hide');
    const other = await freshParties('hide-other');
    const tag = uniqueTag();
    const project = await openProject(firm.token, { title: `盛り付け代行 ${tag}`, skills: ['ec', tag] });
    await eventually(async () => expect(await listedBy(tag)).toEqual([project.id, project.id]));

    const reason = '連絡先の電話番号が別の事業者のものでした。';
    const hidden = await hide(project.id, reason);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ id: project.id, status: 'open', hidden: true, hiddenReason: reason });
    expect(hidden.body.hiddenBy).toBeUndefined(); // who it was stays in the trail
    expect((await hide(project.id, reason)).body.error.code).toBe('already_hidden');

    // Gone from keyword search and from its skill's listing, once the stream consumer has run.
    await eventually(async () => expect(await listedBy(tag)).toEqual([]));
    // Its page: 404 to a visitor, a professional and another firm; its firm and the operators see why.
    expect((await call('GET', `/v1/projects/${project.id}`)).status).toBe(404);
    expect((await call('GET', `/v1/projects/${project.id}`, { token: pro.token })).status).toBe(404);
    expect((await call('GET', `/v1/projects/${project.id}`, { token: other.firm.token })).status).toBe(404);
    const own = await call('GET', `/v1/projects/${project.id}`, { token: firm.token });
    expect(own.body).toMatchObject({ hidden: true, hiddenReason: reason });
    expect((await call('GET', `/v1/projects/${project.id}`, { token: operator })).body.hidden).toBe(true);
    const mine = await call('GET', '/v1/me/projects', { token: firm.token });
    expect(mine.body.items.find((p: { id: string }) => p.id === project.id)?.hidden).toBe(true);
    // Nobody applies for it.
    const applied = await call('POST', `/v1/projects/${project.id}/applications`, {
      token: pro.token,
      json: { proposal: '応募します' },
    });
    expect(applied.status).toBe(404);

    const mails = await mailTo(firm.email);
    const told = mails.find((m) => m.subject.includes('非公開'));
    expect(told?.text).toContain(reason);
    expect(told?.subject).toContain('is hidden');
    const [entry] = await trailOf(project.id);
    expect(entry).toMatchObject({ action: 'hide_project', reason, operatorName: expect.any(String) });
    const hiddenList = await call('GET', '/v1/admin/projects/hidden?limit=100', { token: operator });
    expect(ids(hiddenList)).toContain(project.id);

    // Shown again: found, open to visitors, applied for; the firm is told, the trail has both.
    const back = await hide(project.id, '事業者の確認が取れました。', 'unhide');
    expect(back.status).toBe(200);
    expect(back.body.hidden).toBeUndefined();
    expect((await hide(project.id, 'again', 'unhide')).body.error.code).toBe('not_hidden');
    await eventually(async () => expect(await listedBy(tag)).toEqual([project.id, project.id]));
    expect((await call('GET', `/v1/projects/${project.id}`)).status).toBe(200);
    const reapplied = await call('POST', `/v1/projects/${project.id}/applications`, {
      token: pro.token,
      json: { proposal: '応募します' },
    });
    expect(reapplied.status).toBe(201);
    expect((await mailTo(firm.email)).some((m) => m.subject.includes('再び公開'))).toBe(true);
    expect((await trailOf(project.id)).map((e) => e.action)).toEqual(['unhide_project', 'hide_project']);
    expect(ids(await call('GET', '/v1/admin/projects/hidden?limit=100', { token: operator }))).not.toContain(
      project.id,
    );
  });

  it('does not hide a draft (its firm’s business only) or a project that does not exist', async () => {
    const { firm } = await freshParties('hide-draft');
    const draft = await call('POST', '/v1/projects', { token: firm.token, json: projectBody() });
    expect((await hide(draft.body.id, '理由')).status).toBe(404);
    expect((await hide(randomUUID(), '理由')).status).toBe(404);
    expect(await trailOf(draft.body.id)).toEqual([]);
  });
});

describe('suspending an account', () => {
  it('refuses its every request and hides its open projects; its paid engagement keeps running; restoring undoes it', async () => {
    const { firm, pro } = await freshParties('suspend');
    await onboardPayouts(pro.token);
    const engagementId = await acceptedEngagement(firm.token, pro.token);
    const session = await payCheckout(firm.token, engagementId);
    await engagementIn(firm.token, engagementId, 'active');
    const customer = (await stripeSdk().checkout.sessions.retrieve(session)).customer as string;
    const tag = uniqueTag();
    const open = await openProject(firm.token, { title: `梨狩り体験の予約 ${tag}`, skills: ['ec', tag] });
    const abusive = await openProject(firm.token);
    expect((await hide(abusive.id, '誇大な表示')).status).toBe(200);
    await eventually(async () => expect(await listedBy(tag)).toHaveLength(2));

    const found = await call('GET', `/v1/admin/users?email=${encodeURIComponent(firm.email)}`, {
      token: operator,
    });
    expect(found.body).toMatchObject({ userId: subOf(firm.token), role: 'firm', suspended: false });
    const openBefore = found.body.openProjects as number;
    expect(openBefore).toBeGreaterThanOrEqual(1);
    expect(found.body.hiddenProjects).toBe(1);

    const reason = '架空の案件を繰り返し掲載しています。';
    const suspended = await call('POST', `/v1/admin/users/${subOf(firm.token)}/suspend`, {
      token: operator,
      json: { reason },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      suspended: true,
      suspendedReason: reason,
      projectsChanged: openBefore,
      openProjects: 0,
      hiddenProjects: openBefore + 1,
    });

    // Whatever the route, the firm is refused with a clear reason.
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/me/projects'],
      ['POST', '/v1/projects'],
      ['GET', `/v1/engagements/${engagementId}`],
      ['GET', `/v1/projects/${open.id}`],
    ] as const) {
      const refused = await call(method, path, {
        token: firm.token,
        json: method === 'POST' ? {} : undefined,
      });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.code, `${method} ${path}`).toBe('account_suspended');
      expect(refused.body.error.message).toMatch(/suspended/);
    }
    await eventually(async () => expect(await listedBy(tag)).toEqual([]));
    expect((await call('GET', `/v1/projects/${open.id}`)).status).toBe(404);
    const told = (await mailTo(firm.email)).find((m) => m.subject.includes('利用を停止'));
    expect(told?.text).toContain(reason);

    // Stripe is not touched: the next month renews and is paid, and its webhook lands in the ledger.
    const paid = async () =>
      (
        (await call('GET', `/v1/engagements/${engagementId}/invoices`, { token: pro.token })).body.items as {
          status: string;
        }[]
      ).filter((r) => r.status === 'paid');
    await eventually(async () => expect(await paid()).toHaveLength(1));
    await localStripe('clock/advance', { months: 1, customer });
    await eventually(async () => expect(await paid()).toHaveLength(2), 15_000);
    expect((await call('GET', `/v1/engagements/${engagementId}`, { token: pro.token })).body.state).toBe(
      'active',
    );

    // Restored: the firm works again, the projects its suspension hid are back, the abusive one stays hidden.
    const restored = await call('POST', `/v1/admin/users/${subOf(firm.token)}/restore`, {
      token: operator,
      json: { reason: '本人確認が済みました。' },
    });
    expect(restored.body).toMatchObject({ suspended: false, projectsChanged: openBefore, hiddenProjects: 1 });
    expect((await call('GET', '/v1/me', { token: firm.token })).status).toBe(200);
    expect((await call('GET', `/v1/projects/${open.id}`)).status).toBe(200);
    expect((await call('GET', `/v1/projects/${abusive.id}`)).status).toBe(404);
    await eventually(async () => expect(await listedBy(tag)).toHaveLength(2));
    expect((await mailTo(firm.email)).some((m) => m.subject.includes('利用停止を解除'))).toBe(true);

    const trail = await trailOf(subOf(firm.token));
    expect(trail.map((e) => e.action)).toEqual(['restore_user', 'suspend_user']);
    expect(trail[1]?.reason).toBe(reason);
    expect((await trailOf(open.id)).map((e) => [e.action, e.reason])).toEqual([
      ['unhide_project', 'account restored'],
      ['hide_project', 'account suspended'],
    ]);
  }, 90_000);

  it('suspends a professional too, but never the operator themself nor another operator', async () => {
    const { token, email } = await newUser('suspend-pro');
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: '停止 太郎' } });
    const byId = await call('GET', `/v1/admin/users?id=${subOf(token)}`, { token: operator });
    expect(byId.body).toMatchObject({ email, role: 'professional', suspended: false });
    const suspend = (id: string) =>
      call('POST', `/v1/admin/users/${id}/suspend`, { token: operator, json: { reason: '迷惑行為' } });
    expect((await suspend(subOf(token))).body).toMatchObject({ suspended: true, projectsChanged: 0 });
    const refused = await call('GET', '/v1/me/applications', { token });
    expect(refused.body.error.code).toBe('account_suspended');
    // Suspending again changes nothing, and writes nothing to the trail.
    expect((await suspend(subOf(token))).status).toBe(200);
    expect((await trailOf(subOf(token))).map((e) => e.action)).toEqual(['suspend_user']);

    const self = await suspend(operatorId);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot_suspend_self');
    // Another operator (operators are made by hand: no route makes one).
    const second = await newUser('second-operator');
    const { doc, name } = table();
    await doc.send(
      new PutCommand({
        TableName: name,
        Item: userItem(
          { userId: subOf(second.token), role: 'operator', displayName: '運営 二号', email: second.email },
          new Date().toISOString(),
        ),
      }),
    );
    const otherOperator = await suspend(subOf(second.token));
    expect(otherOperator.status).toBe(409);
    expect(otherOperator.body.error.code).toBe('cannot_suspend_operator');
    expect((await call('GET', '/v1/me', { token: second.token })).status).toBe(200);
    expect((await suspend(randomUUID())).status).toBe(404);

    const restored = await call('POST', `/v1/admin/users/${subOf(token)}/restore`, {
      token: operator,
      json: { reason: '誤りでした' },
    });
    expect(restored.body.suspended).toBe(false);
    expect((await call('GET', '/v1/me/applications', { token })).status).toBe(200);
  });
});

type StaffPage = {
  staff: { userId: string; email?: string; regionCode: string; suspended: boolean }[];
  invitations: { email: string; regionCode: string; invitedBy: string; expiresAt: string }[];
  nextCursor: string | null;
};
/** Both lists read to their end, a page of each at a time (other tests invite meanwhile: read every page). */
const regionStaffLists = async (limit = 100) => {
  const pages = await pagesOf<StaffPage>(operator, '/v1/admin/region-staff', limit);
  return {
    pages,
    staff: pages.flatMap((p) => p.staff),
    invitations: pages.flatMap((p) => p.invitations),
  };
};

describe('region staff and invitations', () => {
  it('lists staff by region and pending invitations; a revoked invitation grants nothing; the trail records both', async () => {
    const email = `revoke-${randomUUID().slice(0, 8)}@test.kakehashi.jp`;
    const invited = await call('POST', '/v1/admin/region-staff', {
      token: operator,
      json: { email, regionCode: '31370' },
    });
    expect(invited.status).toBe(201);
    const listed = await regionStaffLists();
    expect(listed.staff).toContainEqual(
      expect.objectContaining({ email: 'staff@demo.kakehashi.jp', regionCode: '31', suspended: false }),
    );
    expect(listed.invitations).toContainEqual(
      expect.objectContaining({ email, regionCode: '31370', invitedBy: operatorId }),
    );

    const path = `/v1/admin/region-staff/invitations/${encodeURIComponent(email)}`;
    const revoked = await call('DELETE', path, { token: operator });
    expect(revoked.status).toBe(200);
    expect(revoked.body.email).toBe(email);
    expect((await call('DELETE', path, { token: operator })).status).toBe(404);
    const after = await regionStaffLists();
    expect(after.invitations.map((i) => i.email)).not.toContain(email);
    expect((await trailOf(email)).map((e) => e.action)).toEqual(['revoke_invitation', 'invite_staff']);

    // Signing up with the address afterwards gives no staff profile.
    const { cognitoEndpoint, clientId } = cloud();
    await new CognitoIdentityProviderClient({
      endpoint: cognitoEndpoint,
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    }).send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'staff-pass-1' }));
    const token = await signIn(email, 'staff-pass-1');
    expect((await call('GET', '/v1/me', { token })).status).toBe(404);
  });

  it('pages staff and invitations together with one cursor: every one exactly once, to the end of both', async () => {
    const emails = Array.from(
      { length: 3 },
      (_, i) => `pages-${i}-${randomUUID().slice(0, 8)}@test.kakehashi.jp`,
    );
    for (const email of emails)
      expect(
        (
          await call('POST', '/v1/admin/region-staff', {
            token: operator,
            json: { email, regionCode: '20383' },
          })
        ).status,
      ).toBe(201);
    const { pages, staff, invitations } = await regionStaffLists(2);
    // The demo's staff alone are more than one page, and so are the invitations.
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.every((p) => p.staff.length <= 2 && p.invitations.length <= 2)).toBe(true);
    expect(pages[0]?.staff).toHaveLength(2);
    expect(pages[0]?.invitations).toHaveLength(2);
    expect(pages.slice(0, -1).every((p) => typeof p.nextCursor === 'string')).toBe(true);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    // Staff exactly once each, by region; the demo's among them.
    const staffIds = staff.map((s) => s.userId);
    expect(staffIds).toHaveLength(new Set(staffIds).size);
    const regions = staff.map((s) => `${s.regionCode}#${s.userId}`);
    expect(regions).toEqual([...regions].sort());
    for (const demo of [
      'staff@demo.kakehashi.jp',
      'amami-staff@demo.kakehashi.jp',
      'minowa-staff@demo.kakehashi.jp',
    ])
      expect(
        staff.filter((s) => s.email === demo),
        demo,
      ).toHaveLength(1);
    // This test's invitations exactly once each (another file renewing its own moves that one later: not ours).
    for (const email of emails)
      expect(
        invitations.filter((i) => i.email === email),
        email,
      ).toHaveLength(1);
    const expiries = invitations.map((i) => i.expiresAt);
    expect(expiries).toEqual([...expiries].sort());
    // The whole lists in one page of 100 are the same lists.
    const whole = await call('GET', '/v1/admin/region-staff?limit=100', { token: operator });
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.staff.map((s: { userId: string }) => s.userId)).toEqual(staffIds);
    for (const email of emails)
      expect(whole.body.invitations.map((i: { email: string }) => i.email)).toContain(email);
    for (const email of emails)
      await call('DELETE', `/v1/admin/region-staff/invitations/${encodeURIComponent(email)}`, {
        token: operator,
      });

    // A cursor of another list, a made-up one or a bad limit: 400 naming the field.
    const audit = await call('GET', '/v1/admin/audit?limit=1', { token: operator });
    const foreign = [
      audit.body.nextCursor as string,
      'not-a-cursor',
      Buffer.from(JSON.stringify({ staff: null, invitations: null })).toString('base64url'),
      Buffer.from(JSON.stringify({ staff: audit.body.nextCursor, invitations: null })).toString('base64url'),
      Buffer.from(JSON.stringify({ staff: null, invitations: 'eyJQSyI6IngifQ' })).toString('base64url'),
    ];
    for (const cursor of foreign)
      expectRefused(
        await call('GET', `/v1/admin/region-staff?cursor=${encodeURIComponent(cursor)}`, { token: operator }),
        cursor,
        'query.cursor',
      );
    for (const limit of ['0', '101', 'all'])
      expectRefused(
        await call('GET', `/v1/admin/region-staff?limit=${limit}`, { token: operator }),
        limit,
        'query.limit',
      );
  });

  it('records a settings change in the trail', async () => {
    const saved = await call('PUT', '/v1/admin/settings', { token: operator, json: TEST_SETTINGS });
    expect(saved.status).toBe(200);
    const [entry] = await trailOf('platform');
    expect(entry).toMatchObject({ action: 'update_settings', operatorName: expect.any(String) });
  });

  it('pages the trail newest first', async () => {
    const first = await call('GET', '/v1/admin/audit?limit=2', { token: operator });
    expect(first.body.items).toHaveLength(2);
    const second = await call(
      'GET',
      `/v1/admin/audit?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: operator },
    );
    const [a, b] = first.body.items as { at: string; id: string }[];
    const [c] = second.body.items as { at: string; id: string }[];
    expect(a && b && c && a.at >= b.at && b.at >= c.at).toBe(true);
    expect(c?.id).not.toBe(b?.id);
  });
});

describe('fee income per month', () => {
  type Paid = { at: string; platformFeeJpy: number; feeTaxJpy: number; grossJpy: number };
  /** Every paid row of the ledger, read from the table itself (a test may Scan; no route does). */
  async function ledgerByMonth(year: number) {
    const { doc, name } = table();
    const months = new Map<string, { platformFeeJpy: number; feeTaxJpy: number; paidRows: number }>();
    let start: Record<string, unknown> | undefined;
    do {
      const page: ScanCommandOutput = await doc.send(
        new ScanCommand({
          TableName: name,
          FilterExpression: '#type = :row AND #status = :paid',
          ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
          ExpressionAttributeValues: { ':row': 'LedgerRow', ':paid': 'paid' },
          ExclusiveStartKey: start,
        }),
      );
      for (const row of (page.Items ?? []) as Paid[]) {
        const month = monthInJapan(row.at);
        if (!month.startsWith(`${year}-`)) continue;
        const m = months.get(month) ?? { platformFeeJpy: 0, feeTaxJpy: 0, paidRows: 0 };
        m.platformFeeJpy += row.platformFeeJpy;
        m.feeTaxJpy += row.feeTaxJpy;
        m.paidRows += 1;
        months.set(month, m);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return months;
  }
  const fees = async (year: number) =>
    (await call('GET', `/v1/admin/fees?year=${year}`, { token: operator })).body;

  it('adds up, month by month, to the paid rows of the ledger, a new paid engagement included', async () => {
    const { firm, pro } = await freshParties('fees');
    await onboardPayouts(pro.token);
    const id = await acceptedEngagement(firm.token, pro.token, { monthlyFeeJpy: 77_000 });
    await payCheckout(firm.token, id);
    const row = await eventually(async () => {
      const rows = (await call('GET', `/v1/engagements/${id}/invoices`, { token: firm.token })).body
        .items as (Paid & { status: string; paidAt?: string })[];
      const paid = rows.find((r) => r.status === 'paid');
      if (!paid) throw new Error('not paid yet');
      return paid;
    }, 15_000);
    expect(row).toMatchObject({ grossJpy: 77_000, platformFeeJpy: 7_700, feeTaxJpy: 700 });

    const year = Number(new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 4));
    await eventually(async () => {
      // Other tests pay meanwhile: compare only a ledger read between two equal answers.
      const before = await fees(year);
      const ledger = await ledgerByMonth(year);
      expect(await fees(year)).toEqual(before);
      expect(before.months).toHaveLength(12);
      for (const m of before.months) {
        const counted = ledger.get(m.month) ?? { platformFeeJpy: 0, feeTaxJpy: 0, paidRows: 0 };
        expect({ month: m.month, fee: m.platformFeeJpy, tax: m.feeTaxJpy, rows: m.paidRows }).toEqual({
          month: m.month,
          fee: counted.platformFeeJpy,
          tax: counted.feeTaxJpy,
          rows: counted.paidRows,
        });
      }
      expect(before.totals.platformFeeJpy).toBe(
        before.months.reduce((s: number, m: { platformFeeJpy: number }) => s + m.platformFeeJpy, 0),
      );
    }, 20_000);
  }, 60_000);

  it('answers a year nobody paid in with twelve months of zeros', async () => {
    const empty = await fees(2099);
    expect(empty.months.map((m: { month: string }) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2099-${String(i + 1).padStart(2, '0')}`),
    );
    expect(empty.totals).toEqual({ platformFeeJpy: 0, feeTaxJpy: 0, grossJpy: 0, paidRows: 0 });
  });
});
