import {
  invoiceRegistrationNumber,
  municipalityCode,
  prefectureCode,
  regionCode,
  skills,
  text,
} from '../domain/fields.ts';
import type { Role } from '../domain/roles.ts';
import * as z from '../zod-mini.ts';

export const TIES = ['hometown', 'lived', 'furusato_donor', 'interest'] as const;
export const WORK_STYLES = ['remote', 'hybrid', 'onsite'] as const;
export const FIRM_SIZES = ['1-9', '10-49', '50-299', '300+'] as const;

const regionTie = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    regionCode,
    ties: z.pipe(
      z.array(z.enum(TIES)).check(z.minLength(1), z.maxLength(TIES.length)),
      z.transform((t) => [...new Set(t)]),
    ),
  }),
);

const professionalFields = /* @__PURE__ */ z.pure(() => ({
  role: z.literal('professional'),
  displayName: text(60),
  headline: z.optional(text(120)),
  skills: z.optional(skills),
  yearsOfExperience: z.optional(z.int().check(z.gte(0), z.lte(60))),
  homePrefectureCode: z.optional(prefectureCode),
  /** Where they live, if they say: what the relationship population counts "outside the region" by. */
  homeMunicipalityCode: z.optional(municipalityCode),
  regionsOfInterest: z.optional(z.array(regionTie).check(z.maxLength(20))),
  hoursPerMonth: z.optional(z.int().check(z.gte(1), z.lte(160))),
  workStyle: z.optional(z.enum(WORK_STYLES)),
  /**
   * Whether they are a registered issuer of qualified invoices (適格請求書発行事業者), and their number: the
   * notice the platform needs to invoice the firm in its own name for them (媒介者交付特例).
   */
  qualifiedInvoiceIssuer: z.optional(z.boolean()),
  invoiceRegistrationNumber: z.optional(invoiceRegistrationNumber),
}));

const firmFields = /* @__PURE__ */ z.pure(() => ({
  role: z.literal('firm'),
  displayName: text(60),
  organizationName: text(100),
  municipalityCode,
  industry: z.optional(text(60)),
  size: z.optional(z.enum(FIRM_SIZES)),
  invoiceRegistrationNumber: z.optional(invoiceRegistrationNumber),
  billingContact: z.optional(z.strictObject({ name: text(60), email: z.email().check(z.maxLength(254)) })),
}));

/** Staff and operators only keep a display name of their own: their role and region come from an invitation. */
const staffFields = /* @__PURE__ */ z.pure(() => ({
  role: z.literal('region_staff'),
  displayName: text(60),
}));
const operatorFields = /* @__PURE__ */ z.pure(() => ({ role: z.literal('operator'), displayName: text(60) }));

/** The body of `PUT /v1/me`: the whole profile, for the role it names. Unknown fields are refused. */
export const ProfileInput = /* @__PURE__ */ z.pure(() =>
  z.discriminatedUnion('role', [
    z.strictObject(professionalFields).check(
      z.refine(
        (p) =>
          !p.homeMunicipalityCode ||
          !p.homePrefectureCode ||
          p.homeMunicipalityCode.startsWith(p.homePrefectureCode),
        {
          path: ['homeMunicipalityCode'],
          message: 'The home municipality is not in the home prefecture.',
        },
      ),
      z.refine((p) => !p.qualifiedInvoiceIssuer || !!p.invoiceRegistrationNumber, {
        path: ['invoiceRegistrationNumber'],
        message: 'A registered issuer gives their registration number.',
      }),
    ),
    z.strictObject(firmFields),
    z.strictObject(staffFields),
    z.strictObject(operatorFields),
  ]),
);
export type ProfileInput = z.output<typeof ProfileInput>;

/** A profile as stored and returned. */
export type Profile = ProfileInput & {
  userId: string;
  email?: string;
  /** Region staff only: the prefecture, municipality or wide-area group they work for. */
  regionCode?: string;
};

/** The roles a user may pick for themselves; the others exist only by an operator's invitation. */
export const SELF_CHOSEN_ROLES: readonly Role[] = ['professional', 'firm'];

export type ProfileDecision =
  | { ok: true; profile: Omit<Profile, 'userId'> }
  | { ok: false; reason: 'role_immutable' | 'role_by_invitation_only' };

/**
 * What a `PUT /v1/me` does to the stored profile: the first one picks the role (professional or firm);
 * afterwards the role never changes, and what only an invitation sets (region) is kept.
 */
export function decideProfileUpdate(existing: Profile | undefined, input: ProfileInput): ProfileDecision {
  if (!existing) {
    if (!SELF_CHOSEN_ROLES.includes(input.role)) return { ok: false, reason: 'role_by_invitation_only' };
    return { ok: true, profile: input };
  }
  if (existing.role !== input.role) return { ok: false, reason: 'role_immutable' };
  const kept: Partial<Profile> = {};
  if (existing.regionCode) kept.regionCode = existing.regionCode;
  if (existing.email) kept.email = existing.email;
  return { ok: true, profile: { ...input, ...kept } };
}
