import type { JobLine } from '#shared/http/route.ts';

/**
 * Consumers of the table's change stream: CDK attaches each with an event source mapping
 * (batch item failures reported), the local stream poller feeds the same handlers.
 */
export type StreamConsumer = JobLine & { batchSize: number; maxRetries: number };

export const streamConsumers: readonly StreamConsumer[] = [
  {
    name: 'maintain-listings',
    handler: 'projects/maintain-listings',
    batchSize: 100,
    maxRetries: 5,
    needs: { table: 'write' },
  },
  {
    name: 'record-ties',
    handler: 'metrics/record-ties',
    batchSize: 100,
    maxRetries: 5,
    needs: { table: 'write' },
  },
];
