import { describe, expect, it } from 'vitest';
import type { Profile } from '#shared/accounts/rules.ts';
import { userItem, userKeys } from '#shared/accounts/user.entity.ts';
import {
  hasSeatFor,
  InvitationInput,
  invitationExpiry,
  isInvitationOpen,
  MAX_TEAM_MEMBERS,
  maskEmail,
  roleInTeam,
  TEAM_INVITATION_DAYS,
} from '#shared/teams/rules.ts';
import { teamKeys } from '#shared/teams/team.entity.ts';

describe('team membership rules', () => {
  it('an invitation is open for 14 days, until its expiry and not at it', () => {
    const sent = new Date('2026-12-01T09:00:00.000Z');
    const expiresAt = invitationExpiry(sent);
    expect(TEAM_INVITATION_DAYS).toBe(14);
    expect(expiresAt).toBe('2026-12-15T09:00:00.000Z');
    expect(isInvitationOpen({ expiresAt }, '2026-12-01T09:00:00.000Z')).toBe(true);
    expect(isInvitationOpen({ expiresAt }, '2026-12-15T08:59:59.999Z')).toBe(true);
    expect(isInvitationOpen({ expiresAt }, '2026-12-15T09:00:00.000Z')).toBe(false);
    expect(isInvitationOpen({ expiresAt }, '2027-01-01T00:00:00.000Z')).toBe(false);
  });

  it('masks an address for everyone but the director', () => {
    expect(maskEmail('taro@example.com')).toBe('t***@example.com');
    expect(maskEmail('a@b.jp')).toBe('a***@b.jp');
    expect(maskEmail('not-an-address')).toBe('***');
  });

  it('knows how a person stands in a team: director, member, invited by their address, or not at all', () => {
    const team = { directorId: 'd', memberIds: ['d', 'm'], openInvitations: ['invited@example.com'] };
    expect(roleInTeam(team, { userId: 'd' })).toBe('director');
    expect(roleInTeam(team, { userId: 'm', email: 'invited@example.com' })).toBe('member');
    expect(roleInTeam(team, { userId: 'x', email: 'Invited@Example.COM' })).toBe('invited');
    expect(roleInTeam(team, { userId: 'x', email: 'other@example.com' })).toBeUndefined();
    expect(roleInTeam(team, { userId: 'x' })).toBeUndefined();
  });

  it('members and open invitations share the 20 seats', () => {
    expect(MAX_TEAM_MEMBERS).toBe(20);
    expect(hasSeatFor(1, 0)).toBe(true);
    expect(hasSeatFor(10, 9)).toBe(true);
    expect(hasSeatFor(10, 10)).toBe(false);
    expect(hasSeatFor(20, 0)).toBe(false);
  });

  it('takes an invited address in lower case', () => {
    expect(InvitationInput.parse({ email: 'Taro@Example.COM' })).toEqual({ email: 'taro@example.com' });
    expect(InvitationInput.safeParse({ email: 'taro' }).success).toBe(false);
  });
});

describe('team keys', () => {
  it('keeps a team, its members and its invitations in one partition; finds them by person and by address', () => {
    expect(teamKeys.primary('t1')).toEqual({ PK: 'TEAM#t1', SK: 'TEAM' });
    expect(teamKeys.member('t1', 'u1')).toEqual({ PK: 'TEAM#t1', SK: 'MEMBER#u1' });
    expect(teamKeys.invitation('t1', 'Taro@Example.com')).toEqual({
      PK: 'TEAM#t1',
      SK: 'INVITE#taro@example.com',
    });
    expect(teamKeys.ofUser({ userId: 'u1', joinedAt: '2026-12-01T00:00:00.000Z', teamId: 't1' })).toEqual({
      GSI1PK: 'USER#u1#TEAMS',
      GSI1SK: '2026-12-01T00:00:00.000Z#t1',
    });
    expect(teamKeys.toAddress({ email: 'taro@example.com', teamId: 't1' })).toEqual({
      GSI3PK: 'EMAIL#taro@example.com',
      GSI3SK: 'TEAM#t1',
    });
  });

  it('finds an account by its address, in lower case, in the same partition', () => {
    expect(userKeys.byEmail('Taro@Example.com')).toEqual({
      GSI3PK: 'EMAIL#taro@example.com',
      GSI3SK: 'USER',
    });
    const profile = { userId: 'p1', role: 'professional', displayName: 'p', email: 'P1@x.jp' } as Profile;
    expect(userItem(profile, '2026-11-20T00:00:00.000Z')).toMatchObject({
      GSI3PK: 'EMAIL#p1@x.jp',
      GSI3SK: 'USER',
    });
    const noEmail = { userId: 'p2', role: 'professional', displayName: 'p' } as Profile;
    expect(userItem(noEmail, '2026-11-20T00:00:00.000Z')).not.toHaveProperty('GSI3PK');
  });
});
