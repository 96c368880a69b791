import {
  AccountOut,
  AuditPage,
  FeeIncomeOut,
  HiddenProjectsPage,
  InvitationInput,
  InvitationOut,
  RegionStaffOut,
  RevokedOut,
  SettingsOut,
  SuspensionOut,
} from '#shared/admin/contract.ts';
import {
  AccountQuery,
  FeesQuery,
  InvitationEmail,
  PageQuery,
  PlatformSettingsInput,
  ReasonInput,
} from '#shared/admin/rules.ts';
import { Id, PageQuery as ListPageQuery } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';
import { ProjectOut } from '#shared/projects/contract.ts';

/**
 * The operators' lines: region staff and their invitations, the platform's settings, hiding postings,
 * suspending accounts, the audit trail of all of it and the platform's fee income.
 */
export const inviteRegionStaff = /* @__PURE__ */ line('POST /v1/admin/region-staff', {
  handler: 'admin/invite-region-staff',
  access: ['operator'],
  tag: 'admin',
  summary: 'Invites an e-mail address to become staff of a prefecture, municipality or wide-area group.',
  needs: { table: 'write', mail: true },
  body: InvitationInput,
  response: InvitationOut,
});

export const getSettings = /* @__PURE__ */ line('GET /v1/admin/settings', {
  handler: 'admin/get-settings',
  access: ['operator'],
  tag: 'admin',
  summary: "The platform's settings.",
  needs: { table: 'read' },
  response: SettingsOut,
});

export const putSettings = /* @__PURE__ */ line('PUT /v1/admin/settings', {
  handler: 'admin/put-settings',
  access: ['operator'],
  tag: 'admin',
  summary:
    'The operator sets the platform fee (0–50 %, for new engagements), the qualified-invoice number and the work types subject to withholding.',
  needs: { table: 'write' },
  body: PlatformSettingsInput,
  response: SettingsOut,
});

export const listRegionStaff = /* @__PURE__ */ line('GET /v1/admin/region-staff', {
  handler: 'admin/list-region-staff',
  access: ['operator'],
  tag: 'admin',
  summary:
    "Every region's staff (by region), and the invitations not taken up yet (soonest expiry first): a page of each at a time, one cursor for both.",
  needs: { table: 'read' },
  // Its cursor holds a position in each of the two lists: the longer bound of the shared page query.
  query: ListPageQuery,
  response: RegionStaffOut,
});

export const revokeInvitation = /* @__PURE__ */ line('DELETE /v1/admin/region-staff/invitations/{email}', {
  handler: 'admin/revoke-invitation',
  access: ['operator'],
  tag: 'admin',
  summary: 'Revokes a pending region-staff invitation (recorded in the audit trail); 404 if none is pending.',
  needs: { table: 'write' },
  params: InvitationEmail,
  response: RevokedOut,
});

export const hideProject = /* @__PURE__ */ line('POST /v1/admin/projects/{id}/hide', {
  handler: 'admin/hide-project',
  access: ['operator'],
  tag: 'admin',
  summary:
    'Hides a posting with a reason: gone from browse, search and recommendations, its page 404 to all but its firm and the operators, no applications; the firm is mailed.',
  needs: { table: 'write', mail: true },
  params: Id,
  body: ReasonInput,
  response: ProjectOut,
});

export const unhideProject = /* @__PURE__ */ line('POST /v1/admin/projects/{id}/unhide', {
  handler: 'admin/unhide-project',
  access: ['operator'],
  tag: 'admin',
  summary: 'Shows a hidden posting again, with a reason; the firm is mailed.',
  needs: { table: 'write', mail: true },
  params: Id,
  body: ReasonInput,
  response: ProjectOut,
});

export const hiddenProjects = /* @__PURE__ */ line('GET /v1/admin/projects/hidden', {
  handler: 'admin/hidden-projects',
  access: ['operator'],
  tag: 'admin',
  summary: 'The hidden postings, most recently hidden first, a page at a time (cursor).',
  needs: { table: 'read' },
  query: PageQuery,
  response: HiddenProjectsPage,
});

export const findAccount = /* @__PURE__ */ line('GET /v1/admin/users', {
  handler: 'admin/find-account',
  access: ['operator'],
  tag: 'admin',
  summary: 'Looks an account up by e-mail address or user id: its role, its suspension, a firm’s projects.',
  needs: { table: 'read' },
  query: AccountQuery,
  response: AccountOut,
});

export const suspendAccount = /* @__PURE__ */ line('POST /v1/admin/users/{id}/suspend', {
  handler: 'admin/suspend-account',
  access: ['operator'],
  tag: 'admin',
  summary:
    'Suspends an account with a reason: its every request is refused (403 account_suspended), a firm’s open projects are hidden, engagements keep running. Never an operator or oneself (409).',
  needs: { table: 'write', mail: true },
  params: Id,
  body: ReasonInput,
  response: SuspensionOut,
});

export const restoreAccount = /* @__PURE__ */ line('POST /v1/admin/users/{id}/restore', {
  handler: 'admin/restore-account',
  access: ['operator'],
  tag: 'admin',
  summary: 'Restores a suspended account with a reason, showing again the projects its suspension hid.',
  needs: { table: 'write', mail: true },
  params: Id,
  body: ReasonInput,
  response: SuspensionOut,
});

export const auditTrail = /* @__PURE__ */ line('GET /v1/admin/audit', {
  handler: 'admin/audit-trail',
  access: ['operator'],
  tag: 'admin',
  summary: "The operators' actions (who did what, when and why), newest first, a page at a time (cursor).",
  needs: { table: 'read' },
  query: PageQuery,
  response: AuditPage,
});

export const feeIncome = /* @__PURE__ */ line('GET /v1/admin/fees', {
  handler: 'admin/fee-income',
  access: ['operator'],
  tag: 'admin',
  summary:
    "The platform's fee income of a year, month by month (fee with its consumption tax), from the ledger.",
  needs: { table: 'read' },
  query: FeesQuery,
  response: FeeIncomeOut,
});
