import { createHash } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Profile } from '#shared/accounts/rules.ts';
import { userItem } from '#shared/accounts/user.entity.ts';
import { platformSettings } from '#shared/admin/settings.entity.ts';
import { applications } from '#shared/applications/application.entity.ts';
import { db, tableName } from '#shared/data/client.ts';
import { now } from '#shared/data/entity.ts';
import { listingEntries } from '#shared/projects/listing.entity.ts';
import { projects } from '#shared/projects/project.entity.ts';
import type { Project } from '#shared/projects/rules.ts';
import { DEMO_PASSWORD, demoAccounts, demoSettings } from './demo-data.ts';
import { seedEvents } from './demo-events.ts';
import { seedHistory } from './demo-history.ts';
import { demoProjects } from './demo-projects.ts';
import { DEMO_TEAM, seedTeam } from './demo-team.ts';
import { type DemoRetainer, seedRetainers } from './seed-retainers.ts';

/** The Cognito `sub` of a user, creating the user with the demo password if they do not exist. */
async function ensureUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
): Promise<string> {
  const sub = (attributes?: { Name?: string; Value?: string }[]) =>
    attributes?.find((a) => a.Name === 'sub')?.Value;
  try {
    const existing = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    const id = sub(existing.UserAttributes);
    if (id) return id;
  } catch (error) {
    if ((error as Error).name !== 'UserNotFoundException') throw error;
  }
  const created = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: DEMO_PASSWORD,
      Permanent: true,
    }),
  );
  const id = sub(created.User?.Attributes);
  if (!id) throw new Error(`cognito-local gave no sub for ${email}`);
  return id;
}

/** A stable id for a demo object, so seeding twice finds what the first run made. */
export function demoId(key: string): string {
  const h = createHash('sha1').update(`kakehashi-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const ignoreExisting = (error: Error) => {
  if (error.name !== 'ConditionalCheckFailedException' && error.name !== 'TransactionCanceledException')
    throw error;
};

/** The demo projects, their listings and a few applications. */
async function seedProjects(
  userIds: Map<string, string>,
  profiles: Map<string, Profile>,
): Promise<DemoRetainer[]> {
  const retainers: DemoRetainer[] = [];
  for (const demo of demoProjects) {
    const { key, firm, status, daysAgo, applicants = [], ...input } = demo;
    const firmProfile = profiles.get(firm);
    if (firmProfile?.role !== 'firm') throw new Error(`demo project ${key}: ${firm} is not a firm`);
    const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const project: Project = {
      ...input,
      workType: input.workType ?? 'other',
      id: demoId(key),
      firmId: firmProfile.userId,
      organizationName: firmProfile.organizationName,
      prefectureCode: input.municipalityCode.slice(0, 2),
      shortTime: input.shortTime ?? false,
      status,
      applicantCount: 0,
      createdAt: at,
      updatedAt: at,
      ...(status === 'open' ? { publishedAt: at } : {}),
    };
    const created = await projects.create(project).then(
      () => true,
      (error: Error) => {
        ignoreExisting(error);
        return false;
      },
    );
    if (!created) continue;
    // Listings are written here rather than left to the stream consumer: seeding runs as the poller starts.
    for (const entry of listingEntries(project))
      await db().send(new PutCommand({ TableName: tableName(), Item: entry }));
    for (const [i, a] of applicants.entries()) {
      const professionalId = userIds.get(a.pro) as string;
      if (a.retainer)
        retainers.push({ applicationId: demoId(`${key}:${i}`), firmId: project.firmId, professionalId });
      await applications
        .submit({
          id: demoId(`${key}:${i}`),
          projectId: project.id,
          firmId: project.firmId,
          professionalId,
          proposal: a.proposal,
          status: 'submitted',
          createdAt: at,
          updatedAt: at,
        })
        .catch(ignoreExisting);
    }
  }
  return retainers;
}

/** Demo accounts, profiles, projects and events. Idempotent: what exists is left as it is. */
export async function seed(cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  const userIds = new Map<string, string>();
  const profiles = new Map<string, Profile>();
  for (const account of demoAccounts) {
    const userId = await ensureUser(cognito, userPoolId, account.email);
    userIds.set(account.email, userId);
    const profile = { ...account.profile, userId, email: account.email } as Profile;
    profiles.set(account.email, profile);
    await db()
      .send(
        new PutCommand({
          TableName: tableName(),
          Item: userItem(profile, now()),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
  const retainers = await seedProjects(userIds, profiles);
  await platformSettings.putIfMissing({ ...demoSettings, updatedAt: now() });
  await seedEvents({ from: Date.now(), demoId, profiles });
  await seedHistory({ from: Date.now(), demoId, profiles });
  // STRIPE_API_BASE is set only when the local Stripe runs: never charge a real card for the demo.
  if (process.env.STRIPE_API_BASE) {
    await seedRetainers(retainers, process.env.STRIPE_API_BASE);
    await seedTeam(process.env.STRIPE_API_BASE, userIds, demoId(DEMO_TEAM.projectKey));
  }
}
