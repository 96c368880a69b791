/**
 * Consumers of the table's change stream: CDK attaches each with an event source mapping
 * (batch item failures reported), the local stream poller feeds the same handlers.
 * The relationship-population consumer joins here in its own issue.
 */
export type StreamConsumer = { name: string; handler: string; batchSize: number; maxRetries: number };

export const streamConsumers: readonly StreamConsumer[] = [
  { name: 'maintain-listings', handler: 'projects/maintain-listings', batchSize: 100, maxRetries: 5 },
];
