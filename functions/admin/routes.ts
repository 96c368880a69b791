import { InvitationInput, InvitationOut, SettingsOut } from '#shared/admin/contract.ts';
import { PlatformSettingsInput } from '#shared/admin/rules.ts';
import { line } from '#shared/http/route.ts';

/** The operators' lines: inviting region staff and the platform's settings. */
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
