import { describe, expect, it } from 'vitest';
import { decideProfileUpdate, type Profile, ProfileInput } from '#shared/accounts/rules.ts';

const pro = { role: 'professional', displayName: '田中' } as const;
const firm = {
  role: 'firm',
  displayName: '鈴木',
  organizationName: 'ぶどう園',
  municipalityCode: '31370',
} as const;

describe('profile input', () => {
  it('accepts the two onboarding bodies of the issue', () => {
    expect(ProfileInput.safeParse(pro).success).toBe(true);
    expect(ProfileInput.safeParse(firm).success).toBe(true);
  });

  it('normalises skills to unique lower-case tags, and refuses sentences as tags', () => {
    const parsed = ProfileInput.parse({ ...pro, skills: ['DX', 'dx', 'ふるさと納税', 'web-marketing'] });
    expect(parsed.role === 'professional' && parsed.skills).toEqual(['dx', 'ふるさと納税', 'web-marketing']);
    expect(ProfileInput.safeParse({ ...pro, skills: ['two words'] }).success).toBe(false);
    expect(
      ProfileInput.safeParse({ ...pro, skills: Array.from({ length: 21 }, (_, i) => `s${i}`) }).success,
    ).toBe(false);
  });

  it('takes a home municipality, which must lie in the home prefecture when both are given', () => {
    expect(ProfileInput.safeParse({ ...pro, homeMunicipalityCode: '13101' }).success).toBe(true);
    expect(
      ProfileInput.safeParse({ ...pro, homePrefectureCode: '13', homeMunicipalityCode: '13101' }).success,
    ).toBe(true);
    const outside = ProfileInput.safeParse({
      ...pro,
      homePrefectureCode: '27',
      homeMunicipalityCode: '13101',
    });
    expect(outside.success).toBe(false);
    expect(outside.error?.issues.map((i) => i.path.join('.'))).toEqual(['homeMunicipalityCode']);
    expect(ProfileInput.safeParse({ ...pro, homeMunicipalityCode: '99999' }).success).toBe(false);
  });

  it('checks the qualified-invoice number: T and 13 digits', () => {
    expect(ProfileInput.safeParse({ ...firm, invoiceRegistrationNumber: 'T1234567890123' }).success).toBe(
      true,
    );
    for (const bad of [
      '1234567890123',
      'T123456789012',
      'T12345678901234',
      't1234567890123',
      'T12345678901a3',
    ]) {
      expect(ProfileInput.safeParse({ ...firm, invoiceRegistrationNumber: bad }).success, bad).toBe(false);
    }
  });

  it('keeps hours a month an integer between 1 and 160', () => {
    for (const ok of [1, 20, 160])
      expect(ProfileInput.safeParse({ ...pro, hoursPerMonth: ok }).success).toBe(true);
    for (const bad of [0, 161, 10.5, '20'])
      expect(ProfileInput.safeParse({ ...pro, hoursPerMonth: bad }).success).toBe(false);
  });

  it('requires real region codes: municipality, prefecture, wide-area group', () => {
    expect(ProfileInput.safeParse({ ...firm, municipalityCode: '31999' }).success).toBe(false);
    expect(ProfileInput.safeParse({ ...pro, homePrefectureCode: '48' }).success).toBe(false);
    const ties = {
      ...pro,
      regionsOfInterest: [
        { regionCode: 'amami', ties: ['interest'] },
        { regionCode: '31370', ties: ['lived'] },
      ],
    };
    expect(ProfileInput.safeParse(ties).success).toBe(true);
    expect(
      ProfileInput.safeParse({ ...pro, regionsOfInterest: [{ regionCode: 'atlantis', ties: ['lived'] }] })
        .success,
    ).toBe(false);
  });

  it('refuses unknown fields and the fields of another role', () => {
    expect(ProfileInput.safeParse({ ...pro, isAdmin: true }).success).toBe(false);
    expect(ProfileInput.safeParse({ ...pro, municipalityCode: '31370' }).success).toBe(false);
    expect(ProfileInput.safeParse({ ...firm, regionCode: '31' }).success).toBe(false);
  });
});

describe('decideProfileUpdate', () => {
  const stored = (p: object): Profile => ({ userId: 'u1', email: 'a@b.jp', ...p }) as Profile;

  it('lets the first PUT choose professional or firm, but not staff or operator', () => {
    expect(decideProfileUpdate(undefined, pro)).toEqual({ ok: true, profile: pro });
    expect(decideProfileUpdate(undefined, firm).ok).toBe(true);
    expect(decideProfileUpdate(undefined, { role: 'operator', displayName: 'x' })).toEqual({
      ok: false,
      reason: 'role_by_invitation_only',
    });
    expect(decideProfileUpdate(undefined, { role: 'region_staff', displayName: 'x' }).ok).toBe(false);
  });

  it('never changes the role afterwards', () => {
    expect(decideProfileUpdate(stored(pro), firm)).toEqual({ ok: false, reason: 'role_immutable' });
    expect(decideProfileUpdate(stored(firm), pro)).toEqual({ ok: false, reason: 'role_immutable' });
  });

  it('keeps what only an invitation sets when staff edit their name', () => {
    const staff = stored({ role: 'region_staff', displayName: 'old', regionCode: '31' });
    const decision = decideProfileUpdate(staff, { role: 'region_staff', displayName: 'new' });
    expect(decision).toEqual({
      ok: true,
      profile: { role: 'region_staff', displayName: 'new', regionCode: '31', email: 'a@b.jp' },
    });
  });
});
