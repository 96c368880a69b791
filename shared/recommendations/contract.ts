import { ProjectOut } from '../projects/contract.ts';
import * as z from '../zod-mini.ts';
import { BASES, REASON_KINDS } from './rules.ts';

/** Why a project is recommended, in both languages, so any client shows it as it is. */
export const ReasonOut = /* @__PURE__ */ z.pure(() =>
  z.object({ kind: z.enum(REASON_KINDS), ja: z.string(), en: z.string() }),
);
export type ReasonOut = z.output<typeof ReasonOut>;

export const RecommendationOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    project: ProjectOut,
    /** The points of fit (shared/recommendations/rules.ts); 0 on the `newest` basis. */
    score: z.number(),
    reasons: z.array(ReasonOut),
  }),
);
export type RecommendationOut = z.output<typeof RecommendationOut>;

/** `GET /v1/me/recommendations`: best first; `basis` says whether the profile ranked them or they are just the newest. */
export const RecommendationList = /* @__PURE__ */ z.pure(() =>
  z.object({
    basis: z.enum(BASES),
    items: z.array(RecommendationOut),
  }),
);
export type RecommendationList = z.output<typeof RecommendationList>;
