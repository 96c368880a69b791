import { ROLES } from '../domain/roles.ts';
import * as z from '../zod-mini.ts';

/** A profile as `GET /v1/me` and `PUT /v1/me` answer it: the fields of its role (see ./rules.ts) and these. */
export const ProfileOut = /* @__PURE__ */ z.pure(() =>
  z.looseObject({
    userId: z.string(),
    role: z.enum(ROLES),
    displayName: z.string(),
    email: z.optional(z.string()),
    regionCode: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);
export type ProfileOut = z.output<typeof ProfileOut>;
