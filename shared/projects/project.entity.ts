import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { db, tableName } from '../data/client.ts';
import { decodeCursor, encodeCursor } from '../data/cursor.ts';
import { ofType, type Stored, strip } from '../data/entity.ts';
import { type Page, type PageRequest, queryAll, queryPage } from '../data/query.ts';
import * as z from '../zod-mini.ts';
import type { Project } from './rules.ts';

/**
 * Project: a piece of work a firm carved out. Listings (./listing.ts) are derived from it by the stream
 * consumer functions/projects/maintain-listings.ts.
 * Access patterns:
 *  - getProject(id)              GetItem       PK=PROJECT#<id>, SK=PROJECT
 *  - projectsByIds(ids)          BatchGetItem  (a page of search results)
 *  - firmProjects(firmId)        Query         GSI1 GSI1PK=FIRM#<firmId>#PROJECTS, newest first
 *  - hiddenProjects()            Query         GSI2 GSI2PK=PROJECTS#HIDDEN (sparse: while hidden), newest first
 */
type ProjectItem = Stored<Project, 'Project'>;

export const projectKeys = {
  primary: (id: string) => ({ PK: `PROJECT#${id}`, SK: 'PROJECT' }),
  firmPartition: (firmId: string) => `FIRM#${firmId}#PROJECTS`,
  byFirm: (p: Pick<Project, 'firmId' | 'createdAt' | 'id'>) => ({
    GSI1PK: projectKeys.firmPartition(p.firmId),
    GSI1SK: `${p.createdAt}#${p.id}`,
  }),
  hidden: (hiddenAt: string, id: string) => ({ GSI2PK: 'PROJECTS#HIDDEN', GSI2SK: `${hiddenAt}#${id}` }),
};

const HiddenCursor = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    PK: z.string().check(z.startsWith('PROJECT#'), z.maxLength(100)),
    SK: z.literal('PROJECT'),
    GSI2PK: z.literal('PROJECTS#HIDDEN'),
    GSI2SK: z.string().check(z.maxLength(200)),
  }),
);

export function projectItem(project: Project): ProjectItem {
  return { ...project, ...projectKeys.primary(project.id), ...projectKeys.byFirm(project), type: 'Project' };
}

export const fromItem = (item: Record<string, unknown>) => strip(item as ProjectItem) as Project;

/** A project in a scan (the stream's images: projectFromImage). */
export const projectOf = ofType<Project>('Project');

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

/** The project in a change-stream image, if the item is a project. */
export function projectFromImage(image: Image | undefined): Project | undefined {
  if (image?.type?.S !== 'Project') return undefined;
  return fromItem(unmarshall(image as Parameters<typeof unmarshall>[0]));
}

export const projects = {
  async get(id: string): Promise<Project | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: projectKeys.primary(id) }),
    );
    return Item ? fromItem(Item) : undefined;
  },

  async create(project: Project): Promise<void> {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: projectItem(project),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  },

  /**
   * Replaces the project if nobody changed it since it was read (same `updatedAt`), so an edit, a publish
   * and a close that race cannot undo each other; the applicant count is carried over, not overwritten.
   */
  async replace(next: Project, read: Project): Promise<void> {
    const { PK, SK, applicantCount, ...fields } = projectItem(next);
    const removed = Object.keys(read).filter((k) => !(k in fields) && k !== 'applicantCount');
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':read': read.updatedAt };
    const sets = Object.entries(fields).map(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:v${i}`] = value;
      return `#f${i} = :v${i}`;
    });
    const removes = removed.map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK, SK },
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: '#upd = :read',
        ExpressionAttributeNames: { ...names, '#upd': 'updatedAt' },
        ExpressionAttributeValues: values,
      }),
    );
  },

  /** Projects by id, in the order asked, those that exist. */
  async byIds(ids: string[]): Promise<Project[]> {
    if (!ids.length) return [];
    const found = new Map<string, Project>();
    let keys: Record<string, unknown>[] | undefined = ids.map((id) => projectKeys.primary(id));
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const out: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }),
      );
      for (const item of out.Responses?.[tableName()] ?? []) {
        const p = fromItem(item);
        found.set(p.id, p);
      }
      keys = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  },

  /**
   * Hiding, as a part of the operator's transaction (beside its audit entry): a published project not hidden
   * yet. `updatedAt` moves, so a firm's edit read before it is refused rather than undoing it.
   */
  hiding(id: string, h: { at: string; by: string; reason: string }) {
    const { GSI2PK, GSI2SK } = projectKeys.hidden(h.at, id);
    return {
      Update: {
        TableName: tableName(),
        Key: projectKeys.primary(id),
        UpdateExpression:
          'SET #hidden = :true, hiddenAt = :at, hiddenBy = :by, hiddenReason = :reason, updatedAt = :at, GSI2PK = :pk, GSI2SK = :sk',
        ConditionExpression: 'attribute_exists(PK) AND #status <> :draft AND attribute_not_exists(#hidden)',
        ExpressionAttributeNames: { '#status': 'status', '#hidden': 'hidden' },
        ExpressionAttributeValues: {
          ':true': true,
          ':at': h.at,
          ':by': h.by,
          ':reason': h.reason,
          ':pk': GSI2PK,
          ':sk': GSI2SK,
          ':draft': 'draft',
        },
      },
    };
  },

  /** Unhiding, as a transaction's part; with `onlyIfReason`, only a project hidden for that reason. */
  unhiding(id: string, at: string, onlyIfReason?: string) {
    return {
      Update: {
        TableName: tableName(),
        Key: projectKeys.primary(id),
        UpdateExpression:
          'SET updatedAt = :at REMOVE #hidden, hiddenAt, hiddenBy, hiddenReason, GSI2PK, GSI2SK',
        ConditionExpression: `attribute_exists(#hidden)${onlyIfReason ? ' AND hiddenReason = :reason' : ''}`,
        ExpressionAttributeNames: { '#hidden': 'hidden' },
        ExpressionAttributeValues: { ':at': at, ...(onlyIfReason ? { ':reason': onlyIfReason } : {}) },
      },
    };
  },

  /** Hidden projects, most recently hidden first, a page at a time (a cursor of another list is a 400). */
  async hidden(limit: number, cursor?: string): Promise<{ items: Project[]; nextCursor: string | null }> {
    const start = cursor
      ? decodeCursor(cursor, HiddenCursor, () => true, 'list of hidden projects')
      : undefined;
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': 'PROJECTS#HIDDEN' },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    const next = out.LastEvaluatedKey;
    return { items: (out.Items ?? []).map(fromItem), nextCursor: next ? encodeCursor(next) : null };
  },

  /** A firm's projects, newest first, a page at a time. */
  async pageByFirm(firmId: string, page: PageRequest): Promise<Page<Project>> {
    const pk = projectKeys.firmPartition(firmId);
    const out = await queryPage({ index: 'GSI1', pk, forward: false }, page, 'list of projects');
    return { items: out.items.map(fromItem), nextCursor: out.nextCursor };
  },

  async byFirm(firmId: string): Promise<Project[]> {
    const items = await queryAll(
      {
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': projectKeys.firmPartition(firmId) },
        ScanIndexForward: false,
      },
      500,
    );
    return items.map(fromItem);
  },
};
