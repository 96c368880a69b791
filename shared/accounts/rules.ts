import * as z from 'zod';
import {
  invoiceRegistrationNumber,
  municipalityCode,
  prefectureCode,
  regionCode,
  skills,
  text,
} from '../domain/fields.ts';
import type { Role } from '../domain/roles.ts';

export const TIES = ['hometown', 'lived', 'furusato_donor', 'interest'] as const;
export const WORK_STYLES = ['remote', 'hybrid', 'onsite'] as const;
export const FIRM_SIZES = ['1-9', '10-49', '50-299', '300+'] as const;

const regionTie = z.strictObject({
  regionCode,
  ties: z
    .array(z.enum(TIES))
    .min(1)
    .max(TIES.length)
    .transform((t) => [...new Set(t)]),
});

const professionalFields = {
  role: z.literal('professional'),
  displayName: text(60),
  headline: text(120).optional(),
  skills: skills.optional(),
  yearsOfExperience: z.int().min(0).max(60).optional(),
  homePrefectureCode: prefectureCode.optional(),
  /** Where they live, if they say: what the relationship population counts "outside the region" by. */
  homeMunicipalityCode: municipalityCode.optional(),
  regionsOfInterest: z.array(regionTie).max(20).optional(),
  hoursPerMonth: z.int().min(1).max(160).optional(),
  workStyle: z.enum(WORK_STYLES).optional(),
  /**
   * Whether they are a registered issuer of qualified invoices (適格請求書発行事業者), and their number: the
   * notice the platform needs to invoice the firm in its own name for them (媒介者交付特例).
   */
  qualifiedInvoiceIssuer: z.boolean().optional(),
  invoiceRegistrationNumber: invoiceRegistrationNumber.optional(),
};

const firmFields = {
  role: z.literal('firm'),
  displayName: text(60),
  organizationName: text(100),
  municipalityCode,
  industry: text(60).optional(),
  size: z.enum(FIRM_SIZES).optional(),
  invoiceRegistrationNumber: invoiceRegistrationNumber.optional(),
  billingContact: z.strictObject({ name: text(60), email: z.email().max(254) }).optional(),
};

/** Staff and operators only keep a display name of their own: their role and region come from an invitation. */
const staffFields = { role: z.literal('region_staff'), displayName: text(60) };
const operatorFields = { role: z.literal('operator'), displayName: text(60) };

/** The body of `PUT /v1/me`: the whole profile, for the role it names. Unknown fields are refused. */
export const ProfileInput = z.discriminatedUnion('role', [
  z
    .strictObject(professionalFields)
    .refine(
      (p) =>
        !p.homeMunicipalityCode ||
        !p.homePrefectureCode ||
        p.homeMunicipalityCode.startsWith(p.homePrefectureCode),
      {
        path: ['homeMunicipalityCode'],
        message: 'The home municipality is not in the home prefecture.',
      },
    )
    .refine((p) => !p.qualifiedInvoiceIssuer || !!p.invoiceRegistrationNumber, {
      path: ['invoiceRegistrationNumber'],
      message: 'A registered issuer gives their registration number.',
    }),
  z.strictObject(firmFields),
  z.strictObject(staffFields),
  z.strictObject(operatorFields),
]);
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
