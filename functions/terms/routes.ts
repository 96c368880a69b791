import { Id } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';
import {
  EndingOut,
  EndingReasonInput,
  TermsDocumentOut,
  TermsOut,
  TermsVersionParams,
} from '#shared/terms/contract.ts';

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

export const askEndingReason = /* @__PURE__ */ line('POST /v1/engagements/{id}/ending-reason-request', {
  handler: 'terms/ask-ending-reason',
  access: ['professional'],
  tag: 'terms',
  summary:
    'The professional asks why the firm is ending a long engagement (freelance act 16条2項), once (again → 409 reason_requested; no notice → 409 no_notice). The firm is mailed; the request is recorded in the terms.',
  needs: { table: 'write', mail: true },
  params: Id,
  response: EndingOut,
});

export const giveEndingReason = /* @__PURE__ */ line('PUT /v1/engagements/{id}/ending-reason', {
  handler: 'terms/give-ending-reason',
  access: ['firm'],
  tag: 'terms',
  summary:
    'The firm gives the reason for ending the engagement, once (again → 409 reason_given); the professional is mailed and the terms record it.',
  needs: { table: 'write', mail: true },
  params: Id,
  body: EndingReasonInput,
  response: EndingOut,
});
