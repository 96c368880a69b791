/** What the API returns and accepts (see functions/routes.ts and shared/domain/profile.ts). */
export type Role = 'professional' | 'firm' | 'region_staff' | 'operator';
export type Tie = 'hometown' | 'lived' | 'furusato_donor' | 'interest';
export type WorkStyle = 'remote' | 'hybrid' | 'onsite';
export type FirmSize = '1-9' | '10-49' | '50-299' | '300+';

export const TIES: readonly Tie[] = ['hometown', 'lived', 'furusato_donor', 'interest'];
export const WORK_STYLES: readonly WorkStyle[] = ['remote', 'hybrid', 'onsite'];
export const FIRM_SIZES: readonly FirmSize[] = ['1-9', '10-49', '50-299', '300+'];

export type RegionTie = { regionCode: string; ties: Tie[] };

export type ProfessionalInput = {
  role: 'professional';
  displayName: string;
  headline?: string;
  skills?: string[];
  yearsOfExperience?: number;
  homePrefectureCode?: string;
  regionsOfInterest?: RegionTie[];
  hoursPerMonth?: number;
  workStyle?: WorkStyle;
};

export type FirmInput = {
  role: 'firm';
  displayName: string;
  organizationName: string;
  municipalityCode: string;
  industry?: string;
  size?: FirmSize;
  invoiceRegistrationNumber?: string;
  billingContact?: { name: string; email: string };
};

export type StaffInput = { role: 'region_staff' | 'operator'; displayName: string };

export type ProfileInput = ProfessionalInput | FirmInput | StaffInput;

export type Profile = ProfileInput & {
  userId: string;
  email?: string;
  regionCode?: string;
  createdAt: string;
  updatedAt: string;
};

export type Prefecture = { code: string; name: string; kana: string; nameEn: string };
export type Municipality = Prefecture & { prefectureCode: string };
