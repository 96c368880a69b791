import * as z from '../zod-mini.ts';
import { CONSIDERATION_KINDS, CONSIDERATION_OUTCOMES } from './rules.ts';

/** The firm's answer to a request for consideration: given once, kept. */
export const ConsiderationAnswerOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    text: z.string(),
    outcome: z.enum(CONSIDERATION_OUTCOMES),
    answeredAt: z.string(),
  }),
);

/** A request for consideration (freelance act 13条) as the engagement's parties see it. */
export const ConsiderationRequestOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    engagementId: z.string(),
    /** Who asked: the professional, or a team's director or member, for themselves. */
    requester: z.object({ id: z.string(), displayName: z.string() }),
    kind: z.enum(CONSIDERATION_KINDS),
    request: z.string(),
    /** 6 months or more when it was asked: the firm must give consideration (13条1項); else it should try (2項). */
    dutyApplies: z.boolean(),
    createdAt: z.string(),
    answer: z.optional(ConsiderationAnswerOut),
  }),
);
export type ConsiderationRequestOut = z.output<typeof ConsiderationRequestOut>;

/** The caller's view of an engagement's requests, oldest first (the firm: all; a professional: their own). */
export const ConsiderationList = /* @__PURE__ */ z.pure(() =>
  z.object({ items: z.array(ConsiderationRequestOut) }),
);
