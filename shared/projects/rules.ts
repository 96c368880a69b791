import { municipalityCode, skills, text } from '../domain/fields.ts';
import { yen } from '../domain/money.ts';
import type { Role } from '../domain/roles.ts';
import * as z from '../zod-mini.ts';

export const REMOTE_STYLES = ['full', 'hybrid', 'onsite'] as const;
/**
 * Whether the monthly fee includes consumption tax (税込) or the firm pays 10 % on top (税別): an explicit
 * setting of the project, shown wherever the fee is, and followed by the charge, the ledger and the statements.
 */
export const FEE_TAX = ['inclusive', 'exclusive'] as const;
export type FeeTax = (typeof FEE_TAX)[number];
export const PROJECT_STATUSES = ['draft', 'open', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Fees are whole yen a month: below ¥5,000 is no retainer, above ¥1,000,000 is no side job. */
export const FEE_MIN_JPY = 5_000;
export const FEE_MAX_JPY = 1_000_000;
/**
 * What kind of work the fee pays for, chosen by the firm: it decides whether the payment is one the payer must
 * treat for 源泉徴収 (所得税法 204 条: design, manuscripts, translation, photography, lectures…). The operator
 * lists which kinds are withheld on (`withholdingWorkTypes`); `other` covers work the act does not list
 * (system development, EC operation, marketing support…).
 */
export const WORK_TYPES = [
  'design',
  'writing',
  'translation',
  'photography',
  'lecture',
  'consulting',
  'development',
  'marketing',
  'other',
] as const;
export type WorkType = (typeof WORK_TYPES)[number];

/** Short-time work (the Ise model): under 10 hours a week, i.e. at most 43 hours a month. */
export const SHORT_TIME_MAX_HOURS = 43;

const projectFields = /* @__PURE__ */ z.pure(() => ({
  title: text(100),
  summary: text(2000),
  challenge: z.optional(text(2000)),
  deliverables: z.optional(text(2000)),
  skills: z.pipe(
    skills,
    z.array(z.string()).check(z.minLength(1, 'Name at least one skill.'), z.maxLength(10)),
  ),
  municipalityCode,
  monthlyFeeJpy: z
    .int('The fee is a whole number of yen.')
    .check(
      z.gte(FEE_MIN_JPY, `The fee is at least ${yen(FEE_MIN_JPY)} a month.`),
      z.lte(FEE_MAX_JPY, `The fee is at most ${yen(FEE_MAX_JPY)} a month.`),
    ),
  hoursPerMonth: z.int().check(z.gte(1), z.lte(160)),
  remote: z.enum(REMOTE_STYLES),
  durationMonths: z.int().check(z.gte(1), z.lte(36)),
  startMonth: z.optional(
    z.string().check(z.regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM.')),
  ),
  shortTime: z.optional(z.boolean()),
  workType: z.enum(WORK_TYPES, 'Choose the kind of work.'),
  /** Tax-inclusive unless the firm says otherwise (what every project before this setting was). */
  feeTax: z._default(z.enum(FEE_TAX, 'Say whether the fee includes consumption tax.'), 'inclusive'),
  /** The firm welcomes a team (a director and members sharing the work) as well as one professional. */
  welcomesTeams: z.optional(z.boolean()),
}));

const shortTimeFits = (p: { shortTime?: boolean | undefined; hoursPerMonth?: number | undefined }) =>
  !p.shortTime || p.hoursPerMonth === undefined || p.hoursPerMonth <= SHORT_TIME_MAX_HOURS;
const shortTimeIssue = {
  message: `Short-time work is under 10 hours a week: at most ${SHORT_TIME_MAX_HOURS} hours a month.`,
  path: ['hoursPerMonth'],
};

/** `POST /v1/projects`. The owner is the caller, never a field of the body. */
export const ProjectInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject(projectFields).check(z.refine(shortTimeFits, shortTimeIssue)),
);
export type ProjectInput = z.output<typeof ProjectInput>;

/** Optional fields a patch may clear with `null`. */
export const CLEARABLE_FIELDS = ['challenge', 'deliverables', 'startMonth'] as const;

/** `PATCH /v1/projects/{id}`: any of the fields, at least one; an optional one `null` to clear it. */
export const ProjectPatch = /* @__PURE__ */ z.pure(() =>
  z
    .partial(
      z.strictObject({
        ...projectFields,
        challenge: z.nullable(projectFields.challenge.def.innerType),
        deliverables: z.nullable(projectFields.deliverables.def.innerType),
        startMonth: z.nullable(projectFields.startMonth.def.innerType),
        // No default in a patch: leaving it out keeps what the project says.
        feeTax: z.enum(FEE_TAX, 'Say whether the fee includes consumption tax.'),
      }),
    )
    .check(z.refine((p) => Object.keys(p).length > 0, 'Change at least one field.')),
);
export type ProjectPatch = z.output<typeof ProjectPatch>;

/**
 * A stored project; one saved before work types were chosen has none (it reads as `other`), one saved before the
 * tax setting has no `feeTax` (it reads as `inclusive`).
 */
export type Project = Omit<ProjectInput, 'workType' | 'feeTax'> & {
  workType?: WorkType;
  feeTax?: FeeTax;
  id: string;
  firmId: string;
  organizationName: string;
  prefectureCode: string;
  status: ProjectStatus;
  shortTime: boolean;
  welcomesTeams?: boolean;
  applicantCount: number;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  closedAt?: string;
  /** Hidden by an operator (or with its firm's suspension): kept as it is, but listed nowhere and shown only to its firm. */
  hidden?: true;
  hiddenAt?: string;
  hiddenBy?: string;
  hiddenReason?: string;
  /** When a firm last changed the fee, its tax, the hours or the remote style of the open project (12条). */
  termsChangedAt?: string;
};

/** The project after a patch, checked as a whole (a patch may make short-time and hours disagree). */
export function applyPatch(
  project: Project,
  patch: ProjectPatch,
): { ok: true; project: Project } | { ok: false; message: string; field?: 'municipalityCode' } {
  if (project.status === 'closed') return { ok: false, message: 'A closed project cannot be edited.' };
  // Its applicants, and the region's figures (BRIEF 2.5), belong to the place it was published in.
  if (
    project.status === 'open' &&
    patch.municipalityCode &&
    patch.municipalityCode !== project.municipalityCode
  )
    return { ok: false, message: PLACE_FIXED, field: 'municipalityCode' };
  const next: Project = { ...project, shortTime: patch.shortTime ?? project.shortTime };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key as (typeof CLEARABLE_FIELDS)[number]];
    else if (value !== undefined) Object.assign(next, { [key]: value });
  }
  if (!shortTimeFits(next)) return { ok: false, message: shortTimeIssue.message };
  return { ok: true, project: { ...next, prefectureCode: next.municipalityCode.slice(0, 2) } };
}

/**
 * The conditions a professional applies on (募集情報の的確表示, フリーランス法 12条): when one of them changes on an
 * open project, its applicants are told, and the project records when (`termsChangedAt`).
 */
export const APPLICANT_TERMS = ['monthlyFeeJpy', 'feeTax', 'hoursPerMonth', 'remote'] as const;
export type ApplicantTerm = (typeof APPLICANT_TERMS)[number];
type TermValues = {
  monthlyFeeJpy: number;
  feeTax: FeeTax;
  hoursPerMonth: number;
  remote: (typeof REMOTE_STYLES)[number];
};
/** One condition that changed, from what it was to what it is. */
export type TermsChange = {
  [K in ApplicantTerm]: { term: K; from: TermValues[K]; to: TermValues[K] };
}[ApplicantTerm];

type WithTerms = Pick<Project, 'monthlyFeeJpy' | 'hoursPerMonth' | 'remote' | 'feeTax'>;
const termsOf = (p: WithTerms): TermValues => ({
  monthlyFeeJpy: p.monthlyFeeJpy,
  // A project saved before the tax setting reads as tax-inclusive: saying so explicitly changes nothing.
  feeTax: p.feeTax ?? 'inclusive',
  hoursPerMonth: p.hoursPerMonth,
  remote: p.remote,
});

/** Which of the applicants' conditions differ between `before` and `after` (old → new), in a fixed order. */
export function changedTerms(before: WithTerms, after: WithTerms): TermsChange[] {
  const [from, to] = [termsOf(before), termsOf(after)];
  return APPLICANT_TERMS.flatMap((term) =>
    from[term] === to[term] ? [] : [{ term, from: from[term], to: to[term] } as TermsChange],
  );
}

export const PLACE_FIXED =
  'A published project stays in its municipality: close it and post a new one to offer the work elsewhere.';

export type ProjectTransition = 'publish' | 'close';

/** draft → open → closed; a draft may also be closed. Publishing an open project again changes nothing. */
export function nextStatus(
  current: ProjectStatus,
  action: ProjectTransition,
): ProjectStatus | 'unchanged' | undefined {
  if (action === 'publish')
    return current === 'draft' ? 'open' : current === 'open' ? 'unchanged' : undefined;
  return current === 'closed' ? 'unchanged' : 'closed';
}

/**
 * Who may see a project: everyone once published (open or closed), only its firm while a draft; a hidden one
 * only its firm and the operators.
 */
export function canSee(
  project: Pick<Project, 'status' | 'firmId' | 'hidden'>,
  userId: string | undefined,
  role?: Role,
): boolean {
  if (project.hidden && project.firmId !== userId && role !== 'operator') return false;
  return project.status !== 'draft' || project.firmId === userId;
}

const int = /* @__PURE__ */ z.pure(() => z.coerce.number().check(z.int()));
/** The query string of `GET /v1/projects`. */
export const BrowseQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    prefecture: z.optional(z.string().check(z.regex(/^\d{2}$/, 'A prefecture code has 2 digits, e.g. 31.'))),
    municipality: z.optional(
      z.string().check(z.regex(/^\d{5}$/, 'A municipality code has 5 digits, e.g. 31370.')),
    ),
    skill: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(30))),
    minFee: z.optional(int.check(z.gte(0), z.lte(10_000_000))),
    maxHours: z.optional(int.check(z.gte(1), z.lte(1000))),
    remote: z.optional(z.enum(REMOTE_STYLES)),
    shortTime: z.optional(z.enum(['true', 'false'])),
    /** Only projects that welcome teams. */
    teams: z.optional(z.enum(['true', 'false'])),
    q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
    limit: z._default(int.check(z.gte(1), z.lte(50)), 20),
    cursor: z.optional(z.string().check(z.maxLength(1000))),
  }),
);
export type BrowseQuery = z.output<typeof BrowseQuery>;
