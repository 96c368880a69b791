import { describe, expect, it } from 'vitest';
import { call, cloud, mailTo, signIn } from '../support/api.ts';

const runSchedule = async (name: string, time: string) =>
  (
    await fetch(`${cloud().url}/_local/schedules/${name}/run`, {
      method: 'POST',
      body: JSON.stringify({ time }),
    })
  ).json();

describe('scheduled job: expire-invitations (run by the local scheduler)', () => {
  it('removes invitations that expired unused and tells the operator; a later sign-up gets no staff role', async () => {
    const operator = await signIn('operator@demo.kakehashi.jp');
    const email = `late-${Date.now()}@test.kakehashi.jp`;
    const invited = await call('POST', '/v1/admin/region-staff', {
      token: operator,
      json: { email, regionCode: '31370' },
    });
    expect(invited.status).toBe(201);

    // Before the expiry nothing happens; fifteen days later the invitation is gone.
    const early = await runSchedule('expire-invitations', new Date().toISOString());
    expect(early.result.expired).toBe(0);
    const later = new Date(Date.now() + 15 * 86_400_000).toISOString();
    const run = await runSchedule('expire-invitations', later);
    expect(run.result.expired).toBeGreaterThanOrEqual(1);

    const mail = await mailTo('operator@demo.kakehashi.jp');
    expect(mail.some((m) => m.subject.includes('招待の有効期限') && m.text.includes(email))).toBe(true);
    expect((await runSchedule('expire-invitations', later)).result.expired).toBe(0);
  });
});
