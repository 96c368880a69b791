/**
 * What the marketplace API returns and accepts: the shared contract (shared/projects,
 * shared/applications), imported rather than copied.
 */
import type * as z from 'zod';
import type {
  ApplicantOut,
  ApplicationOut,
  DecisionOut,
  MyApplicationOut,
  ProjectApplicationOut,
} from '#shared/applications/contract.ts';
import { APPLICATION_STATUSES, type ApplicationStatus, withdraw } from '#shared/applications/rules.ts';
import type { ProjectOut, ProjectPage as ProjectPageSchema } from '#shared/projects/contract.ts';
import type { REMOTE_STYLES } from '#shared/projects/rules.ts';

export type { ApplicationStatus, Decision } from '#shared/applications/rules.ts';
export type { ProjectInput, ProjectPatch, ProjectStatus } from '#shared/projects/rules.ts';
export { REMOTE_STYLES } from '#shared/projects/rules.ts';

export type RemoteStyle = (typeof REMOTE_STYLES)[number];

export type Project = z.output<typeof ProjectOut>;
export type ProjectPage = z.output<typeof ProjectPageSchema>;

export type Application = z.output<typeof ApplicationOut>;
export type Applicant = z.output<typeof ApplicantOut>;
export type ProjectApplication = z.output<typeof ProjectApplicationOut>;
export type MyApplication = z.output<typeof MyApplicationOut>;
export type DecisionResult = z.output<typeof DecisionOut>;

/** Applications the applicant may still withdraw, and the firm may still decide on: the shared rule's. */
export const OPEN_APPLICATION: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((status) => {
  const step = withdraw(status);
  return step.ok && step.changed;
});
