import { feeIncomeOf } from '#shared/admin/fee-income.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.feeIncome, async ({ query }) => ({
  json: await feeIncomeOf(query.year),
}));
