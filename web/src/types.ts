/**
 * What the accounts and regions API returns and accepts: the shared contract (shared/accounts,
 * shared/regions, shared/domain), imported rather than copied.
 */
import type * as z from 'zod';
import type { ProfileOut } from '#shared/accounts/contract.ts';
import type { FIRM_SIZES, ProfileInput, TIES, WORK_STYLES } from '#shared/accounts/rules.ts';
import type { MunicipalityOut, PrefectureOut, WideAreaGroupOut } from '#shared/regions/contract.ts';

export { FIRM_SIZES, TIES, WORK_STYLES } from '#shared/accounts/rules.ts';
export type { Role } from '#shared/domain/roles.ts';

export type Tie = (typeof TIES)[number];
export type WorkStyle = (typeof WORK_STYLES)[number];
export type FirmSize = (typeof FIRM_SIZES)[number];

/** The body of `PUT /v1/me`, for the role it names. */
export type { ProfileInput };
export type ProfessionalInput = Extract<ProfileInput, { role: 'professional' }>;
export type FirmInput = Extract<ProfileInput, { role: 'firm' }>;
export type RegionTie = NonNullable<ProfessionalInput['regionsOfInterest']>[number];

/** A profile as `GET /v1/me` answers it: the fields of its role, and those the API adds. */
export type Profile = ProfileInput &
  Pick<z.output<typeof ProfileOut>, 'userId' | 'email' | 'regionCode' | 'createdAt' | 'updatedAt'>;

export type Prefecture = z.output<typeof PrefectureOut>;
export type Municipality = z.output<typeof MunicipalityOut>;
export type WideAreaGroup = z.output<typeof WideAreaGroupOut>;
