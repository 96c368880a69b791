import { tableName } from '../data/client.ts';
import { strip } from '../data/entity.ts';
import { queryAll } from '../data/query.ts';
import type { Share } from '../teams/rules.ts';

/**
 * The shares of a team engagement, one immutable version per change (the history is kept).
 * Access patterns:
 *  - engagementShares(id)   Query  PK=ENGAGEMENT#<id>, SK begins_with SHARES#   (every version, in order)
 *  - a new version          Put    SK=SHARES#<seq>, attribute_not_exists: two changes at once cannot share a number
 */
export type SharesVersion = {
  engagementId: string;
  seq: number;
  /** The start of the first paid period it applies to; '' = from the first month. */
  from: string;
  shares: Share[];
  setBy: string;
  setAt: string;
};

export const sharesKeys = {
  primary: (v: Pick<SharesVersion, 'engagementId' | 'seq'>) => ({
    PK: `ENGAGEMENT#${v.engagementId}`,
    SK: `SHARES#${String(v.seq).padStart(6, '0')}`,
  }),
};

/** A version as a transaction item (with the engagement's own writes). */
export function sharesItem(v: SharesVersion) {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...v,
        ...sharesKeys.primary(v),
        type: 'EngagementShares',
        createdAt: v.setAt,
        updatedAt: v.setAt,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export const engagementShares = {
  async all(engagementId: string): Promise<SharesVersion[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :shares)',
      ExpressionAttributeValues: { ':pk': `ENGAGEMENT#${engagementId}`, ':shares': 'SHARES#' },
    });
    return items.map((i) => {
      const {
        createdAt: _c,
        updatedAt: _u,
        ...v
      } = strip(i) as SharesVersion & {
        createdAt: string;
        updatedAt: string;
      };
      return v;
    });
  },
};
