import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable, startDynamoDb } from '../../infra/local/dynamodb.ts';
import { freePort } from '../../infra/local/ports.ts';
import { seedProjects } from '../../scripts/seed-projects.ts';

const port = await freePort();
const d = await startDynamoDb(port);
await ensureTable(d.client, 'kakehashi');
if (process.argv[2] === 'nostream')
  await d.client.send(
    new UpdateTableCommand({ TableName: 'kakehashi', StreamSpecification: { StreamEnabled: false } }),
  );
process.env.AWS_ENDPOINT_URL_DYNAMODB = d.endpoint;
let from = 0;
for (const c of [1, 2, 4, 8]) {
  const r = await seedProjects({ count: 1500, from, concurrency: c });
  from += 1500;
  console.log(
    `concurrency ${c}: ${((r.projects / r.elapsedMs) * 1000).toFixed(0)} projects/s, ${((r.items / r.elapsedMs) * 1000).toFixed(0)} items/s`,
  );
}
await d.stop();
