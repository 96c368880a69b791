import * as z from '../zod-mini.ts';

export const APPLICATION_STATUSES = [
  'submitted',
  'shortlisted',
  'declined',
  'accepted',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Applications still in play: the firm has not decided and the applicant has not withdrawn. */
export const LIVE_STATUSES = ['submitted', 'shortlisted'] as const satisfies readonly ApplicationStatus[];
export const DECISIONS = ['shortlist', 'decline', 'accept'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ApplicationInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    proposal: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
    /** Apply for a team the caller directs. */
    teamId: z.optional(z.uuid('Not a valid team id.')),
  }),
);
export const DecisionInput = /* @__PURE__ */ z.pure(() => z.strictObject({ decision: z.enum(DECISIONS) }));

const target: Record<Decision, ApplicationStatus> = {
  shortlist: 'shortlisted',
  decline: 'declined',
  accept: 'accepted',
};

/** Where each status may go. Declined, accepted and withdrawn are final. */
const allowed: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['shortlisted', 'declined', 'accepted', 'withdrawn'],
  shortlisted: ['declined', 'accepted', 'withdrawn'],
  declined: [],
  accepted: [],
  withdrawn: [],
};

export type Step = { ok: true; to: ApplicationStatus; changed: boolean } | { ok: false; reason: string };

/** The firm's decision on an application in `from`. Repeating the decision that was made changes nothing. */
export function decide(from: ApplicationStatus, decision: Decision): Step {
  const to = target[decision];
  if (from === to) return { ok: true, to, changed: false };
  if (allowed[from].includes(to)) return { ok: true, to, changed: true };
  return { ok: false, reason: `An application that is ${from} cannot be ${to}.` };
}

/** The applicant withdraws, while the firm has not decided. */
export function withdraw(from: ApplicationStatus): Step {
  if (from === 'withdrawn') return { ok: true, to: 'withdrawn', changed: false };
  if (allowed[from].includes('withdrawn')) return { ok: true, to: 'withdrawn', changed: true };
  return { ok: false, reason: `An application that is ${from} can no longer be withdrawn.` };
}
