import { placeFields } from '../regions/contract.ts';
import * as z from '../zod-mini.ts';
import { FEE_TAX, PROJECT_STATUSES, REMOTE_STYLES, WORK_TYPES } from './rules.ts';

/** A project as the API shows it (./view.ts): its fields, and its place's names in both languages. */
export const ProjectOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    status: z.enum(PROJECT_STATUSES),
    title: z.string(),
    summary: z.string(),
    challenge: z.optional(z.string()),
    deliverables: z.optional(z.string()),
    skills: z.array(z.string()),
    firmId: z.string(),
    organizationName: z.string(),
    ...placeFields,
    monthlyFeeJpy: z.number().check(z.int()),
    /** Whether the fee includes consumption tax (税込) or has 10 % on top (税別). */
    feeTax: z.enum(FEE_TAX),
    hoursPerMonth: z.number().check(z.int()),
    remote: z.enum(REMOTE_STYLES),
    durationMonths: z.number().check(z.int()),
    startMonth: z.optional(z.string()),
    shortTime: z.boolean(),
    welcomesTeams: z.boolean(),
    /** What the fee pays for: decides 源泉徴収 (an older project without one is `other`). */
    workType: z.enum(WORK_TYPES),
    applicantCount: z.number().check(z.int()),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.optional(z.string()),
    closedAt: z.optional(z.string()),
    /** Shown to its firm and the operators only (to anyone else a hidden project does not exist). */
    hidden: z.optional(z.boolean()),
    hiddenAt: z.optional(z.string()),
    hiddenReason: z.optional(z.string()),
    /** When the firm last changed the fee, its tax, the hours or the remote style of the open project (12条). */
    termsChangedAt: z.optional(z.string()),
  }),
);
export type ProjectOut = z.output<typeof ProjectOut>;

export const ProjectPage = /* @__PURE__ */ z.pure(() =>
  z.object({ items: z.array(ProjectOut), nextCursor: z.nullable(z.string()) }),
);
export const ProjectList = /* @__PURE__ */ z.pure(() => z.object({ items: z.array(ProjectOut) }));
