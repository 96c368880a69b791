import { Id, PageQuery } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';
import { ProjectOut, ProjectPage } from '#shared/projects/contract.ts';
import { BrowseQuery, ProjectInput, ProjectPatch } from '#shared/projects/rules.ts';

/** The projects context's lines: firms post and manage projects, anyone browses them. */
export const createProject = /* @__PURE__ */ line('POST /v1/projects', {
  handler: 'projects/create-project',
  access: ['firm'],
  tag: 'projects',
  summary: 'A firm drafts a project; the firm is the owner. Answers 201 with the draft.',
  needs: { table: 'write' },
  body: ProjectInput,
  response: ProjectOut,
});

export const browseProjects = /* @__PURE__ */ line('GET /v1/projects', {
  handler: 'projects/browse-projects',
  access: 'public',
  tag: 'projects',
  summary: 'Open projects, newest first, filtered, a page at a time (cursor).',
  needs: { table: 'read' },
  query: BrowseQuery,
  response: ProjectPage,
});

export const getProject = /* @__PURE__ */ line('GET /v1/projects/{id}', {
  handler: 'projects/get-project',
  access: 'optional',
  tag: 'projects',
  summary: 'One project: open and closed ones to anyone, a draft to its firm only (404 to others).',
  needs: { table: 'read' },
  params: Id,
  response: ProjectOut,
});

export const editProject = /* @__PURE__ */ line('PATCH /v1/projects/{id}', {
  handler: 'projects/edit-project',
  access: ['firm'],
  tag: 'projects',
  summary:
    'The owner edits a draft or open project (any fields, at least one); a change of the fee, its tax, the hours or the remote style of an open project is mailed to its applicants.',
  needs: { table: 'write', mail: true },
  params: Id,
  body: ProjectPatch,
  response: ProjectOut,
});

export const publishProject = /* @__PURE__ */ line('POST /v1/projects/{id}/publish', {
  handler: 'projects/publish-project',
  access: ['firm'],
  tag: 'projects',
  summary: 'The owner publishes a draft: it becomes open and findable.',
  needs: { table: 'write' },
  params: Id,
  response: ProjectOut,
});

export const closeProject = /* @__PURE__ */ line('POST /v1/projects/{id}/close', {
  handler: 'projects/close-project',
  access: ['firm'],
  tag: 'projects',
  summary: 'The owner closes a project: no more applications, no longer listed.',
  needs: { table: 'write' },
  params: Id,
  response: ProjectOut,
});

export const myProjects = /* @__PURE__ */ line('GET /v1/me/projects', {
  handler: 'projects/my-projects',
  access: ['firm'],
  tag: 'projects',
  summary: "The calling firm's projects, newest first, with their applicant counts.",
  needs: { table: 'read' },
  query: PageQuery,
  response: ProjectPage,
});
