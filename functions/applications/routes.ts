import {
  ApplicationOut,
  DecisionOut,
  MyApplicationList,
  ProjectApplicationList,
} from '#shared/applications/contract.ts';
import { ApplicationInput, DecisionInput } from '#shared/applications/rules.ts';
import { Id, PageQuery } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';

/** The applications context's lines: professionals apply, firms decide. */
export const apply = /* @__PURE__ */ line('POST /v1/projects/{id}/applications', {
  handler: 'applications/apply',
  access: ['professional'],
  tag: 'applications',
  summary: 'A professional applies with a proposal; once per project (again → 409).',
  needs: { table: 'write', mail: true },
  params: Id,
  body: ApplicationInput,
  response: ApplicationOut,
});

export const projectApplications = /* @__PURE__ */ line('GET /v1/projects/{id}/applications', {
  handler: 'applications/project-applications',
  access: ['firm'],
  tag: 'applications',
  summary:
    "The owner firm's view of a project's applicants, oldest first, a page at a time: profile and proposal.",
  needs: { table: 'read' },
  params: Id,
  query: PageQuery,
  response: ProjectApplicationList,
});

export const myApplications = /* @__PURE__ */ line('GET /v1/me/applications', {
  handler: 'applications/my-applications',
  access: ['professional'],
  tag: 'applications',
  summary: "The calling professional's applications with each project's title and status.",
  needs: { table: 'read' },
  query: PageQuery,
  response: MyApplicationList,
});

export const decide = /* @__PURE__ */ line('POST /v1/applications/{id}/decision', {
  handler: 'applications/decide',
  access: ['firm'],
  tag: 'applications',
  summary: 'The owner firm shortlists, declines or accepts; accept creates the engagement ({engagementId}).',
  needs: { table: 'write', mail: true },
  params: Id,
  body: DecisionInput,
  response: DecisionOut,
});

export const withdraw = /* @__PURE__ */ line('POST /v1/applications/{id}/withdraw', {
  handler: 'applications/withdraw',
  access: ['professional'],
  tag: 'applications',
  summary: 'The applicant withdraws while the firm has not decided.',
  needs: { table: 'write' },
  params: Id,
  response: ApplicationOut,
});
