import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call, cloud, table } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { freshParties } from '../support/payments.ts';
import { openProject } from '../support/projects.ts';

type Failure = { consumer: string; keys: Record<string, string>; attempts: number; eventName: string };

const failures = async () =>
  ((await (await fetch(`${cloud().url}/_local/stream-failures`)).json()) as { items: Failure[] }).items;

/**
 * A stream consumer that cannot process one record: an application restored without its project (as a
 * botched restore could leave) makes the relationship-population consumer throw for that record alone. It is
 * retried on its own, then handed to the on-failure destination (the local cloud's list, a dead-letter queue
 * in CDK), while the records around it are processed, and the figures it keeps still equal a rebuild from the
 * sources. The project is in a village no other test writes to (Mishima, Kagoshima), so the rebuild of that
 * region compares only this test's records.
 */
const VILLAGE = '46303';
describe('a stream record that keeps failing', () => {
  it('is retried alone, then reported to the failure list; the record beside it is processed', async () => {
    const { firm, pro } = await freshParties('stream-poison');
    const project = await openProject(firm.token, { municipalityCode: VILLAGE });
    const orphan = randomUUID();
    const at = new Date().toISOString();
    const t = table();
    // The poison and a good record, written together so they travel in one batch.
    const [, applied] = await Promise.all([
      t.doc.send(
        new PutCommand({
          TableName: t.name,
          Item: {
            PK: `APPLICATION#${orphan}`,
            SK: 'APPLICATION',
            type: 'Application',
            id: orphan,
            projectId: randomUUID(),
            professionalId: JSON.parse(Buffer.from(pro.token.split('.')[1] ?? '', 'base64url').toString())
              .sub,
            proposal: 'restored without its project',
            status: 'submitted',
            createdAt: at,
            updatedAt: at,
          },
        }),
      ),
      call('POST', `/v1/projects/${project.id}/applications`, {
        token: pro.token,
        json: { proposal: '提案' },
      }),
    ]);
    expect(applied.status).toBe(201);

    const reported = await eventually(async () => {
      const mine = (await failures()).filter((f) => f.keys.PK === `APPLICATION#${orphan}`);
      expect(mine).toHaveLength(1);
      return mine[0] as Failure;
    }, 30_000);
    // The first delivery with its batch and five retries on its own (functions/streams.ts: maxRetries 5).
    expect(reported).toMatchObject({ consumer: 'record-ties', eventName: 'INSERT', attempts: 6 });
    // Only the poisoned record is reported: the good application beside it was processed.
    expect((await failures()).some((f) => f.keys.PK === `APPLICATION#${applied.body.id}`)).toBe(false);

    // The figures kept from the stream equal a rebuild from the sources, once the good record is in.
    await eventually(async () => {
      const rebuilt = (
        (await (
          await fetch(`${cloud().url}/_local/schedules/rebuild-metrics/run`, {
            method: 'POST',
            body: JSON.stringify({ regions: [VILLAGE] }),
          })
        ).json()) as { result: { differences: number; firstDifferences: unknown[]; sources: number } }
      ).result;
      expect(rebuilt.firstDifferences).toEqual([]);
    }, 30_000);
  });
});
