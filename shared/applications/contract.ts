import * as z from 'zod';
import { WORK_STYLES } from '../accounts/rules.ts';
import { PROJECT_STATUSES } from '../projects/rules.ts';
import { APPLICATION_STATUSES } from './rules.ts';

/** An application as its applicant and its firm see it. */
export const ApplicationOut = z.object({
  id: z.string(),
  projectId: z.string(),
  firmId: z.string(),
  professionalId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  proposal: z.string(),
  engagementId: z.string().optional(),
  /** Applied as a team by its director (the professionalId): the team engagement goes to its members. */
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  decidedAt: z.string().optional(),
});
export type ApplicationOut = z.output<typeof ApplicationOut>;

/** What a firm sees of an applicant: the public part of a professional's profile. */
export const ApplicantOut = z.object({
  userId: z.string(),
  displayName: z.string(),
  headline: z.string().optional(),
  skills: z.array(z.string()),
  yearsOfExperience: z.number().int().optional(),
  homePrefectureCode: z.string().optional(),
  hoursPerMonth: z.number().int().optional(),
  workStyle: z.enum(WORK_STYLES).optional(),
});
export type ApplicantOut = z.output<typeof ApplicantOut>;

export const ProjectApplicationOut = ApplicationOut.extend({
  applicant: ApplicantOut,
  /** A team's application: the team and its members' public profiles (the director first). */
  team: z.object({ id: z.string(), name: z.string(), members: z.array(ApplicantOut) }).optional(),
});
export type ProjectApplicationOut = z.output<typeof ProjectApplicationOut>;
export const ProjectApplicationList = z.object({
  items: z.array(ProjectApplicationOut),
  nextCursor: z.string().nullable(),
});

export const MyApplicationOut = ApplicationOut.extend({
  project: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(PROJECT_STATUSES),
    organizationName: z.string(),
    municipalityCode: z.string(),
    /** When the firm last changed the fee, its tax, the hours or the remote style (12条). */
    termsChangedAt: z.string().optional(),
  }),
});
export type MyApplicationOut = z.output<typeof MyApplicationOut>;
export const MyApplicationList = z.object({
  items: z.array(MyApplicationOut),
  nextCursor: z.string().nullable(),
});

export const DecisionOut = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  engagementId: z.string().optional(),
});
