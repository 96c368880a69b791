import * as z from 'zod';
import { FEE_TAX, PROJECT_STATUSES, REMOTE_STYLES, WORK_TYPES } from './rules.ts';

/** A project as the API shows it (./view.ts): its fields, and its place's names in both languages. */
export const ProjectOut = z.object({
  id: z.string(),
  status: z.enum(PROJECT_STATUSES),
  title: z.string(),
  summary: z.string(),
  challenge: z.string().optional(),
  deliverables: z.string().optional(),
  skills: z.array(z.string()),
  firmId: z.string(),
  organizationName: z.string(),
  municipalityCode: z.string(),
  prefectureCode: z.string(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  prefectureName: z.string(),
  prefectureNameEn: z.string(),
  monthlyFeeJpy: z.number().int(),
  /** Whether the fee includes consumption tax (税込) or has 10 % on top (税別). */
  feeTax: z.enum(FEE_TAX),
  hoursPerMonth: z.number().int(),
  remote: z.enum(REMOTE_STYLES),
  durationMonths: z.number().int(),
  startMonth: z.string().optional(),
  shortTime: z.boolean(),
  welcomesTeams: z.boolean(),
  /** What the fee pays for: decides 源泉徴収 (an older project without one is `other`). */
  workType: z.enum(WORK_TYPES),
  applicantCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().optional(),
  closedAt: z.string().optional(),
  /** Shown to its firm and the operators only (to anyone else a hidden project does not exist). */
  hidden: z.boolean().optional(),
  hiddenAt: z.string().optional(),
  hiddenReason: z.string().optional(),
  /** When the firm last changed the fee, its tax, the hours or the remote style of the open project (12条). */
  termsChangedAt: z.string().optional(),
});
export type ProjectOut = z.output<typeof ProjectOut>;

export const ProjectPage = z.object({ items: z.array(ProjectOut), nextCursor: z.string().nullable() });
export const ProjectList = z.object({ items: z.array(ProjectOut) });
