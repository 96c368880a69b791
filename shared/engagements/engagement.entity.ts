import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Application, applications } from '../applications/application.entity.ts';
import type { AppliedEventMarker } from '../billing/stripe-event.entity.ts';
import { db, tableName } from '../data/client.ts';
import { now, type Stored, strip } from '../data/entity.ts';
import { type Page, type PageRequest, queryAll, queryPage } from '../data/query.ts';
import type { EngagementState } from './rules.ts';
import { type SharesVersion, sharesItem } from './shares.entity.ts';

/**
 * Engagement: the monthly retainer an accepted application becomes (payments: the retainers issue).
 * Access patterns:
 *  - getEngagement(id)           GetItem  PK=ENGAGEMENT#<id>, SK=ENGAGEMENT
 *  - firmEngagements(firmId)     Query    GSI1 GSI1PK=FIRM#<firmId>#ENGAGEMENTS
 *  - proEngagements(uid)         Query    GSI2 GSI2PK=PRO#<uid>#ENGAGEMENTS: the engagement itself (its
 *                                         professional, a team's director) and the member links of a team's
 *                                         other members (PK=ENGAGEMENT#<id>, SK=MEMBER#<uid>), then BatchGetItem
 * Stripe's side (subscription, period, state) is written only by `applyStripe`, conditioned on the version
 * that was read, so two webhooks at once cannot interleave their reads and writes.
 */
export type { EngagementState };
export type Engagement = {
  id: string;
  applicationId: string;
  projectId: string;
  firmId: string;
  professionalId: string;
  title: string;
  monthlyFeeJpy: number;
  /** The project's tax setting at acceptance (absent on engagements accepted before it: tax-inclusive). */
  feeTax?: 'inclusive' | 'exclusive';
  hoursPerMonth: number;
  durationMonths: number;
  startMonth?: string;
  /** Snapshots taken at acceptance: the fee the operator had set, the firm and professional's names. */
  platformFeePercent: number;
  workType: string;
  firmName: string;
  professionalName: string;
  /** A team engagement: `professionalId` is its director, `memberIds` everyone who has had a share. */
  teamId?: string;
  teamName?: string;
  memberIds?: string[];
  state: EngagementState;
  /** Stripe's side, once the firm has started paying. */
  checkoutSessionId?: string;
  checkoutAttempts?: number;
  customerId?: string;
  subscriptionId?: string;
  currentPeriodStart?: string;
  currentPeriodEnd?: string;
  cancelAtPeriodEnd?: boolean;
  /** When Stripe cancels it (set for "cancel at period end" too); null once taken back. */
  cancelAt?: string | null;
  /** The firm's notice of ending a long engagement and its reason (freelance act 16条), kept with it. */
  ending?: EndingNotice;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** What a Stripe subscription says about an engagement. */
export type StripeSide = Pick<
  Engagement,
  | 'state'
  | 'customerId'
  | 'subscriptionId'
  | 'currentPeriodStart'
  | 'currentPeriodEnd'
  | 'cancelAtPeriodEnd'
  | 'cancelAt'
>;

export type EndingNotice = {
  requestedAt: string;
  endsAt: string;
  noticeExtended: boolean;
  reasonRequestedAt?: string;
  reason?: string;
  reasonGivenAt?: string;
};
type EngagementItem = Stored<Engagement, 'Engagement'>;

export const engagementKeys = {
  primary: (id: string) => ({ PK: `ENGAGEMENT#${id}`, SK: 'ENGAGEMENT' }),
  byFirm: (e: Pick<Engagement, 'firmId' | 'createdAt' | 'id'>) => ({
    GSI1PK: `FIRM#${e.firmId}#ENGAGEMENTS`,
    GSI1SK: `${e.createdAt}#${e.id}`,
  }),
  byProfessional: (e: Pick<Engagement, 'professionalId' | 'createdAt' | 'id'>) => ({
    GSI2PK: `PRO#${e.professionalId}#ENGAGEMENTS`,
    GSI2SK: `${e.createdAt}#${e.id}`,
  }),
  /** A team member's link to the engagement, in their list beside their own engagements. */
  member: (e: Pick<Engagement, 'createdAt' | 'id'>, userId: string) => ({
    PK: `ENGAGEMENT#${e.id}`,
    SK: `MEMBER#${userId}`,
    GSI2PK: `PRO#${userId}#ENGAGEMENTS`,
    GSI2SK: `${e.createdAt}#${e.id}`,
  }),
};

/** The member links a team engagement needs for members other than its director. */
function memberLinks(e: Engagement, userIds: readonly string[]) {
  return userIds
    .filter((uid) => uid !== e.professionalId)
    .map((uid) => ({
      Put: {
        TableName: tableName(),
        Item: {
          ...engagementKeys.member(e, uid),
          type: 'EngagementMember',
          engagementId: e.id,
          userId: uid,
          createdAt: e.createdAt,
        },
      },
    }));
}

const fromItem = (item: Record<string, unknown>) => {
  const e = strip(item as EngagementItem) as Engagement;
  return { ...e, version: e.version ?? 0 };
};

async function queryIndex(index: 'GSI1' | 'GSI2', pk: string): Promise<Engagement[]> {
  const items = await queryAll(
    {
      TableName: tableName(),
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk`,
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
    },
    500,
  );
  return withLinked(items);
}

/** A page of an index partition, a team member's links read as their engagements. */
async function pageOfIndex(index: 'GSI1' | 'GSI2', pk: string, page: PageRequest): Promise<Page<Engagement>> {
  const out = await queryPage({ index, pk, forward: false }, page, 'list of engagements');
  return { items: await withLinked(out.items), nextCursor: out.nextCursor };
}

/** The engagements themselves, and those a member link points to, newest first. */
async function withLinked(items: Record<string, unknown>[]): Promise<Engagement[]> {
  const own = items.filter((i) => i.type === 'Engagement').map(fromItem);
  const linked = items.filter((i) => i.type === 'EngagementMember').map((i) => i.engagementId as string);
  if (linked.length === 0) return own;
  const found = await byIds(linked);
  return [...own, ...found].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
}

/** Engagements by id (one BatchGetItem per 100), those that exist. */
async function byIds(ids: string[]): Promise<Engagement[]> {
  const found: Engagement[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique
      .slice(i, i + 100)
      .map((id) => engagementKeys.primary(id));
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const out: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }),
      );
      found.push(...(out.Responses?.[tableName()] ?? []).map(fromItem));
      keys = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return found;
}

export const engagements = {
  async get(id: string): Promise<Engagement | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: engagementKeys.primary(id) }),
    );
    return Item ? fromItem(Item) : undefined;
  },

  forFirm: (firmId: string) => queryIndex('GSI1', `FIRM#${firmId}#ENGAGEMENTS`),
  forProfessional: (userId: string) => queryIndex('GSI2', `PRO#${userId}#ENGAGEMENTS`),
  pageForFirm: (firmId: string, page: PageRequest) => pageOfIndex('GSI1', `FIRM#${firmId}#ENGAGEMENTS`, page),
  pageForProfessional: (userId: string, page: PageRequest) =>
    pageOfIndex('GSI2', `PRO#${userId}#ENGAGEMENTS`, page),

  /** Keeps the Checkout Session the firm was sent to, unless another request kept one meanwhile. */
  async keepCheckoutSession(e: Engagement, sessionId: string): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: engagementKeys.primary(e.id),
          UpdateExpression: 'SET checkoutSessionId = :sid, checkoutAttempts = :n, updatedAt = :at',
          ConditionExpression: e.checkoutSessionId
            ? 'checkoutSessionId = :previous'
            : 'attribute_not_exists(checkoutSessionId)',
          ExpressionAttributeValues: {
            ':sid': sessionId,
            ':n': (e.checkoutAttempts ?? 0) + 1,
            ':at': now(),
            ...(e.checkoutSessionId ? { ':previous': e.checkoutSessionId } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  /**
   * The firm's notice of ending (or null: taken back). Not versioned: Stripe's side moves on its own, and
   * the notice is the firm's statement, written after Stripe accepted the change.
   */
  async recordEnding(id: string, ending: EndingNotice | null): Promise<void> {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: engagementKeys.primary(id),
        ...(ending
          ? { UpdateExpression: 'SET ending = :e', ExpressionAttributeValues: { ':e': ending } }
          : { UpdateExpression: 'REMOVE ending' }),
        ConditionExpression: 'attribute_exists(PK)',
      }),
    );
  },

  /**
   * A step of the reason's disclosure (16条2項): the professional asks once, the firm answers once; false when
   * there is no notice or that step was taken already.
   */
  async endingStep(
    id: string,
    step: { reasonRequestedAt: string } | { reason: string; reasonGivenAt: string },
  ) {
    const asking = 'reasonRequestedAt' in step;
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: engagementKeys.primary(id),
          UpdateExpression: asking
            ? 'SET ending.reasonRequestedAt = :at'
            : 'SET ending.reason = :reason, ending.reasonGivenAt = :at',
          ConditionExpression: asking
            ? 'attribute_exists(ending) AND attribute_not_exists(ending.reasonRequestedAt) AND attribute_not_exists(ending.reason)'
            : 'attribute_exists(ending) AND attribute_not_exists(ending.reason)',
          ExpressionAttributeValues: asking
            ? { ':at': step.reasonRequestedAt }
            : { ':reason': step.reason, ':at': step.reasonGivenAt },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  /**
   * Writes Stripe's side of the engagement if it is still at the version that was read, together with the
   * marker of the event that reported it (if any). Throws TransactionCanceledException when either condition
   * fails: `cancellationReasons` tells which (0 = the event was applied already, 1 = the engagement moved).
   */
  async applyStripe(e: Engagement, side: StripeSide, marker?: AppliedEventMarker): Promise<void> {
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':read': e.version, ':next': e.version + 1, ':at': now() };
    const sets = ['#version = :next', 'updatedAt = :at'];
    for (const [field, value] of Object.entries(side)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    const update = {
      Update: {
        TableName: tableName(),
        Key: engagementKeys.primary(e.id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression:
          'attribute_exists(PK) AND (#version = :read OR (attribute_not_exists(#version) AND :read = :zero))',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':zero': 0 },
      },
    };
    // The marker goes first, so reason 0 always means "already applied".
    await db().send(new TransactWriteCommand({ TransactItems: marker ? [marker, update] : [update] }));
  },

  /**
   * Accepting: the application moves to accepted (only from the status that was read) and its engagement is
   * created, both or neither. Of ten accepts at once, one transaction wins; the rest find it accepted.
   */
  async startFromAcceptance(
    application: Application,
    engagement: Engagement,
    shares?: SharesVersion,
    /** Written in the same transaction: the first version of its terms (../terms/terms.entity.ts). */
    alsoPut: Record<string, unknown>[] = [],
  ): Promise<void> {
    const item: EngagementItem = {
      ...engagement,
      ...engagementKeys.primary(engagement.id),
      ...engagementKeys.byFirm(engagement),
      ...engagementKeys.byProfessional(engagement),
      type: 'Engagement',
    };
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          applications.acceptance(application, engagement.id, engagement.createdAt),
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          // A team's: its first shares (equal) and the links that put it in each member's list.
          ...(shares
            ? [
                sharesItem(shares),
                ...memberLinks(
                  engagement,
                  shares.shares.map((s) => s.userId),
                ),
              ]
            : []),
          ...alsoPut,
        ],
      }),
    );
  },

  /**
   * The director sets new shares: the version (only if its number is still free: two changes at once cannot
   * both be number n), members new to the engagement added to `memberIds`, their links written.
   */
  async setShares(e: Engagement, version: SharesVersion): Promise<void> {
    const known = new Set(e.memberIds ?? []);
    const added = version.shares.map((s) => s.userId).filter((uid) => !known.has(uid));
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          sharesItem(version),
          ...(added.length
            ? [
                {
                  Update: {
                    TableName: tableName(),
                    Key: engagementKeys.primary(e.id),
                    UpdateExpression: 'SET memberIds = list_append(memberIds, :added), updatedAt = :at',
                    ConditionExpression: 'attribute_exists(memberIds)',
                    ExpressionAttributeValues: { ':added': added, ':at': version.setAt },
                  },
                },
                ...memberLinks(e, added),
              ]
            : []),
        ],
      }),
    );
  },

  byIds,
};
