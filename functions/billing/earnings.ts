import { earningsCsv, earningsStatement } from '#shared/billing/earnings-statement.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

const thisYearInJapan = () => new Date(Date.now() + 9 * 3_600_000).getUTCFullYear();

export const handler = roleApi(routes.earnings, async ({ profile, query }) => {
  const year = query.year ?? thisYearInJapan();
  const statement = await earningsStatement(profile, year);
  if (query.format !== 'csv') return { json: statement };
  return {
    text: earningsCsv(statement.rows, statement.totals),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'content-disposition': `attachment; filename="kakehashi-earnings-${year}.csv"` },
  };
});
