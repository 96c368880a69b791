import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_SETTLE_MS, MAX_SAVED_SEARCHES } from '#shared/searches/rules.ts';
import { call, cloud, mailTo, newUser, signIn } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { openProject } from '../support/projects.ts';

/**
 * Saved searches and their morning digest. The digest job is run through the local scheduler at times the
 * test chooses (the schedule's time is the job's clock); listings follow publications through the stream, so
 * each run waits, with a deadline, until the search page shows what the run should find.
 */
const DAY = 86_400_000;
const sub = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;

async function person(role: 'professional' | 'firm', prefix: string) {
  const { email, token } = await newUser(prefix);
  const json =
    role === 'firm'
      ? {
          role,
          displayName: '松本 直樹',
          organizationName: `はわい梨園 ${prefix}`,
          municipalityCode: '31370',
        }
      : { role, displayName: '佐々木 遥' };
  const me = await call('PUT', '/v1/me', { token, json });
  if (me.status !== 201) throw new Error(`profile: ${me.status} ${JSON.stringify(me.body)}`);
  return { email, token, userId: sub(token) };
}

const save = (token: string, json: unknown) => call('POST', '/v1/me/saved-searches', { token, json });
const list = async (token: string) =>
  (await call('GET', '/v1/me/saved-searches', { token })).body.items as {
    id: string;
    name?: string;
    mailed: boolean;
  }[];

/** Runs the digest job as the scheduler would at `time`. */
async function runDigests(time: number) {
  const res = await fetch(`${cloud().url}/_local/schedules/send-search-digests/run`, {
    method: 'POST',
    body: JSON.stringify({ time: new Date(time).toISOString() }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { searches: number; mailed: number; projects: number } }).result;
}
/** The earliest run whose digest covers a project published at `publishedAt`. */
const runCovering = (publishedAt: string) => Date.parse(publishedAt) + 1 + DIGEST_SETTLE_MS;

describe('saved searches', () => {
  let firm: Awaited<ReturnType<typeof person>>;
  let pro: Awaited<ReturnType<typeof person>>;
  let other: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    [firm, pro, other] = await Promise.all([
      person('firm', 'search-firm'),
      person('professional', 'search-pro'),
      person('professional', 'search-other'),
    ]);
  }, 30_000);

  it('a professional saves a search, sees it in their list with its filters in words, and deletes it', async () => {
    const saved = await save(pro.token, {
      name: '鳥取のEC',
      q: ' EC ',
      municipality: '31370',
      minFee: 50_000,
      remote: 'full',
      teams: 'false',
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: '鳥取のEC',
      filters: { q: 'EC', municipality: '31370', minFee: 50_000, remote: 'full' },
      summary: {
        ja: '「EC」、鳥取県 湯梨浜町、月額 ¥50,000 以上、フルリモート',
        en: '"EC", Yurihama-cho, Tottori, ¥50,000+ a month, fully remote',
      },
      searchPath: '/projects?q=EC&municipality=31370&minFee=50000&remote=full',
      mailed: true,
    });
    // The unsubscribe token lives in the mails only.
    expect(JSON.stringify(saved.body)).not.toMatch(/token/i);
    const unnamed = await save(pro.token, { prefecture: '31' });
    expect(unnamed.status).toBe(201);
    expect(unnamed.body.summary).toEqual({ ja: '鳥取県', en: 'Tottori' });

    // Newest first, and only the caller's own.
    expect((await list(pro.token)).map((s) => s.id).slice(0, 2)).toEqual([unnamed.body.id, saved.body.id]);
    expect((await list(other.token)).map((s) => s.id)).not.toContain(saved.body.id);

    // Someone else's search is not found, and stays; the owner deletes it once.
    const path = `/v1/me/saved-searches/${saved.body.id}`;
    expect((await call('DELETE', path, { token: other.token })).status).toBe(404);
    expect((await call('DELETE', path, { token: firm.token })).status).toBe(403);
    expect((await call('DELETE', path)).status).toBe(401);
    expect((await list(pro.token)).map((s) => s.id)).toContain(saved.body.id);
    const deleted = await call('DELETE', path, { token: pro.token });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect((await call('DELETE', path, { token: pro.token })).status).toBe(404);
    expect((await list(pro.token)).map((s) => s.id)).not.toContain(saved.body.id);
    expect(
      (await call('DELETE', `/v1/me/saved-searches/${unnamed.body.id}`, { token: pro.token })).status,
    ).toBe(204);
    // Firms, staff and anonymous callers have no saved searches.
    expect((await save(firm.token, { q: 'EC' })).status).toBe(403);
    expect((await call('GET', '/v1/me/saved-searches')).status).toBe(401);
  });

  it('keeps at most 20 per person, even when 25 are saved at once; deleting one makes room', async () => {
    const many = await person('professional', 'search-many');
    const answers = await Promise.all(
      Array.from({ length: MAX_SAVED_SEARCHES + 5 }, (_, i) => save(many.token, { name: `検索 ${i}` })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_SAVED_SEARCHES);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.body.error.code).toBe('saved_searches_full');
    expect(refused?.body.error.message).toContain('20');
    const mine = await list(many.token);
    expect(mine).toHaveLength(MAX_SAVED_SEARCHES);
    expect((await save(many.token, { q: 'one more' })).status).toBe(409);
    expect(await list(many.token)).toHaveLength(MAX_SAVED_SEARCHES);
    expect((await call('DELETE', `/v1/me/saved-searches/${mine[0]?.id}`, { token: many.token })).status).toBe(
      204,
    );
    expect((await save(many.token, { q: 'one more' })).status).toBe(201);
    expect((await save(many.token, { q: 'and another' })).status).toBe(409);
    // Another person's cap is their own.
    expect((await save(other.token, { q: 'mine' })).status).toBe(201);
  });

  it('mails each search once with what was published since and matches it; nothing when nothing is new; the unsubscribe link works without signing in', async () => {
    const word = `kw${randomUUID().slice(0, 6)}`;
    const title = (what: string) => `梨園のEC立ち上げ支援 ${word} ${what}`;
    const operator = await signIn('operator@demo.kakehashi.jp');
    // Published before the searches were saved: their first digest starts at the saving.
    const old = await openProject(firm.token, { title: title('公開済み') });

    const filters = { q: word, prefecture: '31', minFee: 40_000 };
    const a = await save(pro.token, { name: `A ${word}`, ...filters });
    const b = await save(pro.token, { name: `B ${word}`, ...filters });
    expect([a.status, b.status]).toEqual([201, 201]);

    const elsewhere = await openProject(firm.token, { title: title('奄美'), municipalityCode: '46222' });
    const cheap = await openProject(firm.token, { title: title('低額'), monthlyFeeJpy: 30_000 });
    const hidden = await openProject(firm.token, { title: title('非表示') });
    const hiding = await call('POST', `/v1/admin/projects/${hidden.id}/hide`, {
      token: operator,
      json: { reason: '連絡先の記載が規約に反するため' },
    });
    expect(hiding.status).toBe(200);
    const fresh = await openProject(firm.token, { title: title('新着'), monthlyFeeJpy: 50_000 });
    // The search page shows what the digest should find (listings follow the stream a moment later).
    const shown = async (q: string) =>
      ((await call('GET', `/v1/projects?${q}`)).body.items as { id: string }[]).map((p) => p.id);
    await eventually(async () => {
      expect(await shown(`q=${word}&prefecture=31&minFee=40000`)).toEqual([fresh.id, old.id]);
      expect(await shown(`q=${word}`)).toContain(elsewhere.id);
    });

    const mailsOf = async (name: string) =>
      (await mailTo(pro.email)).filter((m) => m.subject.includes(`${name} ${word}`));
    // Two runs at once, and the same run again: each search is mailed exactly once.
    const first = runCovering(fresh.publishedAt);
    await Promise.all([runDigests(first), runDigests(first)]);
    await runDigests(first);
    const [mailA, mailB] = [await mailsOf('A'), await mailsOf('B')];
    expect(mailA).toHaveLength(1);
    expect(mailB).toHaveLength(1);
    const digest = mailA[0] as { subject: string; text: string };
    expect(digest.subject).toBe(
      `保存した検索「A ${word}」に新着案件が1件あります / 1 new project for your saved search "A ${word}"`,
    );
    // Japanese first, then English: the project's title, town and fee, and its page.
    expect(digest.text).toContain(
      `・${title('新着')}\n  鳥取県 湯梨浜町｜月額 ¥50,000\n  ${cloud().url}/projects/${fresh.id}`,
    );
    expect(digest.text).toContain(`- ${title('新着')}\n  Yurihama-cho, Tottori | ¥50,000 a month`);
    expect(digest.text.indexOf('湯梨浜町')).toBeLessThan(digest.text.indexOf('Yurihama-cho'));
    // Not what was there before saving, nor what does not match, nor what an operator hid.
    for (const p of [old, elsewhere, cheap, hidden]) expect(digest.text).not.toContain(p.id);
    expect(digest.text).toContain(`${cloud().url}/projects?q=${word}&prefecture=31&minFee=40000`);

    // The link works without signing in; a wrong token is not found and changes nothing.
    const link = new URL(
      /https?:\/\/\S+\/unsubscribe\?\S+/.exec((mailB[0] as { text: string }).text)?.[0] as string,
    );
    expect(link.pathname).toBe('/unsubscribe');
    const id = link.searchParams.get('search') as string;
    const token = link.searchParams.get('token') as string;
    expect(id).toBe(b.body.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const path = `/v1/saved-searches/${id}/unsubscribe`;
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await call('POST', path, { json: { token: wrong } })).status).toBe(404);
    expect(
      (await call('POST', `/v1/saved-searches/${a.body.id}/unsubscribe`, { json: { token } })).status,
    ).toBe(404);
    expect((await list(pro.token)).find((s) => s.id === id)?.mailed).toBe(true);
    const done = await call('POST', path, { json: { token } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id, name: `B ${word}` });
    // A second click says the same.
    expect((await call('POST', path, { json: { token } })).body.unsubscribedAt).toBe(
      done.body.unsubscribedAt,
    );
    const mine = await list(pro.token);
    expect(mine.find((s) => s.id === id)?.mailed).toBe(false);
    expect(mine.find((s) => s.id === a.body.id)?.mailed).toBe(true);

    // Later: a new match is mailed to the search still subscribed, alone; the unsubscribed one gets nothing.
    const later = await openProject(firm.token, { title: title('翌日'), monthlyFeeJpy: 80_000 });
    await eventually(async () =>
      expect(await shown(`q=${word}&prefecture=31&minFee=40000`)).toContain(later.id),
    );
    await runDigests(Math.max(runCovering(later.publishedAt), first + DAY));
    const allA = await mailsOf('A');
    expect(allA).toHaveLength(2);
    const second = allA.find((m) => m.text.includes(later.id));
    expect(second?.subject).toContain('新着案件が1件');
    expect(second?.text).not.toContain(fresh.id);
    expect(await mailsOf('B')).toHaveLength(1);

    // The next morning there is nothing new: no mail.
    await runDigests(first + 2 * DAY);
    expect(await mailsOf('A')).toHaveLength(2);
  });
});
