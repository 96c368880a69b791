/**
 * The one table, described once: CDK builds it from this (infra/stateful-stack.ts) and the local
 * cloud creates it in DynamoDB Local from this (infra/local/dynamodb.ts).
 * Keys are generic strings; each entity module under ./entities owns what goes in them.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /**
   * GSI1: "things under a parent, newest first" (a region's firms, a firm's projects, pending invitations…).
   * GSI2: a second view of the same items (by skill, by owner).
   * GSI3: lookups by an alternative key (e-mail, a saved search's id), published events, an event's roster.
   */
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
  /** Items with this attribute (epoch seconds) are removed by DynamoDB's TTL. */
  timeToLiveAttribute: 'expiresAtEpoch',
  stream: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
