import { earningsCsv, earningsStatement } from '#shared/billing/earnings-statement.ts';
import { endpoint } from '../endpoint.ts';

const thisYearInJapan = () => new Date(Date.now() + 9 * 3_600_000).getUTCFullYear();

export const handler = endpoint('GET /v1/me/earnings', async ({ profile, query }) => {
  const year = query.year ?? thisYearInJapan();
  const statement = await earningsStatement(profile, year);
  if (query.format !== 'csv') return { json: statement };
  return {
    text: earningsCsv(statement.rows, statement.totals),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'content-disposition': `attachment; filename="kakehashi-earnings-${year}.csv"` },
  };
});
