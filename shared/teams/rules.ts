import { text } from '../domain/fields.ts';
import * as z from '../zod-mini.ts';

/**
 * Team work (the Minowa and Fujisato models): a director and members share one engagement, each paid their
 * share. Pure rules: no AWS, Stripe or data imports.
 */

/** A team has 2–20 members, its director included; it can apply for work once it has two. */
export const MIN_TEAM_MEMBERS = 2;
export const MAX_TEAM_MEMBERS = 20;
export const TEAM_NAME_MAX = 80;
export const TEAM_DESCRIPTION_MAX = 2000;

export const MEMBER_STATUSES = ['invited', 'member'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** How the caller stands in a team. */
export const TEAM_ROLES = ['director', 'member', 'invited'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TeamInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    name: text(TEAM_NAME_MAX),
    description: z.optional(text(TEAM_DESCRIPTION_MAX)),
  }),
);
export type TeamInput = z.output<typeof TeamInput>;

export const InvitationInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    email: z.email('Not an e-mail address.').check(z.maxLength(254), z.toLowerCase()),
  }),
);

/** An invitation to a team can be taken up for 14 days; after that it cannot be used and is shown no more. */
export const TEAM_INVITATION_DAYS = 14;
export const invitationExpiry = (at: Date) =>
  new Date(at.getTime() + TEAM_INVITATION_DAYS * 86_400_000).toISOString();
/** Whether an invitation can still be taken up at `at` (ISO instant): until its expiry, not at it. */
export const isInvitationOpen = (invitation: { expiresAt: string }, at: string) => invitation.expiresAt > at;

/** An address as people other than the director see it: `t***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/**
 * How a person stands in a team: its director, a member who joined, invited by their profile's address to an
 * invitation still open, or nothing (to whom the team does not exist).
 */
export function roleInTeam(
  team: { directorId: string; memberIds: readonly string[]; openInvitations: readonly string[] },
  person: { userId: string; email?: string | undefined },
): TeamRole | undefined {
  if (team.directorId === person.userId) return 'director';
  if (team.memberIds.includes(person.userId)) return 'member';
  const email = person.email?.toLowerCase();
  if (email && team.openInvitations.includes(email)) return 'invited';
  return undefined;
}

/** Members who joined plus open invitations hold the team's seats: one more invitation needs a free seat. */
export const hasSeatFor = (members: number, openInvitations: number) =>
  members + openInvitations < MAX_TEAM_MEMBERS;

/** A share in tenths of a percent: 33.3 % is 333. Shares of a split add up to 1000. */
export const PERCENT_UNITS = 1000;
export const toUnits = (percent: number) => Math.round(percent * 10);
export const toPercent = (units: number) => units / 10;

const percent = /* @__PURE__ */ z.pure(() =>
  z.number().check(
    z.gte(0, 'A share is 0 % or more.'),
    z.lte(100, 'A share is at most 100 %.'),
    z.refine(
      (p) => Math.abs(p * 10 - Math.round(p * 10)) < 1e-9,
      'A share is a whole or one-decimal percentage.',
    ),
  ),
);

export const SharesInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    shares: z
      .array(z.strictObject({ userId: z.string().check(z.minLength(1), z.maxLength(64)), percent }))
      .check(
        z.minLength(1),
        z.maxLength(MAX_TEAM_MEMBERS),
        z.refine((s) => new Set(s.map((x) => x.userId)).size === s.length, 'Each member appears once.'),
        z.refine(
          (s) => s.reduce((sum, x) => sum + toUnits(x.percent), 0) === PERCENT_UNITS,
          'The shares add up to 100 %.',
        ),
      ),
  }),
);
export type Share = { userId: string; percent: number };

/**
 * Divides a whole amount by weights so the parts add up exactly to it: each part is the floor of its exact
 * share, and the yen left over go one each to the largest remainders; equal remainders go to the one listed
 * first (the director comes first), so the same split always gives the same parts.
 */
export function largestRemainder(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new Error('weights must add up to more than zero');
  const floors = weights.map((w) => Math.floor((amount * w) / total));
  const remainders = weights.map((w, i) => ({ i, r: amount * w - (floors[i] as number) * total }));
  let left = amount - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left === 0) break;
    floors[i] = (floors[i] as number) + 1;
    left -= 1;
  }
  return floors;
}

/** Equal shares for a team's members, in one-decimal percentages adding up to 100 (the first get the odd tenths). */
export function equalShares(userIds: readonly string[]): Share[] {
  const units = largestRemainder(
    PERCENT_UNITS,
    userIds.map(() => 1),
  );
  return userIds.map((userId, i) => ({ userId, percent: toPercent(units[i] as number) }));
}

/** One member's part of a month's money: gross = net + their part of the platform fee. */
export type MemberPart = {
  userId: string;
  percent: number;
  grossJpy: number;
  platformFeeJpy: number;
  feeTaxJpy: number;
  netJpy: number;
};

/**
 * A paid month divided among the members: the net (after the platform fee), the fee and its tax each by
 * largest remainder over the same shares, so every column adds up exactly to the month's.
 */
export function splitMonth(
  money: { netJpy: number; platformFeeJpy: number; feeTaxJpy: number },
  shares: readonly Share[],
): MemberPart[] {
  const weights = shares.map((s) => toUnits(s.percent));
  const net = largestRemainder(money.netJpy, weights);
  const fee = largestRemainder(money.platformFeeJpy, weights);
  const tax = largestRemainder(money.feeTaxJpy, weights);
  return shares.map((s, i) => ({
    userId: s.userId,
    percent: s.percent,
    grossJpy: (net[i] as number) + (fee[i] as number),
    platformFeeJpy: fee[i] as number,
    feeTaxJpy: tax[i] as number,
    netJpy: net[i] as number,
  }));
}

/**
 * When a member leaves, their share goes to the others in proportion to what they have (equally when the
 * others have nothing), in one-decimal percentages that still add up to 100.
 */
export function withoutMember(shares: readonly Share[], userId: string): Share[] {
  const rest = shares.filter((s) => s.userId !== userId);
  if (rest.length === 0) return [];
  const weights = rest.map((s) => toUnits(s.percent));
  const units = largestRemainder(PERCENT_UNITS, weights.some((w) => w > 0) ? weights : weights.map(() => 1));
  return rest.map((s, i) => ({ userId: s.userId, percent: toPercent(units[i] as number) }));
}

/** Members with a share above 0 %: those Checkout waits for, those paid each month. */
export const paidMembers = <S extends Share>(shares: readonly S[]): S[] =>
  shares.filter((s) => toUnits(s.percent) > 0);
