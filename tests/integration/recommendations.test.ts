import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { openProject } from '../support/projects.ts';

/**
 * "Recommended for you" through the API: a firm posts projects in Kochi (高知県), 海士町 and the Amami Islands,
 * skills of this file's own, and a professional tied to those places reads them back ranked, with reasons.
 * Listings follow the projects through the stream, so the reads are polled with a deadline.
 */
type Item = {
  project: { id: string; publishedAt: string };
  score: number;
  reasons: { kind: string; ja: string; en: string }[];
};

const tag = randomUUID().slice(0, 6);
const [craft, story] = [`r${tag}-craft`, `r${tag}-story`];

describe('recommended for you', () => {
  let firm: string;
  let pro: string;
  const posted: Record<string, string> = {};

  beforeAll(async () => {
    firm = (await newUser('reco-firm')).token;
    pro = (await newUser('reco-pro')).token;
    await call('PUT', '/v1/me', {
      token: firm,
      json: {
        role: 'firm',
        displayName: '推薦 花子',
        organizationName: '馬路村推薦商会',
        municipalityCode: '39306',
      },
    });
    await call('PUT', '/v1/me', {
      token: pro,
      json: {
        role: 'professional',
        displayName: '推薦 太郎',
        skills: [craft, story],
        hoursPerMonth: 30,
        workStyle: 'remote',
        regionsOfInterest: [
          { regionCode: '39', ties: ['hometown'] },
          { regionCode: '32525', ties: ['furusato_donor'] },
          { regionCode: 'amami', ties: ['interest'] },
        ],
      },
    });
    const post = async (name: string, overrides: Record<string, unknown>) => {
      posted[name] = (await openProject(firm, { title: `推薦テスト ${name} ${tag}`, ...overrides })).id;
    };
    // The points each will score (shared/recommendations/rules.ts), worked out beside it:
    await post('kochi', {
      municipalityCode: '39306',
      skills: [craft, story],
      hoursPerMonth: 20,
      remote: 'full',
    }); // 60 + 25 + 10 + 10 = 105
    await post('ama', { municipalityCode: '32525', skills: [craft], hoursPerMonth: 40, remote: 'full' }); //          30 + 15 + 0 + 10 = 55
    await post('yamato', { municipalityCode: '46523', skills: [story], hoursPerMonth: 20, remote: 'hybrid' }); //    30 + 10 + 10 + 0 = 50
    await post('tokyo', {
      municipalityCode: '13101',
      skills: [craft, story],
      hoursPerMonth: 30,
      remote: 'full',
    }); // 60 + 10 + 10 = 80
    await post('kochiCity', {
      municipalityCode: '39201',
      skills: ['design'],
      hoursPerMonth: 10,
      remote: 'onsite',
    }); // 25 + 10 = 35
    await post('sapporo', {
      municipalityCode: '01100',
      skills: ['design'],
      hoursPerMonth: 10,
      remote: 'full',
    }); //    nothing in common
    await post('closed', {
      municipalityCode: '39306',
      skills: [craft, story],
      hoursPerMonth: 20,
      remote: 'full',
    });
    await call('POST', `/v1/projects/${posted.closed}/close`, { token: firm });
  }, 60_000);

  const mine = (items: Item[]) => {
    const names = new Map(Object.entries(posted).map(([name, id]) => [id, name]));
    return items.flatMap((i) => (names.has(i.project.id) ? [names.get(i.project.id) as string] : []));
  };

  it('ranks open projects by fit with the profile, best first, each with its reasons in both languages', async () => {
    const answer = await eventually(async () => {
      const a = await call('GET', '/v1/me/recommendations?limit=50', { token: pro });
      expect(a.status).toBe(200);
      expect(mine(a.body.items)).toEqual(['kochi', 'tokyo', 'ama', 'yamato', 'kochiCity']);
      return a;
    }, 20_000);
    expect(answer.body.basis).toBe('profile');
    // Other tests' projects may sit in Kochi too (a tie, not a skill): this file's own, in their order.
    const ownIds = new Set(Object.values(posted));
    const items = (answer.body.items as Item[]).filter((i) => ownIds.has(i.project.id));
    expect(items.map((i) => i.score)).toEqual([105, 80, 55, 50, 35]);
    expect(items.map((i) => i.project.id)).toEqual(
      ['kochi', 'tokyo', 'ama', 'yamato', 'kochiCity'].map((n) => posted[n]),
    );
    const [kochi, , ama, yamato] = items;
    expect(kochi?.reasons).toEqual([
      { kind: 'skill', ja: `スキル: ${craft}、${story} が一致`, en: `Skills: ${craft}, ${story} match` },
      { kind: 'hometown', ja: '出身地: 高知県', en: 'Hometown: Kochi' },
      { kind: 'hours', ja: '時間: 月 20 時間（月 30 時間まで）', en: 'Hours: 20 a month, within your 30' },
      { kind: 'workStyle', ja: '働き方: フルリモート', en: 'Work style: fully remote' },
    ]);
    expect(ama?.reasons.map((r) => r.ja)).toContain('ふるさと納税で寄附: 海士町');
    // 大和村 is found through the wide-area group the professional named.
    expect(yamato?.reasons.map((r) => r.en)).toContain('Interested in: Amami Islands');
    expect(mine(items)).not.toContain('sapporo');
    expect(mine(items)).not.toContain('closed');
  });

  it('gives as many as asked', async () => {
    await eventually(async () => {
      const a = await call('GET', '/v1/me/recommendations?limit=2', { token: pro });
      expect(a.body.items.map((i: Item) => i.project.id)).toEqual([posted.kochi, posted.tokyo]);
    }, 20_000);
  });

  it('shows a profile with no skills and no ties the newest open projects, saying so, with no reasons', async () => {
    const { token } = await newUser('reco-blank');
    await call('PUT', '/v1/me', {
      token,
      json: { role: 'professional', displayName: '白紙 さん', hoursPerMonth: 20 },
    });
    const fresh = await openProject(firm, { title: `推薦テスト newest ${tag}` });
    const answer = await eventually(async () => {
      const a = await call('GET', '/v1/me/recommendations', { token });
      expect(a.body.items.map((i: Item) => i.project.id)).toContain(fresh.id);
      return a;
    }, 20_000);
    expect(answer.body.basis).toBe('newest');
    const items = answer.body.items as Item[];
    expect(items.length).toBeLessThanOrEqual(20);
    expect(items.every((i) => i.score === 0 && i.reasons.length === 0)).toBe(true);
    const published = items.map((i) => i.project.publishedAt);
    expect(published).toEqual([...published].sort().reverse());
  });

  it('is for professionals: a firm is refused', async () => {
    const answer = await call('GET', '/v1/me/recommendations', { token: firm });
    expect(answer.status).toBe(403);
  });
});
