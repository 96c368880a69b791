import * as z from 'zod';
import { ROLES } from '../domain/roles.ts';

/** A profile as `GET /v1/me` and `PUT /v1/me` answer it: the fields of its role (see ./rules.ts) and these. */
export const ProfileOut = z.looseObject({
  userId: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  email: z.string().optional(),
  regionCode: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileOut = z.output<typeof ProfileOut>;
