import { describe, expect, it } from 'vitest';
import type { Profile } from '#shared/accounts/rules.ts';
import { userItem, userKeys } from '#shared/accounts/user.entity.ts';
import { invitationKeys } from '#shared/admin/invitation.entity.ts';
import { strip } from '#shared/data/entity.ts';

describe('entity keys', () => {
  it('User: one profile per Cognito user', () => {
    expect(userKeys.primary('abc')).toEqual({ PK: 'USER#abc', SK: 'PROFILE' });
  });

  it('User: firms are found by municipality, staff by region, professionals not indexed', () => {
    const firm = {
      userId: 'f1',
      role: 'firm',
      displayName: 'x',
      organizationName: 'y',
      municipalityCode: '31370',
    } as Profile;
    expect(userKeys.byRegion(firm)).toEqual({ GSI1PK: 'MUNI#31370', GSI1SK: 'FIRM#f1' });
    const staff = { userId: 's1', role: 'region_staff', displayName: 'x', regionCode: 'amami' } as Profile;
    expect(userKeys.byRegion(staff)).toEqual({ GSI1PK: 'REGION#amami', GSI1SK: 'STAFF#s1' });
    expect(
      userKeys.byRegion({ userId: 'p', role: 'professional', displayName: 'p' } as Profile),
    ).toBeUndefined();
  });

  it('User item: type tag and timestamps, and strip gives back just the profile', () => {
    const profile = { userId: 'p1', role: 'professional', displayName: 'p' } as Profile;
    const item = userItem(profile, '2026-11-20T00:00:00.000Z');
    expect(item).toMatchObject({
      PK: 'USER#p1',
      SK: 'PROFILE',
      type: 'User',
      createdAt: '2026-11-20T00:00:00.000Z',
      updatedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(strip(item)).toEqual({ ...profile, createdAt: item.createdAt, updatedAt: item.updatedAt });
  });

  it('Invitation: keyed by lower-cased e-mail, pending ones ordered by expiry', () => {
    expect(invitationKeys.primary('Staff@Pref.Tottori.JP')).toEqual({
      PK: 'INVITE#staff@pref.tottori.jp',
      SK: 'INVITATION',
    });
    expect(invitationKeys.pending('2026-12-01T00:00:00.000Z')).toEqual({
      GSI1PK: 'INVITATIONS#PENDING',
      GSI1SK: '2026-12-01T00:00:00.000Z',
    });
  });
});
