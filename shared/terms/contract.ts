import * as z from 'zod';
import { text } from '../domain/fields.ts';
import { EndingNoticeOut } from '../engagements/contract.ts';
import { REMOTE_STYLES } from '../projects/rules.ts';

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
export const TermsFacts = z.object({
  engagementId: z.string(),
  /** 業務委託をした日: the firm accepted the application. */
  commissionedAt: z.string(),
  firm: z.object({ id: z.string(), name: z.string(), contactName: z.string().optional() }),
  professional: z.object({ id: z.string(), name: z.string() }),
  team: z
    .object({ name: z.string(), members: z.array(z.object({ name: z.string(), percent: z.number() })) })
    .optional(),
  work: z.object({
    title: z.string(),
    summary: z.string(),
    deliverables: z.string().optional(),
    workType: z.string(),
  }),
  fee: z.object({
    monthlyFeeJpy: z.number().int(),
    feeTax: z.enum(['inclusive', 'exclusive']),
    hoursPerMonth: z.number(),
    platformFeePercent: z.number(),
  }),
  period: z.object({ startMonth: z.string().optional(), durationMonths: z.number().int() }),
  place: z.object({ remote: z.enum(REMOTE_STYLES), municipalityCode: z.string() }),
  /** 6 months or more: the 30 days' notice and the reason on request apply (16条). */
  long: z.boolean(),
  ending: z
    .object({
      requestedAt: z.string(),
      endsAt: z.string(),
      noticeExtended: z.boolean(),
      reasonRequestedAt: z.string().optional(),
      reason: z.string().optional(),
      reasonGivenAt: z.string().optional(),
    })
    .optional(),
});
export type TermsFacts = z.output<typeof TermsFacts>;

const Lang = z.object({ heading: z.string(), body: z.array(z.string()) });
export const TermsSection = z.object({ key: z.string(), ja: Lang, en: Lang });

/** One issued version of an engagement's terms, as either party reads and prints it. */
export const TermsDocumentOut = z.object({
  engagementId: z.string(),
  version: z.number().int(),
  reason: z.enum(TERMS_REASONS),
  issuedAt: z.string(),
  title: z.object({ ja: z.string(), en: z.string() }),
  sections: z.array(TermsSection),
  facts: TermsFacts,
});
export type TermsDocumentOut = z.output<typeof TermsDocumentOut>;

export const TermsVersionOut = z.object({
  version: z.number().int(),
  reason: z.enum(TERMS_REASONS),
  issuedAt: z.string(),
});
export const TermsOut = z.object({ versions: z.array(TermsVersionOut), current: TermsDocumentOut });

export const TermsVersionParams = z.strictObject({
  id: z.uuid('Not a valid id.'),
  version: z.coerce.number('A version is a whole number.').int('A version is a whole number.').min(1),
});

/** `PUT /v1/engagements/{id}/ending-reason`. */
export const EndingReasonInput = z.strictObject({ reason: text(2000) });
export const EndingOut = z.object({ ending: EndingNoticeOut });
