import { line } from '#shared/http/route.ts';
import {
  RegionParams,
  RelationshipPopulationOut,
  RelationshipPopulationQuery,
} from '#shared/metrics/contract.ts';

/** The metrics context's lines: what a region's staff see of their relationship population (BRIEF 2.5). */
export const relationshipPopulation = /* @__PURE__ */ line('GET /v1/regions/{code}/relationship-population', {
  handler: 'metrics/relationship-population',
  access: ['region_staff', 'operator'],
  tag: 'metrics',
  summary:
    "A region's relationship population (関係人口) over up to 36 months, for its staff, staff of a region containing it, and operators. format=csv&table=<name>: one table as CSV.",
  needs: { table: 'read' },
  params: RegionParams,
  query: RelationshipPopulationQuery,
  response: RelationshipPopulationOut,
  produces: 'text/csv',
});
