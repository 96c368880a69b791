import { Id, PageQuery } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';
import { TeamList, TeamOut } from '#shared/teams/contract.ts';
import { InvitationInput, TeamInput } from '#shared/teams/rules.ts';

/** The teams context's lines: a professional directs a team, invites professionals by e-mail, they join or leave. */
export const createTeam = /* @__PURE__ */ line('POST /v1/teams', {
  handler: 'teams/create-team',
  access: ['professional'],
  tag: 'teams',
  summary: 'A professional creates a team and is its director (its first member).',
  needs: { table: 'write' },
  body: TeamInput,
  response: TeamOut,
});

export const getTeam = /* @__PURE__ */ line('GET /v1/teams/{id}', {
  handler: 'teams/get-team',
  access: ['professional'],
  tag: 'teams',
  summary:
    'A team with its members and open invitations, for its director, members and invited people (others: 404).',
  needs: { table: 'read' },
  params: Id,
  response: TeamOut,
});

export const myTeams = /* @__PURE__ */ line('GET /v1/me/teams', {
  handler: 'teams/my-teams',
  access: ['professional'],
  tag: 'teams',
  summary:
    'The teams the caller directs, has joined (newest first), then those they are invited to by their e-mail address, a page at a time.',
  needs: { table: 'read' },
  query: PageQuery,
  response: TeamList,
});

export const invite = /* @__PURE__ */ line('POST /v1/teams/{id}/invitations', {
  handler: 'teams/invite',
  access: ['professional'],
  tag: 'teams',
  summary:
    'The director invites a professional by e-mail for 14 days (already invited, team full, or not a professional → 409).',
  needs: { table: 'write', mail: true },
  params: Id,
  body: InvitationInput,
  response: TeamOut,
});

export const join = /* @__PURE__ */ line('POST /v1/teams/{id}/join', {
  handler: 'teams/join',
  access: ['professional'],
  tag: 'teams',
  summary: "The invited professional joins, by their profile's e-mail address; joining twice is harmless.",
  needs: { table: 'write' },
  params: Id,
  response: TeamOut,
});

export const leave = /* @__PURE__ */ line('POST /v1/teams/{id}/leave', {
  handler: 'teams/leave',
  access: ['professional'],
  tag: 'teams',
  summary:
    'A member leaves (their engagement shares go to the others from the next paid month); the director cannot.',
  needs: { table: 'write' },
  params: Id,
  response: TeamOut,
});
