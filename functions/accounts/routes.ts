import { ProfileOut } from '#shared/accounts/contract.ts';
import { ProfileInput } from '#shared/accounts/rules.ts';
import { line } from '#shared/http/route.ts';

/** The accounts context's lines: the caller's own profile. */
export const getMe = /* @__PURE__ */ line('GET /v1/me', {
  handler: 'accounts/get-me',
  access: 'signedIn',
  tag: 'accounts',
  summary: "The caller's profile; 404 before onboarding (an invited address gets its staff profile here).",
  // An invited address's first sign-in creates its staff profile.
  needs: { table: 'write' },
  response: ProfileOut,
});

export const putMe = /* @__PURE__ */ line('PUT /v1/me', {
  handler: 'accounts/put-me',
  access: 'signedIn',
  tag: 'accounts',
  summary: "Creates or replaces the caller's profile. The first PUT chooses the role, which never changes.",
  needs: { table: 'write', mail: true },
  body: ProfileInput,
  response: ProfileOut,
});
