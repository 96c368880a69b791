import { text } from '../domain/fields.ts';
import { EndingNoticeOut } from '../engagements/contract.ts';
import { REMOTE_STYLES } from '../projects/rules.ts';
import * as z from '../zod-mini.ts';

/** Why a version of an engagement's terms was issued. */
export const TERMS_REASONS = [
  'accepted',
  'shares_changed',
  'ending_notice',
  'ending_withdrawn',
  'ending_reason_requested',
  'ending_reason',
] as const;
export type TermsReason = (typeof TERMS_REASONS)[number];

/**
 * What the terms state, as facts fixed when a version is issued (3条 and 施行規則1条): kept as they were, so a
 * later change of the project, a profile or the settings never alters an issued version.
 */
export const TermsFacts = /* @__PURE__ */ z.pure(() =>
  z.object({
    engagementId: z.string(),
    /** 業務委託をした日: the firm accepted the application. */
    commissionedAt: z.string(),
    firm: z.object({ id: z.string(), name: z.string(), contactName: z.optional(z.string()) }),
    professional: z.object({ id: z.string(), name: z.string() }),
    team: z.optional(
      z.object({ name: z.string(), members: z.array(z.object({ name: z.string(), percent: z.number() })) }),
    ),
    work: z.object({
      title: z.string(),
      summary: z.string(),
      deliverables: z.optional(z.string()),
      workType: z.string(),
    }),
    fee: z.object({
      monthlyFeeJpy: z.number().check(z.int()),
      feeTax: z.enum(['inclusive', 'exclusive']),
      hoursPerMonth: z.number(),
      platformFeePercent: z.number(),
    }),
    period: z.object({ startMonth: z.optional(z.string()), durationMonths: z.number().check(z.int()) }),
    place: z.object({ remote: z.enum(REMOTE_STYLES), municipalityCode: z.string() }),
    /** 6 months or more: the 30 days' notice and the reason on request apply (16条). */
    long: z.boolean(),
    ending: z.optional(EndingNoticeOut),
  }),
);
export type TermsFacts = z.output<typeof TermsFacts>;

const Lang = /* @__PURE__ */ z.pure(() => z.object({ heading: z.string(), body: z.array(z.string()) }));
export const TermsSection = /* @__PURE__ */ z.pure(() => z.object({ key: z.string(), ja: Lang, en: Lang }));

/** One issued version of an engagement's terms, as either party reads and prints it. */
export const TermsDocumentOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    engagementId: z.string(),
    version: z.number().check(z.int()),
    reason: z.enum(TERMS_REASONS),
    issuedAt: z.string(),
    title: z.object({ ja: z.string(), en: z.string() }),
    sections: z.array(TermsSection),
    facts: TermsFacts,
  }),
);
export type TermsDocumentOut = z.output<typeof TermsDocumentOut>;

export const TermsVersionOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    version: z.number().check(z.int()),
    reason: z.enum(TERMS_REASONS),
    issuedAt: z.string(),
  }),
);
export const TermsOut = /* @__PURE__ */ z.pure(() =>
  z.object({ versions: z.array(TermsVersionOut), current: TermsDocumentOut }),
);

export const TermsVersionParams = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    id: z.uuid('Not a valid id.'),
    version: z.coerce
      .number('A version is a whole number.')
      .check(z.int('A version is a whole number.'), z.gte(1)),
  }),
);

/** `PUT /v1/engagements/{id}/ending-reason`. */
export const EndingReasonInput = /* @__PURE__ */ z.pure(() => z.strictObject({ reason: text(2000) }));
export const EndingOut = /* @__PURE__ */ z.pure(() => z.object({ ending: EndingNoticeOut }));
