import { text } from '../domain/fields.ts';
import { isLongEngagement } from '../terms/rules.ts';
import * as z from '../zod-mini.ts';

/**
 * Consideration for pregnancy, childbirth, childcare and family care (freelance act 13条), pure.
 *
 * 13条1項: for a continuing commission (6 months or more, renewals counted) the firm must, on the freelancer's
 * request, give the consideration needed for them to do the work alongside pregnancy, childbirth, childcare or
 * the care of family. 13条2項: for a shorter one it should endeavour to (an effort duty). So a request can be
 * recorded on any engagement; `dutyApplies` says whether the firm's duty or its effort duty applies.
 */

/** What the request is about (妊娠・出産・育児・介護, or something else of the kind). */
export const CONSIDERATION_KINDS = ['pregnancy', 'childbirth', 'childcare', 'care', 'other'] as const;
export type ConsiderationKind = (typeof CONSIDERATION_KINDS)[number];

/** How the firm answered: accommodated as asked, in part, or not possible (with the reason why). */
export const CONSIDERATION_OUTCOMES = ['accommodated', 'partly', 'not_possible'] as const;
export type ConsiderationOutcome = (typeof CONSIDERATION_OUTCOMES)[number];

export const REQUEST_MAX_CHARS = 2000;
/**
 * The JFTC's guidelines (指針) ask a firm that cannot accommodate a request to explain why: an answer of
 * `not_possible` must say so in at least this many characters (a sentence, not "無理です").
 */
export const NOT_POSSIBLE_MIN_CHARS = 20;

/** Whether 13条1項's duty applies: an engagement of 6 months or more, agreed or run, at the time of the request. */
export const considerationDutyApplies = (
  e: { durationMonths: number; createdAt: string },
  at: string,
): boolean => isLongEngagement({ durationMonths: e.durationMonths, startedAt: e.createdAt }, at);

/** Who sees a request: the engagement's firm sees every one, a professional only their own. */
export const seesRequest = (
  engagement: { firmId: string },
  request: { requesterId: string },
  userId: string,
): boolean => engagement.firmId === userId || request.requesterId === userId;

/** `POST /v1/engagements/{id}/consideration-requests`. */
export const ConsiderationRequestInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    kind: z.enum(CONSIDERATION_KINDS, 'Choose pregnancy, childbirth, childcare, care or other.'),
    request: text(REQUEST_MAX_CHARS),
  }),
);
export type ConsiderationRequestInput = z.output<typeof ConsiderationRequestInput>;

/** `PUT /v1/engagements/{id}/consideration-requests/{requestId}/answer`: once; `not_possible` explains why. */
export const ConsiderationAnswerInput = /* @__PURE__ */ z.pure(() =>
  z
    .strictObject({
      answer: text(REQUEST_MAX_CHARS),
      outcome: z.enum(CONSIDERATION_OUTCOMES, 'Choose accommodated, partly or not_possible.'),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.outcome === 'not_possible' && v.answer.length < NOT_POSSIBLE_MIN_CHARS)
          ctx.addIssue({
            code: 'custom',
            path: ['answer'],
            message: `When it is not possible, explain why (at least ${NOT_POSSIBLE_MIN_CHARS} characters).`,
          });
      }),
    ),
);
export type ConsiderationAnswerInput = z.output<typeof ConsiderationAnswerInput>;

/** A request's id in a path, with its engagement's. */
export const ConsiderationParams = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    id: z.uuid('Not a valid id.'),
    requestId: z.uuid('Not a valid id.'),
  }),
);
