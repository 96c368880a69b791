import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { ofType, type Stored, strip } from '../data/entity.ts';
import { type Page, type PageRequest, queryAll, queryPage } from '../data/query.ts';
import { projectKeys } from '../projects/project.entity.ts';
import type { ApplicationStatus } from './rules.ts';

/**
 * Application: a professional's proposal for a project.
 * Access patterns:
 *  - getApplication(id)            GetItem  PK=APPLICATION#<id>, SK=APPLICATION
 *  - projectApplications(pid)      Query    GSI1 GSI1PK=PROJECT#<pid>#APPLICATIONS, oldest first (paged)
 *  - a project's applications in some statuses  the same Query, every page, filtered on status (inStatuses)
 *  - professionalApplications(uid) Query    GSI2 GSI2PK=PRO#<uid>#APPLICATIONS, newest first (paged)
 *  - one per person per project    guard item PK=PROJECT#<pid>, SK=APPLICANT#<uid>, written with attribute_not_exists
 *  - one per team per project      guard item PK=PROJECT#<pid>, SK=APPLICANT#TEAM#<teamId>, likewise
 */
export type Application = {
  id: string;
  projectId: string;
  firmId: string;
  professionalId: string;
  proposal: string;
  status: ApplicationStatus;
  engagementId?: string;
  /** A team's application, made by its director (professionalId). */
  teamId?: string;
  teamName?: string;
  createdAt: string;
  updatedAt: string;
  decidedAt?: string;
};
type ApplicationItem = Stored<Application, 'Application'>;

export const applicationKeys = {
  primary: (id: string) => ({ PK: `APPLICATION#${id}`, SK: 'APPLICATION' }),
  guard: (projectId: string, professionalId: string, teamId?: string) => ({
    PK: `PROJECT#${projectId}`,
    SK: teamId ? `APPLICANT#TEAM#${teamId}` : `APPLICANT#${professionalId}`,
  }),
  byProject: (a: Pick<Application, 'projectId' | 'createdAt' | 'id'>) => ({
    GSI1PK: `PROJECT#${a.projectId}#APPLICATIONS`,
    GSI1SK: `${a.createdAt}#${a.id}`,
  }),
  byProfessional: (a: Pick<Application, 'professionalId' | 'createdAt' | 'id'>) => ({
    GSI2PK: `PRO#${a.professionalId}#APPLICATIONS`,
    GSI2SK: `${a.createdAt}#${a.id}`,
  }),
};

const fromItem = (item: Record<string, unknown>) => strip(item as ApplicationItem) as Application;
/** An application in a stream image or a scan. */
export const applicationOf = ofType<Application>('Application');

async function pageOf(
  index: 'GSI1' | 'GSI2',
  pk: string,
  forward: boolean,
  page: PageRequest,
): Promise<Page<Application>> {
  const out = await queryPage({ index, pk, forward }, page, 'list of applications');
  return { items: out.items.map(fromItem), nextCursor: out.nextCursor };
}

export const applications = {
  /** Moving to accepted with its engagement, as a part of the transaction that creates the engagement. */
  acceptance(application: Application, engagementId: string, at: string) {
    return {
      Update: {
        TableName: tableName(),
        Key: applicationKeys.primary(application.id),
        UpdateExpression: 'SET #status = :accepted, engagementId = :eid, updatedAt = :at, decidedAt = :at',
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':accepted': 'accepted',
          ':eid': engagementId,
          ':at': at,
          ':from': application.status,
        },
      },
    };
  },

  async get(id: string): Promise<Application | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: applicationKeys.primary(id) }),
    );
    return Item ? fromItem(Item) : undefined;
  },

  /**
   * One transaction: the guard (one application per person per project), the application, and the
   * project's applicant count, only while the project is open. Reasons come back in that order.
   */
  async submit(application: Application): Promise<void> {
    const item: ApplicationItem = {
      ...application,
      ...applicationKeys.primary(application.id),
      ...applicationKeys.byProject(application),
      ...applicationKeys.byProfessional(application),
      type: 'Application',
    };
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...applicationKeys.guard(
                  application.projectId,
                  application.professionalId,
                  application.teamId,
                ),
                type: 'ApplicationGuard',
                applicationId: application.id,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Update: {
              TableName: tableName(),
              Key: projectKeys.primary(application.projectId),
              UpdateExpression: 'ADD applicantCount :one',
              // Open and not hidden by an operator meanwhile.
              ConditionExpression: '#status = :open AND attribute_not_exists(#hidden)',
              ExpressionAttributeNames: { '#status': 'status', '#hidden': 'hidden' },
              ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
            },
          },
        ],
      }),
    );
  },

  /**
   * Withdrawing, in one transaction: the application moves to withdrawn (only from the status that was read),
   * its guard goes (so the person, or the team, may apply again later with a new application) and the
   * project's applicant count goes down by one. Reasons come back in that order.
   */
  async withdraw(application: Application, at: string): Promise<Application> {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: applicationKeys.primary(application.id),
              UpdateExpression: 'SET #status = :withdrawn, updatedAt = :at',
              ConditionExpression: '#status = :from',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':withdrawn': 'withdrawn',
                ':from': application.status,
                ':at': at,
              },
            },
          },
          {
            Delete: {
              TableName: tableName(),
              Key: applicationKeys.guard(
                application.projectId,
                application.professionalId,
                application.teamId,
              ),
              ConditionExpression: 'applicationId = :id',
              ExpressionAttributeValues: { ':id': application.id },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: projectKeys.primary(application.projectId),
              UpdateExpression: 'ADD applicantCount :minusOne',
              ConditionExpression: 'applicantCount > :zero',
              ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
            },
          },
        ],
      }),
    );
    return { ...application, status: 'withdrawn', updatedAt: at };
  },

  /** Moves the application from the status that was read to the next, or fails if it moved meanwhile. */
  async move(application: Application, to: ApplicationStatus, at: string): Promise<Application> {
    const decided = to !== 'withdrawn' ? { decidedAt: at } : {};
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: applicationKeys.primary(application.id),
        UpdateExpression: `SET #status = :to, updatedAt = :at${'decidedAt' in decided ? ', decidedAt = :at' : ''}`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':to': to, ':from': application.status, ':at': at },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(Attributes ?? {});
  },

  /** A professional's applications, newest first, a page at a time. */
  pageForProfessional: (professionalId: string, page: PageRequest) =>
    pageOf('GSI2', `PRO#${professionalId}#APPLICATIONS`, false, page),

  /**
   * A project's applications in the given statuses, every page (at most 1,000), in the order they arrived:
   * whom a change of the project's conditions is told.
   */
  async inStatuses(projectId: string, statuses: readonly ApplicationStatus[]): Promise<Application[]> {
    const names = statuses.map((_, i) => `:s${i}`);
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      FilterExpression: `#status IN (${names.join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': `PROJECT#${projectId}#APPLICATIONS`,
        ...Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s])),
      },
    });
    return items.map(fromItem);
  },

  /** A project's applications in the order they arrived, a page at a time (the owner firm's list). */
  pageForProject: (projectId: string, page: PageRequest) =>
    pageOf('GSI1', `PROJECT#${projectId}#APPLICATIONS`, true, page),
};
