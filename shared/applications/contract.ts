import { WORK_STYLES } from '../accounts/rules.ts';
import { PROJECT_STATUSES } from '../projects/rules.ts';
import * as z from '../zod-mini.ts';
import { APPLICATION_STATUSES } from './rules.ts';

/** An application as its applicant and its firm see it. */
export const ApplicationOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    projectId: z.string(),
    firmId: z.string(),
    professionalId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    proposal: z.string(),
    engagementId: z.optional(z.string()),
    /** Applied as a team by its director (the professionalId): the team engagement goes to its members. */
    teamId: z.optional(z.string()),
    teamName: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    decidedAt: z.optional(z.string()),
  }),
);
export type ApplicationOut = z.output<typeof ApplicationOut>;

/** What a firm sees of an applicant: the public part of a professional's profile. */
export const ApplicantOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    userId: z.string(),
    displayName: z.string(),
    headline: z.optional(z.string()),
    skills: z.array(z.string()),
    yearsOfExperience: z.optional(z.number().check(z.int())),
    homePrefectureCode: z.optional(z.string()),
    hoursPerMonth: z.optional(z.number().check(z.int())),
    workStyle: z.optional(z.enum(WORK_STYLES)),
  }),
);
export type ApplicantOut = z.output<typeof ApplicantOut>;

export const ProjectApplicationOut = /* @__PURE__ */ z.pure(() =>
  z.extend(ApplicationOut, {
    applicant: ApplicantOut,
    /** A team's application: the team and its members' public profiles (the director first). */
    team: z.optional(z.object({ id: z.string(), name: z.string(), members: z.array(ApplicantOut) })),
  }),
);
export type ProjectApplicationOut = z.output<typeof ProjectApplicationOut>;
export const ProjectApplicationList = /* @__PURE__ */ z.pure(() =>
  z.object({
    items: z.array(ProjectApplicationOut),
    nextCursor: z.nullable(z.string()),
  }),
);

export const MyApplicationOut = /* @__PURE__ */ z.pure(() =>
  z.extend(ApplicationOut, {
    project: z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(PROJECT_STATUSES),
      organizationName: z.string(),
      municipalityCode: z.string(),
      /** When the firm last changed the fee, its tax, the hours or the remote style (12条). */
      termsChangedAt: z.optional(z.string()),
    }),
  }),
);
export type MyApplicationOut = z.output<typeof MyApplicationOut>;
export const MyApplicationList = /* @__PURE__ */ z.pure(() =>
  z.object({
    items: z.array(MyApplicationOut),
    nextCursor: z.nullable(z.string()),
  }),
);

export const DecisionOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    engagementId: z.optional(z.string()),
  }),
);
