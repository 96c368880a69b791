import { line } from '#shared/http/route.ts';
import { RecommendationList } from '#shared/recommendations/contract.ts';
import { RecommendationsQuery } from '#shared/recommendations/rules.ts';

/** The recommendations context's lines: open projects ranked for the calling professional. */
export const myRecommendations = /* @__PURE__ */ line('GET /v1/me/recommendations', {
  handler: 'recommendations/my-recommendations',
  access: ['professional'],
  tag: 'recommendations',
  summary:
    "Open projects ranked by fit with the caller's skills, hours, work style and regional ties, each with its reasons (ja, en); the newest ones when the profile names no skill and no region (basis: newest).",
  needs: { table: 'read' },
  query: RecommendationsQuery,
  response: RecommendationList,
});
