import { describe, expect, it } from 'vitest';
import { decide, withdraw } from '#shared/applications/rules.ts';
import { projectMails } from '#shared/projects/mails.ts';
import {
  applyPatch,
  canSee,
  changedTerms,
  nextStatus,
  type Project,
  ProjectInput,
  ProjectPatch,
} from '#shared/projects/rules.ts';

const valid = {
  title: '梨園のEC立ち上げ',
  summary: '直売をオンラインへ',
  skills: ['ec'],
  municipalityCode: '31370',
  monthlyFeeJpy: 50_000,
  hoursPerMonth: 20,
  remote: 'full',
  durationMonths: 6,
  workType: 'other',
};

describe('project input: fees and hours', () => {
  it('needs the kind of work the fee pays for, from the list 源泉徴収 follows', () => {
    const { workType: _, ...without } = valid;
    expect(ProjectInput.safeParse(without).success).toBe(false);
    expect(ProjectInput.safeParse({ ...valid, workType: 'design' }).success).toBe(true);
    expect(ProjectInput.safeParse({ ...valid, workType: 'ec' }).success).toBe(false);
  });

  it('accepts the body of the issue', () => {
    expect(ProjectInput.safeParse(valid).success).toBe(true);
  });

  it('keeps fees whole yen between ¥5,000 and ¥1,000,000 a month', () => {
    for (const fee of [5_000, 50_000, 1_000_000])
      expect(ProjectInput.safeParse({ ...valid, monthlyFeeJpy: fee }).success, String(fee)).toBe(true);
    for (const fee of [4_999, 1_000_001, 50_000.5, -1, '50000', 0]) {
      expect(ProjectInput.safeParse({ ...valid, monthlyFeeJpy: fee }).success, String(fee)).toBe(false);
    }
  });

  it('keeps hours a month an integer between 1 and 160, and short-time work at most 43 hours', () => {
    for (const h of [0, 161, 7.5])
      expect(ProjectInput.safeParse({ ...valid, hoursPerMonth: h }).success).toBe(false);
    expect(ProjectInput.safeParse({ ...valid, shortTime: true, hoursPerMonth: 43 }).success).toBe(true);
    const tooLong = ProjectInput.safeParse({ ...valid, shortTime: true, hoursPerMonth: 44 });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.path).toEqual(['hoursPerMonth']);
  });

  it('needs at least one skill, a real municipality, a YYYY-MM start month, and no owner in the body', () => {
    expect(ProjectInput.safeParse({ ...valid, skills: [] }).success).toBe(false);
    expect(ProjectInput.safeParse({ ...valid, municipalityCode: '99999' }).success).toBe(false);
    expect(ProjectInput.safeParse({ ...valid, startMonth: '2027-04' }).success).toBe(true);
    expect(ProjectInput.safeParse({ ...valid, startMonth: '2027-13' }).success).toBe(false);
    expect(ProjectInput.safeParse({ ...valid, firmId: 'someone-else' }).success).toBe(false);
  });

  it('a patch changes at least one field', () => {
    expect(ProjectPatch.safeParse({}).success).toBe(false);
    expect(ProjectPatch.safeParse({ monthlyFeeJpy: 60_000 }).success).toBe(true);
  });
});

describe('project lifecycle', () => {
  const project = {
    ...valid,
    id: 'p',
    firmId: 'f',
    organizationName: 'o',
    prefectureCode: '31',
    status: 'open',
    shortTime: false,
    applicantCount: 0,
    createdAt: '',
    updatedAt: '',
  } as Project;

  it('draft → open → closed; publishing again changes nothing; a closed project stays closed', () => {
    expect(nextStatus('draft', 'publish')).toBe('open');
    expect(nextStatus('open', 'publish')).toBe('unchanged');
    expect(nextStatus('closed', 'publish')).toBeUndefined();
    expect(nextStatus('open', 'close')).toBe('closed');
    expect(nextStatus('draft', 'close')).toBe('closed');
    expect(nextStatus('closed', 'close')).toBe('unchanged');
  });

  it('a patch is checked as a whole: short-time with too many hours is refused; a closed project is not edited', () => {
    expect(applyPatch({ ...project, hoursPerMonth: 60 }, { shortTime: true }).ok).toBe(false);
    expect(applyPatch(project, { shortTime: true, hoursPerMonth: 30 }).ok).toBe(true);
    expect(applyPatch({ ...project, status: 'closed' }, { title: 'x' }).ok).toBe(false);
    const moved = applyPatch({ ...project, status: 'draft' }, { municipalityCode: '46222' });
    expect(moved.ok && moved.project.prefectureCode).toBe('46');
    // A published project stays where its applicants (and its region's figures) found it.
    expect(applyPatch({ ...project, status: 'open' }, { municipalityCode: '46222' })).toMatchObject({
      ok: false,
      field: 'municipalityCode',
    });
    expect(
      applyPatch({ ...project, status: 'open' }, { municipalityCode: project.municipalityCode }).ok,
    ).toBe(true);
  });

  it('a draft is visible to its firm only', () => {
    expect(canSee({ status: 'draft', firmId: 'f' }, 'f')).toBe(true);
    expect(canSee({ status: 'draft', firmId: 'f' }, 'g')).toBe(false);
    expect(canSee({ status: 'draft', firmId: 'f' }, undefined)).toBe(false);
    expect(canSee({ status: 'closed', firmId: 'f' }, undefined)).toBe(true);
  });
});

describe('accurate postings (12条): which conditions changed', () => {
  const before = { monthlyFeeJpy: 50_000, hoursPerMonth: 20, remote: 'full', feeTax: 'inclusive' } as const;

  it('names each changed condition old → new, fee first, and nothing when none changed', () => {
    expect(changedTerms(before, { ...before })).toEqual([]);
    expect(changedTerms(before, { ...before, hoursPerMonth: 30, monthlyFeeJpy: 60_000 })).toEqual([
      { term: 'monthlyFeeJpy', from: 50_000, to: 60_000 },
      { term: 'hoursPerMonth', from: 20, to: 30 },
    ]);
    expect(changedTerms(before, { ...before, remote: 'onsite', feeTax: 'exclusive' })).toEqual([
      { term: 'feeTax', from: 'inclusive', to: 'exclusive' },
      { term: 'remote', from: 'full', to: 'onsite' },
    ]);
  });

  it('a project saved before the tax setting was tax-inclusive: saying so is no change, going 税別 is', () => {
    const { feeTax: _, ...old } = before;
    expect(changedTerms(old, { ...old, feeTax: 'inclusive' })).toEqual([]);
    expect(changedTerms(old, { ...old, feeTax: 'exclusive' })).toEqual([
      { term: 'feeTax', from: 'inclusive', to: 'exclusive' },
    ]);
  });

  it('the applicants are mailed the project, each change old → new in both languages, and its page', () => {
    const mail = projectMails.termsChanged({
      projectTitle: '梨園のEC立ち上げ支援',
      organizationName: '株式会社ゆりはま梨園',
      projectId: 'p1',
      changes: changedTerms(before, { ...before, monthlyFeeJpy: 60_000, remote: 'hybrid' }),
      appUrl: 'https://kakehashi.example',
    });
    expect(mail.subject).toContain('梨園のEC立ち上げ支援');
    expect(mail.text).toContain('・月額報酬：¥50,000/月 → ¥60,000/月');
    expect(mail.text).toContain('・リモート：フルリモート → リモート＋ときどき現地');
    expect(mail.text).toContain('- Monthly fee: ¥50,000 a month → ¥60,000 a month');
    expect(mail.text).toContain('- Remote work: Fully remote → Remote with visits');
    expect(mail.text).not.toMatch(/稼働時間|Hours/);
    expect(mail.text).toContain('https://kakehashi.example/projects/p1');
  });
});

describe('application state machine', () => {
  it('the firm shortlists, declines or accepts an undecided application', () => {
    expect(decide('submitted', 'shortlist')).toEqual({ ok: true, to: 'shortlisted', changed: true });
    expect(decide('submitted', 'accept')).toEqual({ ok: true, to: 'accepted', changed: true });
    expect(decide('shortlisted', 'decline')).toEqual({ ok: true, to: 'declined', changed: true });
    expect(decide('shortlisted', 'accept').ok).toBe(true);
  });

  it('declined, withdrawn and accepted are final; repeating the decision made changes nothing', () => {
    expect(decide('declined', 'accept').ok).toBe(false);
    expect(decide('withdrawn', 'accept').ok).toBe(false);
    expect(decide('withdrawn', 'shortlist').ok).toBe(false);
    expect(decide('accepted', 'decline').ok).toBe(false);
    expect(decide('accepted', 'shortlist').ok).toBe(false);
    expect(decide('accepted', 'accept')).toEqual({ ok: true, to: 'accepted', changed: false });
    expect(decide('shortlisted', 'shortlist')).toEqual({ ok: true, to: 'shortlisted', changed: false });
  });

  it('the applicant withdraws only while undecided', () => {
    expect(withdraw('submitted').ok).toBe(true);
    expect(withdraw('shortlisted').ok).toBe(true);
    expect(withdraw('withdrawn')).toEqual({ ok: true, to: 'withdrawn', changed: false });
    expect(withdraw('accepted').ok).toBe(false);
    expect(withdraw('declined').ok).toBe(false);
  });
});
