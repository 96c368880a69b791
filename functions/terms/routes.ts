import { Id } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';
import { TermsDocumentOut, TermsOut, TermsVersionParams } from '#shared/terms/contract.ts';

/**
 * The terms context's lines: what the freelance act asks of each retainer (3条 written terms, 16条 notice and
 * reasons, 13条 consideration), read and answered by the engagement's parties.
 */
export const engagementTerms = /* @__PURE__ */ line('GET /v1/engagements/{id}/terms', {
  handler: 'terms/engagement-terms',
  access: ['firm', 'professional'],
  tag: 'terms',
  summary:
    'The terms of an engagement (取引条件明示, freelance act 3条) as issued at acceptance and at each change: every version, and the current one in full (Japanese, with English). Its parties only.',
  needs: { table: 'read' },
  params: Id,
  response: TermsOut,
});

export const engagementTermsVersion = /* @__PURE__ */ line('GET /v1/engagements/{id}/terms/{version}', {
  handler: 'terms/engagement-terms-version',
  access: ['firm', 'professional'],
  tag: 'terms',
  summary: 'One issued version of the terms, unchanged since it was issued. Its parties only.',
  needs: { table: 'read' },
  params: TermsVersionParams,
  response: TermsDocumentOut,
});
