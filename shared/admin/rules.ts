import { invoiceRegistrationNumber, skills, text } from '../domain/fields.ts';
import * as z from '../zod-mini.ts';

/** What the operator sets for the whole marketplace. */
export const PlatformSettingsInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    platformFeePercent: z
      .number()
      .check(
        z.gte(0, 'The platform fee cannot be negative.'),
        z.lte(50, 'The platform fee is at most 50 %.'),
        z.multipleOf(0.01, 'At most two decimals.'),
      ),
    /** The platform's own 適格請求書発行事業者登録番号, printed on what it issues for its fee. */
    invoiceRegistrationNumber: z.optional(z.nullable(invoiceRegistrationNumber)),
    /** Work types (skill tags) whose payments are subject to 源泉徴収, e.g. design or writing. */
    withholdingWorkTypes: z._default(skills, []),
  }),
);
export type PlatformSettingsInput = z.output<typeof PlatformSettingsInput>;

export type PlatformSettings = {
  platformFeePercent: number;
  invoiceRegistrationNumber: string | null;
  withholdingWorkTypes: string[];
  updatedAt?: string;
};

export const DEFAULT_SETTINGS: PlatformSettings = {
  platformFeePercent: 10,
  invoiceRegistrationNumber: null,
  withholdingWorkTypes: [],
};

export const PLATFORM_NAME = '架け橋 Kakehashi';

/** Why an operator hides a posting or suspends an account: the person is told it by mail, the trail keeps it. */
export const REASON_MAX = 500;
export const ReasonInput = /* @__PURE__ */ z.pure(() => z.strictObject({ reason: text(REASON_MAX) }));
export type ReasonInput = z.output<typeof ReasonInput>;

/** The reason a firm's open projects are hidden with its suspension: restoring it unhides these only. */
export const SUSPENSION_REASON = 'account suspended';

/** Every operator action, as the audit trail names it. */
export const AUDIT_ACTIONS = [
  'invite_staff',
  'revoke_invitation',
  'update_settings',
  'hide_project',
  'unhide_project',
  'suspend_user',
  'restore_user',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_TARGETS = ['invitation', 'settings', 'project', 'user'] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

const int = /* @__PURE__ */ z.pure(() => z.coerce.number().check(z.int()));
/** A page of one of the console's lists (the audit trail, the hidden postings). */
export const PageQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    limit: z._default(int.check(z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.maxLength(1000))),
  }),
);
export type PageQuery = z.output<typeof PageQuery>;

/** The year of `GET /v1/admin/fees`: the platform started taking fees in 2024. */
export const FeesQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({ year: int.check(z.gte(2024, 'From 2024 on.'), z.lte(2100)) }),
);

/** An invitation in a path: the address it was sent to. */
export const InvitationEmail = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    email: z.email('Not an e-mail address.').check(z.maxLength(254)),
  }),
);

/** Looking an account up by its e-mail address or its user id: exactly one of them. */
export const AccountQuery = /* @__PURE__ */ z.pure(() =>
  z
    .strictObject({
      email: z.optional(z.email('Not an e-mail address.').check(z.maxLength(254))),
      id: z.optional(z.uuid('Not a valid user id.')),
    })
    .check(
      z.refine((q) => (q.email === undefined) !== (q.id === undefined), {
        message: 'Give either an e-mail address or a user id.',
        path: ['email'],
      }),
    ),
);

/**
 * Whether an operator may suspend this account: never their own, never an operator's (operators are the ones
 * who restore; one locked out could not be let back in).
 */
export function suspensionRefusal(
  target: { userId: string; role: string },
  operatorId: string,
): 'self' | 'operator' | undefined {
  if (target.userId === operatorId) return 'self';
  if (target.role === 'operator') return 'operator';
  return undefined;
}

export type FeeMonthFigures = {
  month: string;
  platformFeeJpy: number;
  feeTaxJpy: number;
  grossJpy: number;
  paidRows: number;
};

/** A year of fee income: all twelve months in order (a month nobody paid in is zeros), and the year's totals. */
export function feeYear(year: number, counted: readonly FeeMonthFigures[]) {
  const byMonth = new Map(counted.map((m) => [m.month, m]));
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const m = byMonth.get(month);
    return {
      month,
      platformFeeJpy: m?.platformFeeJpy ?? 0,
      feeTaxJpy: m?.feeTaxJpy ?? 0,
      grossJpy: m?.grossJpy ?? 0,
      paidRows: m?.paidRows ?? 0,
    };
  });
  const sum = (k: 'platformFeeJpy' | 'feeTaxJpy' | 'grossJpy' | 'paidRows') =>
    months.reduce((s, m) => s + m[k], 0);
  return {
    year,
    months,
    totals: {
      platformFeeJpy: sum('platformFeeJpy'),
      feeTaxJpy: sum('feeTaxJpy'),
      grossJpy: sum('grossJpy'),
      paidRows: sum('paidRows'),
    },
  };
}
