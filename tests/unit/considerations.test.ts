import { describe, expect, it } from 'vitest';
import { considerationKeys } from '#shared/considerations/consideration.entity.ts';
import { considerationMails } from '#shared/considerations/mails.ts';
import {
  ConsiderationAnswerInput,
  ConsiderationRequestInput,
  considerationDutyApplies,
  NOT_POSSIBLE_MIN_CHARS,
  seesRequest,
} from '#shared/considerations/rules.ts';

/** Requests for consideration (freelance act 13条): when the firm's duty applies, what a request and an answer need. */
describe('consideration for pregnancy, childbirth, childcare and care (13条)', () => {
  const createdAt = '2026-01-15T03:00:00.000Z';

  it('is the firm’s duty on an engagement agreed for 6 months or more, from the first day', () => {
    expect(considerationDutyApplies({ durationMonths: 6, createdAt }, createdAt)).toBe(true);
    expect(considerationDutyApplies({ durationMonths: 12, createdAt }, createdAt)).toBe(true);
  });

  it('is an effort duty on a shorter one, until it has run 6 months (renewals count)', () => {
    expect(considerationDutyApplies({ durationMonths: 5, createdAt }, createdAt)).toBe(false);
    expect(considerationDutyApplies({ durationMonths: 3, createdAt }, '2026-07-15T02:59:59.999Z')).toBe(
      false,
    );
    expect(considerationDutyApplies({ durationMonths: 3, createdAt }, '2026-07-15T03:00:00.000Z')).toBe(true);
  });

  it('takes one of the kinds and the request in the professional’s own words, up to 2000 characters', () => {
    expect(
      ConsiderationRequestInput.parse({
        kind: 'childcare',
        request: '  保育園の送迎のため、16時以降の会議を避けたい  ',
      }),
    ).toEqual({ kind: 'childcare', request: '保育園の送迎のため、16時以降の会議を避けたい' });
    const paths = (input: unknown) =>
      ConsiderationRequestInput.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ kind: 'holiday', request: 'x' })).toEqual(['kind']);
    expect(paths({ kind: 'care', request: '   ' })).toEqual(['request']);
    expect(paths({ kind: 'care', request: 'あ'.repeat(2001) })).toEqual(['request']);
    expect(paths({ kind: 'care', request: 'あ'.repeat(2000) })).toBeUndefined();
    expect(paths({ kind: 'care', request: 'x', extra: 1 })).toEqual(['']);
  });

  it('asks the firm to explain why when it cannot accommodate, and takes a short yes', () => {
    const paths = (input: unknown) =>
      ConsiderationAnswerInput.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ answer: '承知しました。', outcome: 'accommodated' })).toBeUndefined();
    expect(paths({ answer: '承知しました。', outcome: 'partly' })).toBeUndefined();
    expect(paths({ answer: '無理です', outcome: 'not_possible' })).toEqual(['answer']);
    expect(paths({ answer: 'あ'.repeat(NOT_POSSIBLE_MIN_CHARS), outcome: 'not_possible' })).toBeUndefined();
    expect(paths({ answer: 'はい', outcome: 'maybe' })).toEqual(['outcome']);
    expect(paths({ answer: '', outcome: 'accommodated' })).toEqual(['answer']);
  });

  it('shows the firm every request, a professional only their own', () => {
    const e = { firmId: 'firm' };
    expect(seesRequest(e, { requesterId: 'pro' }, 'firm')).toBe(true);
    expect(seesRequest(e, { requesterId: 'pro' }, 'pro')).toBe(true);
    expect(seesRequest(e, { requesterId: 'pro' }, 'member')).toBe(false);
  });

  it('keeps each request under its engagement, in the order asked', () => {
    expect(considerationKeys.primary({ engagementId: 'e1', createdAt, id: 'r1' })).toEqual({
      PK: 'ENGAGEMENT#e1',
      SK: `CONSIDERATION#${createdAt}#r1`,
    });
  });

  it('mails the firm the request and the duty that applies, in Japanese and English', () => {
    const base = {
      title: 'EC運用',
      requesterName: '佐藤 美咲',
      kind: 'childcare' as const,
      request: '保育園の送迎のため16時以降は不在です。',
      engagementId: 'e1',
      appUrl: 'https://kakehashi.example',
    };
    const long = considerationMails.requested({ ...base, dutyApplies: true });
    expect(long.subject).toBe(
      '契約「EC運用」：配慮の申出がありました / Retainer "EC運用": a request for consideration',
    );
    expect(long.text).toContain('育児に関する配慮の申出');
    expect(long.text).toContain('第13条第1項');
    expect(long.text).toContain('Article 13(1)');
    expect(long.text).toContain('https://kakehashi.example/engagements/e1');
    const short = considerationMails.requested({ ...base, dutyApplies: false });
    expect(short.text).toContain('第13条第2項');
    expect(short.text).toContain('endeavour');
  });

  it('mails the requester the answer and its outcome', () => {
    const mail = considerationMails.answered({
      title: 'EC運用',
      firmName: '株式会社ゆりはま梨園',
      outcome: 'partly',
      answer: '定例会議を午前に移します。',
      engagementId: 'e1',
      appUrl: 'https://kakehashi.example',
    });
    expect(mail.text).toContain('一部配慮します');
    expect(mail.text).toContain('partly accommodated');
    expect(mail.text).toContain('定例会議を午前に移します。');
  });
});
