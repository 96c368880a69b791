import { describe, expect, it } from 'vitest';
import { call, checkReply, cloud, everyPage, mailTo, newUser, pagesOf, signIn } from '../support/api.ts';

/**
 * SES refusing mail (issue 13): the local mailbox refuses one address at a time, as SES does (MessageRejected for a
 * suppressed address, 503 when SES has trouble). The request that caused the mail still succeeds; the mail waits in
 * the outbox for the retry-mail job, run here at chosen times, or is recorded as undelivered for the operators.
 */
const WELCOME = '架け橋へようこそ / Welcome to Kakehashi';
type OutboxMail = {
  id: string;
  to: string;
  status: string;
  attempts: number;
  errorName: string;
  subject: string;
};

const refuse = (address: string, reason: 'rejected' | 'unavailable' | undefined) =>
  fetch(`${cloud().url}/_local/mailbox/refusals/${encodeURIComponent(address)}`, {
    method: reason ? 'PUT' : 'DELETE',
    body: JSON.stringify(reason ? { reason } : {}),
  });

const retryMail = async (minutesFromNow: number) =>
  (
    (await (
      await fetch(`${cloud().url}/_local/schedules/retry-mail/run`, {
        method: 'POST',
        body: JSON.stringify({ time: new Date(Date.now() + minutesFromNow * 60_000).toISOString() }),
      })
    ).json()) as { result: { delivered: number; retrying: number; undelivered: number } }
  ).result;

/** The operators' view of one address's mail in the outbox (other tests' mail may share the lists). */
async function outboxFor(operator: string, to: string, status: 'retrying' | 'undelivered') {
  const { items } = await everyPage<OutboxMail>(operator, `/v1/admin/mail?status=${status}`);
  return items.filter((m) => m.to === to);
}

async function signUp(token: string) {
  const saved = await call('PUT', '/v1/me', {
    token,
    json: { role: 'professional', displayName: '鈴木 花子', skills: ['marketing'] },
  });
  expect(saved.status).toBe(201);
  return saved;
}

describe('mail SES refuses', () => {
  it('SES unavailable: the sign-up succeeds, its welcome waits in the outbox and the retry job delivers it once SES is back', async () => {
    const operator = await signIn('operator@demo.kakehashi.jp');
    const { email, token } = await newUser('refused-welcome');
    await refuse(email, 'unavailable');
    await signUp(token);
    expect(await mailTo(email)).toEqual([]);

    const [waiting] = await outboxFor(operator, email, 'retrying');
    expect(waiting).toMatchObject({ subject: WELCOME, attempts: 1, errorName: 'ServiceUnavailable' });

    // Not due before five minutes; still refused at the first retry; delivered at the next once SES answers.
    await retryMail(1);
    expect((await outboxFor(operator, email, 'retrying'))[0]?.attempts).toBe(1);
    await retryMail(6);
    expect((await outboxFor(operator, email, 'retrying'))[0]?.attempts).toBe(2);
    await refuse(email, undefined);
    await retryMail(40);
    expect((await mailTo(email)).map((m) => m.subject)).toEqual([WELCOME]);
    expect(await outboxFor(operator, email, 'retrying')).toEqual([]);
    expect(await outboxFor(operator, email, 'undelivered')).toEqual([]);

    // Delivered once: later runs do not send it again.
    await retryMail(24 * 60);
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('SES rejecting an address: the request succeeds and the mail is recorded as undelivered at once, never retried', async () => {
    const operator = await signIn('operator@demo.kakehashi.jp');
    const { email, token } = await newUser('suppressed');
    await refuse(email, 'rejected');
    await signUp(token);

    const [undelivered] = await outboxFor(operator, email, 'undelivered');
    expect(undelivered).toMatchObject({ subject: WELCOME, attempts: 1, errorName: 'MessageRejected' });
    expect(await outboxFor(operator, email, 'retrying')).toEqual([]);
    await refuse(email, undefined);
    await retryMail(60);
    expect(await mailTo(email)).toEqual([]);
  });

  it('SES down for good: after five tries the mail is given up and recorded, with its last refusal', async () => {
    const operator = await signIn('operator@demo.kakehashi.jp');
    const email = `staff-${Date.now()}@refused.kakehashi.jp`;
    await refuse(email, 'unavailable');
    // An invitation whose mail is refused still stands (it used to fail the request after its transaction).
    const invited = await call('POST', '/v1/admin/region-staff', {
      token: operator,
      json: { email, regionCode: '31370' },
    });
    expect(invited.status).toBe(201);
    const staff = await pagesOf<{ invitations: { email: string }[]; nextCursor: string | null }>(
      operator,
      '/v1/admin/region-staff',
    );
    expect(staff.flatMap((p) => p.invitations.map((i) => i.email))).toContain(email);

    for (const minutes of [6, 40, 200, 1000]) await retryMail(minutes);
    expect(await outboxFor(operator, email, 'retrying')).toEqual([]);
    const [given] = await outboxFor(operator, email, 'undelivered');
    expect(given).toMatchObject({ attempts: 5, errorName: 'ServiceUnavailable' });
    expect(given?.subject).toContain('招待');
    expect(await mailTo(email)).toEqual([]);
    await refuse(email, undefined);
  });

  it('the outbox is the operators’ alone, and its query is checked', async () => {
    const { token } = await newUser('not-operator');
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: 'P' } });
    expect((await call('GET', '/v1/admin/mail', { token })).status).toBe(403);
    const operator = await signIn('operator@demo.kakehashi.jp');
    const bad = await call('GET', '/v1/admin/mail?status=lost&limit=0', { token: operator });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'query.limit',
      'query.status',
    ]);
    const res = await fetch(`${cloud().url}/v1/admin/mail`, {
      headers: { authorization: `Bearer ${operator}` },
    });
    checkReply('GET', '/v1/admin/mail', res, await res.json());
  });
});
