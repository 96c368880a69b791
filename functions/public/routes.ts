import { line } from '#shared/http/route.ts';
import { ConfigOut, HealthOut, OpenApiOut } from '#shared/public/contract.ts';

/** The public context's lines: what a load balancer, the web app and API clients read first. */
export const health = /* @__PURE__ */ line('GET /v1/health', {
  handler: 'public/health',
  access: 'public',
  tag: 'public',
  summary: 'Whether the service and its database answer.',
  needs: { table: 'read' },
  response: HealthOut,
});

export const webConfig = /* @__PURE__ */ line('GET /v1/config', {
  handler: 'public/config',
  access: 'public',
  tag: 'public',
  summary: 'What the web app needs to sign people in and to pay.',
  needs: {},
  response: ConfigOut,
});

export const openApi = /* @__PURE__ */ line('GET /v1/openapi.json', {
  handler: 'public/openapi',
  access: 'public',
  tag: 'public',
  summary: 'This API described as OpenAPI 3.1, generated from the zod schemas.',
  needs: {},
  response: OpenApiOut,
});
