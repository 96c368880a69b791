import * as z from '../zod-mini.ts';

/** What the public routes answer (zod's mini API, ../zod-mini.ts: config and openapi touch nothing). */
export const HealthOut = /* @__PURE__ */ z.pure(() => z.object({ status: z.enum(['ok']), time: z.string() }));
export const ConfigOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    auth: z.object({
      region: z.string(),
      userPoolId: z.string(),
      clientId: z.string(),
      endpoint: z.optional(z.string()),
    }),
    stripe: z.object({ publishableKey: z.string(), local: z.boolean() }),
  }),
);
export const OpenApiOut = /* @__PURE__ */ z.pure(() =>
  z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
);
