import { regionCode } from '../domain/fields.ts';
import * as z from '../zod-mini.ts';
import { MAX_PERIOD_MONTHS } from './limits.ts';

const REGION_KINDS = ['prefecture', 'municipality', 'group'] as const;
/** The tables of the page, each downloadable as CSV (`format=csv&table=<name>`). */
export const METRICS_TABLES = [
  'summary',
  'monthly',
  'byType',
  'funnel',
  'retention',
  'byHomePrefecture',
  'bySkill',
] as const;
export type MetricsTable = (typeof METRICS_TABLES)[number];

const month = /* @__PURE__ */ z.pure(() =>
  z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is YYYY-MM, e.g. 2026-04.')),
);
const monthNumber = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));

export const RegionParams = /* @__PURE__ */ z.pure(() => z.strictObject({ code: regionCode }));

/** `from` and `to` are months (Japan time), both included; without them, the 12 months ending this month. */
export const RelationshipPopulationQuery = /* @__PURE__ */ z.pure(() =>
  z
    .strictObject({
      from: z.optional(month),
      to: z.optional(month),
      format: z.optional(z.enum(['json', 'csv'])),
      table: z.optional(z.enum(METRICS_TABLES)),
    })
    .check(
      z.superRefine((q, ctx) => {
        if (q.from && q.to && q.from > q.to)
          ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` must not be after `to`.' });
        if (q.from && q.to && monthNumber(q.to) - monthNumber(q.from) + 1 > MAX_PERIOD_MONTHS)
          ctx.addIssue({
            code: 'custom',
            path: ['to'],
            message: `A period is at most ${MAX_PERIOD_MONTHS} months.`,
          });
        if (q.format === 'csv' && !q.table)
          ctx.addIssue({
            code: 'custom',
            path: ['table'],
            message: `Name the table: ${METRICS_TABLES.join(', ')}.`,
          });
      }),
    ),
);
export type RelationshipPopulationQuery = z.output<typeof RelationshipPopulationQuery>;

const count = /* @__PURE__ */ z.pure(() => z.number().check(z.int(), z.gte(0)));
const share = /* @__PURE__ */ z.pure(() => z.nullable(z.number().check(z.gte(0), z.lte(1))));
const cell = /* @__PURE__ */ z.pure(() => ({ people: z.nullable(count), suppressed: z.boolean() }));

export const RelationshipPopulationOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    region: z.object({ code: z.string(), kind: z.enum(REGION_KINDS), name: z.string(), nameEn: z.string() }),
    from: month,
    to: month,
    relationshipPeople: count,
    activeRelationshipPeople: count,
    homeUnknown: count,
    byType: z.object({ remoteWork: count, onSiteWork: count, exchange: count, nonVisiting: count }),
    monthly: z.array(z.object({ month, relationshipPeople: count, newPeople: count })),
    funnel: z.object({ tourAttendees: count, applied: count, engaged: count }),
    repeatVisitors: count,
    /** Of the engagements that started in the period, the share still paid k months after their start. */
    retention: z.object({ m3: share, m6: share, m12: share }),
    matches: count,
    postings: count,
    postingsWithApplications: count,
    applicationsPerPosting: z.number().check(z.gte(0)),
    feesPaidJpy: count,
    byHomePrefecture: z.array(
      z.object({
        prefectureCode: z.string(),
        prefectureName: z.string(),
        prefectureNameEn: z.string(),
        ...cell,
      }),
    ),
    bySkill: z.array(z.object({ skill: z.string(), ...cell })),
  }),
);
export type RelationshipPopulationOut = z.output<typeof RelationshipPopulationOut>;
