import type { Route } from '#shared/http/route.ts';
import * as accounts from './accounts/routes.ts';
import * as admin from './admin/routes.ts';
import * as applications from './applications/routes.ts';
import * as billing from './billing/routes.ts';
import * as considerations from './considerations/routes.ts';
import * as engagements from './engagements/routes.ts';
import * as eventsRoutes from './events/routes.ts';
import * as invoices from './invoices/routes.ts';
import * as mail from './mail/routes.ts';
import * as metrics from './metrics/routes.ts';
import * as projects from './projects/routes.ts';
import * as publicRoutes from './public/routes.ts';
import * as recommendations from './recommendations/routes.ts';
import * as regions from './regions/routes.ts';
import * as searches from './searches/routes.ts';
import * as teams from './teams/routes.ts';
import * as terms from './terms/routes.ts';

/**
 * Every context's lines, gathered: CDK (infra/stateless-stack.ts) makes a function and an API route of each,
 * the local gateway (infra/local/gateway.ts) serves them, /v1/openapi.json is generated from them and the
 * authorization matrix checks them. A handler never imports this module: it imports its one line from its
 * context's routes.ts, so its bundle carries only that line.
 */
export const contexts = {
  public: publicRoutes,
  regions,
  accounts,
  admin,
  projects,
  applications,
  teams,
  engagements,
  billing,
  events: eventsRoutes,
  metrics,
  recommendations,
  searches,
  mail,
  terms,
  considerations,
  invoices,
} as const;

export const lines: readonly Route[] = Object.values(contexts).flatMap((c) => Object.values(c) as Route[]);

/** The lines by route key (`GET /v1/me`). A key defined twice would lose a line: the test suite refuses it. */
export const routes: Readonly<Record<string, Route>> = Object.fromEntries(lines.map((l) => [l.key, l]));
export const routeKeys = lines.map((l) => l.key);
