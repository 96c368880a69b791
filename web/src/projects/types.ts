/** What the marketplace API returns and accepts (see functions/routes.ts, shared/domain/project.ts). */
import type { WorkStyle } from '../types.ts';

export type RemoteStyle = 'full' | 'hybrid' | 'onsite';
export type ProjectStatus = 'draft' | 'open' | 'closed';
export type ApplicationStatus = 'submitted' | 'shortlisted' | 'declined' | 'accepted' | 'withdrawn';
export type Decision = 'shortlist' | 'decline' | 'accept';

export const REMOTE_STYLES: readonly RemoteStyle[] = ['full', 'hybrid', 'onsite'];

/** The server's limits, mirrored for the checks made before sending. */
export const LIMITS = {
  title: 100,
  text: 2000,
  proposal: 4000,
  skillsMax: 10,
  feeMin: 5_000,
  feeMax: 1_000_000,
  hoursMin: 1,
  hoursMax: 160,
  shortTimeMaxHours: 43,
  durationMin: 1,
  durationMax: 36,
} as const;

export const START_MONTH_PATTERN = /^20\d\d-(0[1-9]|1[0-2])$/;

export type ProjectInput = {
  title: string;
  summary: string;
  challenge?: string;
  deliverables?: string;
  skills: string[];
  municipalityCode: string;
  monthlyFeeJpy: number;
  hoursPerMonth: number;
  remote: RemoteStyle;
  durationMonths: number;
  startMonth?: string;
  shortTime?: boolean;
};

export type Project = Required<Pick<ProjectInput, 'shortTime'>> &
  Omit<ProjectInput, 'shortTime'> & {
    id: string;
    firmId: string;
    organizationName: string;
    prefectureCode: string;
    status: ProjectStatus;
    applicantCount: number;
    createdAt: string;
    updatedAt: string;
    publishedAt?: string;
    closedAt?: string;
    municipalityName: string;
    municipalityNameEn: string;
    prefectureName: string;
    prefectureNameEn: string;
  };

export type ProjectPage = { items: Project[]; nextCursor: string | null };

export type Application = {
  id: string;
  projectId: string;
  status: ApplicationStatus;
  proposal: string;
  engagementId?: string;
  createdAt: string;
  updatedAt?: string;
  decidedAt?: string;
};

export type Applicant = {
  userId: string;
  displayName: string;
  headline?: string;
  skills: string[];
  yearsOfExperience?: number;
  homePrefectureCode?: string;
  hoursPerMonth?: number;
  workStyle?: WorkStyle;
};

export type ProjectApplication = Application & { applicant: Applicant };

export type MyApplication = Application & {
  project: {
    id: string;
    title: string;
    status: ProjectStatus;
    organizationName: string;
    municipalityCode: string;
  };
};

/** Applications the applicant may still withdraw, and the firm may still decide on. */
export const OPEN_APPLICATION: readonly ApplicationStatus[] = ['submitted', 'shortlisted'];
